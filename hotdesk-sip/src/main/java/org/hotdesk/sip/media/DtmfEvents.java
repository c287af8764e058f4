package org.hotdesk.sip.media;

import java.util.Optional;

/**
 * RFC 4733 telephone-events in RTP: a key press is several packets with one RTP timestamp (updates while
 * the key is held, then three copies of the end packet). Each press is reported once, at its first packet.
 */
final class DtmfEvents {
    private static final String KEYS = "0123456789*#ABCD";
    private long lastTimestamp = -1;

    /** The key of a telephone-event payload, if it starts a new press. */
    Optional<Character> accept(long rtpTimestamp, byte[] payload, int offset, int length) {
        if (length < 4) return Optional.empty();
        int event = payload[offset] & 0xff;
        if (event >= KEYS.length() || rtpTimestamp == lastTimestamp) return Optional.empty();
        lastTimestamp = rtpTimestamp;
        return Optional.of(KEYS.charAt(event));
    }
}
