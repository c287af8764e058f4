package org.hotdesk.sip.media;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * The recorded prompts of one language (resources {@code /prompts/<language>/<name>.wav}, 8 kHz 16-bit PCM,
 * made by {@code hotdesk-sip/prompts/generate.sh}), encoded to G.711 once and kept.
 */
public final class Prompts {
    private final String language;
    private final Map<String, byte[]> encoded = new ConcurrentHashMap<>();

    public Prompts(String language) {
        this.language = language;
        if (Prompts.class.getResource(path("enter_pin")) == null) {
            throw new IllegalArgumentException("no prompts for language '" + language + "'");
        }
    }

    public String language() {
        return language;
    }

    /** A prompt as G.711 bytes in the codec; an unknown name is a programming error. */
    public byte[] get(String name, Codec codec) {
        return encoded.computeIfAbsent(codec + "/" + name, k -> encode(name, codec));
    }

    /** "1 0 0 1": a number spoken digit by digit, one clip per digit (played one after the other). */
    public List<byte[]> digits(String number, Codec codec) {
        List<byte[]> parts = new ArrayList<>(number.length());
        for (char c : number.toCharArray()) {
            if (Character.isDigit(c)) parts.add(get("digit_" + c, codec));
        }
        return parts;
    }

    private byte[] encode(String name, Codec codec) {
        try (InputStream raw = Prompts.class.getResourceAsStream(path(name))) {
            if (raw == null) throw new IllegalArgumentException("no prompt '" + name + "' in " + language);
            try (AudioInputStream pcm = AudioSystem.getAudioInputStream(new BufferedInputStream(raw));
                 AudioInputStream g711 = AudioSystem.getAudioInputStream(codec.format(), pcm)) {
                return g711.readAllBytes();
            }
        } catch (IOException | UnsupportedAudioFileException e) {
            throw new IllegalStateException("prompt '" + name + "' (" + language + ") unreadable", e);
        }
    }

    private String path(String name) {
        return "/prompts/" + language + "/" + name + ".wav";
    }
}
