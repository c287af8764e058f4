package org.hotdesk.sip.media;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every prompt language the server has, by code; a tenant's language falls back to the server's default. */
public final class PromptCatalog {
    /** The prompt sets in this build (hotdesk-sip/prompts/<language>.txt). */
    public static final java.util.List<String> LANGUAGES = java.util.List.of("en", "de");

    private static final Logger log = LoggerFactory.getLogger(PromptCatalog.class);

    private final Prompts fallback;
    private final Map<String, Prompts> byLanguage = new ConcurrentHashMap<>();

    public PromptCatalog(String defaultLanguage) {
        this.fallback = new Prompts(defaultLanguage);
        byLanguage.put(defaultLanguage, fallback);
    }

    /** Is there a prompt set for this language? */
    public static boolean has(String language) {
        return language != null && PromptCatalog.class.getResource("/prompts/" + language + "/enter_pin.wav") != null;
    }

    public Prompts forLanguage(String language) {
        if (language == null) return fallback;
        return byLanguage.computeIfAbsent(language, lang -> {
            if (has(lang)) return new Prompts(lang);
            log.warn("no prompts for language {}; using {}", lang, fallback.language());
            return fallback;
        });
    }
}
