package org.hotdesk.app.config;

/**
 * The voice menu (PIN logins by phone, spoken confirmations).
 *
 * @param rtpPortMin        first UDP port for RTP audio
 * @param rtpPortMax        last UDP port for RTP audio (each call takes one even port)
 * @param interDigitSeconds how long the menu waits for the next key
 * @param callLimitSeconds  the longest a voice-menu call may last
 * @param language          prompt set ({@code en})
 */
public record MediaConfig(int rtpPortMin, int rtpPortMax, int interDigitSeconds, int callLimitSeconds, String language) {
    public static final MediaConfig DEFAULTS = new MediaConfig(20000, 20999, 5, 120, "en");

    public MediaConfig {
        Require.between("media.rtpPortMin", rtpPortMin, 1024, 65532);
        Require.between("media.rtpPortMax", rtpPortMax, rtpPortMin + 2, 65534);
        Require.between("media.interDigitSeconds", interDigitSeconds, 1, 60);
        Require.between("media.callLimitSeconds", callLimitSeconds, 10, 3600);
        Require.text("media.language", language);
        if (!org.hotdesk.sip.media.PromptCatalog.has(language)) {
            throw ConfigException.forKey("media.language", "no prompts for '" + language + "' (available: "
                    + String.join(", ", org.hotdesk.sip.media.PromptCatalog.LANGUAGES) + ")");
        }
    }

    public org.hotdesk.sip.MediaConfig toServerConfig() {
        return new org.hotdesk.sip.MediaConfig(rtpPortMin, rtpPortMax, interDigitSeconds, callLimitSeconds, language);
    }
}
