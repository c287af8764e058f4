package org.hotdesk.sip;

/**
 * The voice menu's audio.
 *
 * @param rtpPortMin             first UDP port for RTP (even ports are used)
 * @param rtpPortMax             last UDP port for RTP
 * @param interDigitSeconds      how long the menu waits for the next key before giving up
 * @param callLimitSeconds       the longest a voice-menu call may last
 * @param language               the prompt set ({@code en})
 */
public record MediaConfig(int rtpPortMin, int rtpPortMax, int interDigitSeconds, int callLimitSeconds, String language) {
    public static final MediaConfig DEFAULTS = new MediaConfig(20000, 20999, 5, 120, "en");
}
