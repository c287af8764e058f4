package org.hotdesk.sip.media;

import java.util.Optional;

/**
 * RFC 4733 telephone-events in RTP: a key press is several packets with one RTP timestamp (updates while
 * the key is held, then up to three copies of the end packet). Each press is reported once, at its first
 * packet. A new timestamp or key is a new press; so is a start packet after the end of the same key at the
 * same timestamp, which replayed recordings (SIPp's DTMF pcaps all share one timestamp) produce.
 */
final class DtmfEvents {
    private static final String KEYS = "0123456789*#ABCD";
    private long lastTimestamp = -1;
    private int lastEvent = -1;
    private boolean lastEnded;

    /** The key of a telephone-event payload, if it starts a new press. */
    Optional<Character> accept(long rtpTimestamp, byte[] payload, int offset, int length) {
        if (length < 4) return Optional.empty();
        int event = payload[offset] & 0xff;
        if (event >= KEYS.length()) return Optional.empty();
        boolean end = (payload[offset + 1] & 0x80) != 0;
        boolean newPress = rtpTimestamp != lastTimestamp || event != lastEvent || (lastEnded && !end);
        if (!newPress) {
            lastEnded |= end;
            return Optional.empty();
        }
        lastTimestamp = rtpTimestamp;
        lastEvent = event;
        lastEnded = end;
        return Optional.of(KEYS.charAt(event));
    }
}
