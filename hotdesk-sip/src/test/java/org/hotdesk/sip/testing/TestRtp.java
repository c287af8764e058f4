package org.hotdesk.sip.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The audio side of a test phone: receives the server's RTP, cut into prompts by the silence between them,
 * and presses keys as RFC 4733 telephone-events.
 */
public final class TestRtp implements AutoCloseable {
    public static final int DTMF_PT = 101;

    private final DatagramSocket socket;
    private final List<long[]> arrivals = new ArrayList<>(); // {nanoTime, seq}
    private final List<byte[]> payloads = new ArrayList<>();
    private final Thread reader;
    private volatile boolean closed;
    private InetSocketAddress server;
    private int sequence = 1;
    private long timestamp = 1000;

    public TestRtp() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        socket.setSoTimeout(100);
        reader = Thread.ofPlatform().daemon().start(this::read);
    }

    /** An SDP offer of PCMU (and telephone-event when {@code withDtmf}) at this socket. */
    public String offer(boolean withDtmf) {
        return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + socket.getLocalPort() + " RTP/AVP 0" + (withDtmf ? " " + DTMF_PT : "") + "\r\n"
                + "a=rtpmap:0 PCMU/8000\r\n"
                + (withDtmf ? "a=rtpmap:" + DTMF_PT + " telephone-event/8000\r\na=fmtp:" + DTMF_PT + " 0-15\r\n" : "");
    }

    /** An offer naming an address nobody listens on, as a phone behind NAT writes its private one. */
    public String offerFromBehindNat() {
        return offer(true).replace("m=audio " + socket.getLocalPort(), "m=audio 9").replace("IN IP4 127.0.0.1", "IN IP4 127.0.0.9");
    }

    /** One packet of silence, as a phone's audio stream starts. */
    public void sendSilence() throws IOException {
        byte[] p = new byte[12 + 160];
        p[0] = (byte) 0x80;
        p[3] = (byte) sequence++;
        java.util.Arrays.fill(p, 12, p.length, (byte) 0xff);
        socket.send(new DatagramPacket(p, p.length, server));
    }

    /** Where to send: the port in the server's SDP answer. */
    public void answeredBy(String sdp) {
        int port = Integer.parseInt(sdp.replaceAll("(?s).*m=audio (\\d+) .*", "$1"));
        server = new InetSocketAddress("127.0.0.1", port);
    }

    /**
     * The next prompt: the payloads of the packets received until the audio pauses for 300 ms. Fails when
     * nothing starts within the timeout.
     */
    public byte[] awaitPrompt(Duration timeout) throws InterruptedException {
        awaitFirstPacket(timeout);
        while (true) {
            synchronized (this) {
                long last = arrivals.get(arrivals.size() - 1)[0];
                if (System.nanoTime() - last > 300_000_000L) {
                    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                    payloads.forEach(out::writeBytes);
                    payloads.clear();
                    arrivals.clear();
                    return out.toByteArray();
                }
            }
            Thread.sleep(20);
        }
    }

    public void awaitFirstPacket(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            synchronized (this) {
                if (!arrivals.isEmpty()) return;
            }
            if (System.nanoTime() > deadline) throw new AssertionError("no audio within " + timeout);
            Thread.sleep(10);
        }
    }

    /** Presses keys as RFC 4733 events: a start packet and three end packets per key, 100 ms apart. */
    public void press(String keys) throws IOException, InterruptedException {
        for (char k : keys.toCharArray()) {
            int event = "0123456789*#".indexOf(k);
            timestamp += 1600;
            for (int i = 0; i < 4; i++) {
                boolean end = i > 0;
                byte[] p = new byte[16];
                p[0] = (byte) 0x80;
                p[1] = (byte) ((i == 0 ? 0x80 : 0) | DTMF_PT);
                p[2] = (byte) (sequence >> 8);
                p[3] = (byte) sequence++;
                p[4] = (byte) (timestamp >> 24);
                p[5] = (byte) (timestamp >> 16);
                p[6] = (byte) (timestamp >> 8);
                p[7] = (byte) timestamp;
                p[11] = 0x42;
                p[12] = (byte) event;
                p[13] = (byte) ((end ? 0x80 : 0) | 10);
                p[14] = 0x03;
                p[15] = 0x20; // duration 800 samples
                socket.send(new DatagramPacket(p, p.length, server));
            }
            Thread.sleep(100);
        }
    }

    private void read() {
        byte[] buffer = new byte[2048];
        while (!closed) {
            DatagramPacket p = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                return;
            }
            if (p.getLength() <= 12) continue;
            byte[] payload = java.util.Arrays.copyOfRange(buffer, 12, p.getLength());
            synchronized (this) {
                arrivals.add(new long[] {System.nanoTime(), ((buffer[2] & 0xff) << 8) | (buffer[3] & 0xff)});
                payloads.add(payload);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        socket.close();
    }
}
