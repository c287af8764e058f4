package org.hotdesk.sip.media;

import java.util.Optional;
import javax.sound.sampled.AudioFormat;

/** The G.711 codecs the IVR speaks: one byte per sample, 8 kHz, 160 bytes per 20 ms frame. */
public enum Codec {
    PCMU(0, AudioFormat.Encoding.ULAW),
    PCMA(8, AudioFormat.Encoding.ALAW);

    private final int payloadType;
    private final AudioFormat.Encoding encoding;

    Codec(int payloadType, AudioFormat.Encoding encoding) {
        this.payloadType = payloadType;
        this.encoding = encoding;
    }

    public int payloadType() {
        return payloadType;
    }

    /** The JDK's name for it: it converts 16-bit PCM to and from G.711 itself. */
    public AudioFormat format() {
        return new AudioFormat(encoding, 8000f, 8, 1, 1, 8000f, false);
    }

    public static Optional<Codec> forPayloadType(int pt) {
        for (Codec c : values()) {
            if (c.payloadType == pt) return Optional.of(c);
        }
        return Optional.empty();
    }
}
