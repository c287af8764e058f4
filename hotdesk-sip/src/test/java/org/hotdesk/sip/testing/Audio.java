package org.hotdesk.sip.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** What a test hears: received G.711 decoded to samples, compared with the recorded prompt files. */
public final class Audio {
    private static final AudioFormat ULAW = new AudioFormat(AudioFormat.Encoding.ULAW, 8000f, 8, 1, 1, 8000f, false);
    private static final AudioFormat PCM = new AudioFormat(8000f, 16, 1, true, false);

    private Audio() {
    }

    /** μ-law bytes as 16-bit samples (the JDK's decoder, independent of the server's code path). */
    public static short[] decodeUlaw(byte[] ulaw) throws Exception {
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(ulaw), ULAW, ulaw.length);
             AudioInputStream pcm = AudioSystem.getAudioInputStream(PCM, in)) {
            return samples(pcm.readAllBytes());
        }
    }

    /** The samples of prompt files from the resources, one after the other. */
    public static short[] prompt(String language, String... names) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String name : names) {
            try (InputStream raw = Audio.class.getResourceAsStream("/prompts/" + language + "/" + name + ".wav");
                 AudioInputStream wav = AudioSystem.getAudioInputStream(new BufferedInputStream(raw));
                 AudioInputStream pcm = AudioSystem.getAudioInputStream(PCM, wav)) {
                all.writeBytes(pcm.readAllBytes());
            }
        }
        return samples(all.toByteArray());
    }

    /**
     * Normalised correlation of two signals over the expected one's length (1 = the same sound). G.711
     * quantisation keeps a correct prompt above 0.99; another prompt or silence is far below.
     */
    public static double similarity(short[] expected, short[] heard) {
        int n = Math.min(expected.length, heard.length);
        if (n < expected.length * 0.95) return 0;
        double dot = 0, e2 = 0, h2 = 0;
        for (int i = 0; i < n; i++) {
            dot += (double) expected[i] * heard[i];
            e2 += (double) expected[i] * expected[i];
            h2 += (double) heard[i] * heard[i];
        }
        return e2 == 0 || h2 == 0 ? 0 : dot / Math.sqrt(e2 * h2);
    }

    private static short[] samples(byte[] pcm) {
        short[] s = new short[pcm.length / 2];
        ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(s);
        return s;
    }
}
