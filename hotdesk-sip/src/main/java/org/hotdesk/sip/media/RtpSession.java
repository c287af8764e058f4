package org.hotdesk.sip.media;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's audio: sends G.711 in 20 ms RTP packets at a steady pace, and turns the phone's RFC 4733
 * telephone-events into key presses. Closing it closes the socket and stops both directions.
 *
 * <p>Symmetric RTP: audio goes where the phone's own RTP comes from once it has sent any, not to the
 * address in its SDP, which a phone behind NAT fills with its private address.
 */
public final class RtpSession implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RtpSession.class);
    private static final int FRAME = 160;
    private static final int HEADER = 12;

    private final DatagramSocket socket;
    private volatile InetSocketAddress remote;
    private boolean latched;
    private final Codec codec;
    private final Integer telephoneEvent;
    private final BlockingQueue<Character> keys = new LinkedBlockingQueue<>();
    private final Thread receiver;
    private final ScheduledFuture<?> sender;
    private final int ssrc = ThreadLocalRandom.current().nextInt();
    private int sequence = ThreadLocalRandom.current().nextInt(0x10000);
    private long timestamp = ThreadLocalRandom.current().nextInt() & 0xffffffffL;
    private boolean firstPacket = true;
    /** The clips still to play, in order (null when silent); shared, never written: the pacer reads them. */
    private List<byte[]> playing;
    private int clip;
    private final byte[] packet = new byte[HEADER + FRAME];
    private final DatagramPacket outgoing = new DatagramPacket(packet, packet.length);
    private int position;
    private CompletableFuture<Void> played = CompletableFuture.completedFuture(null);
    private volatile boolean closed;

    public RtpSession(DatagramSocket socket, InetSocketAddress remote, Codec codec, Integer telephoneEvent,
                      ScheduledExecutorService pacer) {
        this.socket = socket;
        this.remote = remote;
        this.codec = codec;
        this.telephoneEvent = telephoneEvent;
        // a virtual thread: a morning of logins holds thousands of confirmations at once, each waiting on its socket
        this.receiver = Thread.ofVirtual().name("rtp-in-" + socket.getLocalPort()).start(this::receive);
        this.sender = pacer.scheduleAtFixedRate(this::sendFrame, 0, 20, TimeUnit.MILLISECONDS);
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    public Codec codec() {
        return codec;
    }

    /** Starts playing (replacing whatever played); completes when the last frame went out or playback stopped. */
    public CompletableFuture<Void> play(byte[] audio) {
        return play(List.of(audio));
    }

    /**
     * Plays clips one after the other with no gap, as one recording. A list rather than one joined array: a morning
     * storm of logins builds a confirmation per login ("logged in as extension" and five digits), and copying the
     * clips into one array was a sixth of everything the server allocated (JFR allocation profile, 2026-12-06).
     */
    public synchronized CompletableFuture<Void> play(List<byte[]> clips) {
        played.complete(null);
        playing = List.copyOf(clips);
        clip = 0;
        position = 0;
        played = new CompletableFuture<>();
        return played;
    }

    public synchronized void stopPlaying() {
        playing = null;
        played.complete(null);
    }

    /** The next key the caller pressed, or empty after the timeout. */
    public Optional<Character> nextKey(long timeout, TimeUnit unit) throws InterruptedException {
        return Optional.ofNullable(keys.poll(timeout, unit));
    }

    /** A key that came by SIP INFO instead of RTP. */
    public void keyFromInfo(char key) {
        keys.add(key);
    }

    public boolean hasKey() {
        return !keys.isEmpty();
    }

    private void sendFrame() {
        synchronized (this) {
            if (closed || playing == null) return;
            int filled = 0;
            while (filled < FRAME && clip < playing.size()) {
                byte[] audio = playing.get(clip);
                int n = Math.min(FRAME - filled, audio.length - position);
                System.arraycopy(audio, position, packet, HEADER + filled, n);
                filled += n;
                position += n;
                if (position >= audio.length) {
                    clip++;
                    position = 0;
                }
            }
            // the last frame is padded with silence
            byte silence = (byte) (codec == Codec.PCMU ? 0xff : 0xd5);
            for (int i = HEADER + filled; i < packet.length; i++) packet[i] = silence;
            if (clip >= playing.size()) {
                playing = null;
                played.complete(null);
            }
            send();
        }
    }

    /**
     * Sends the frame in {@link #packet}, with its header filled in. One buffer per session, reused: a storm of
     * logins has a thousand confirmations playing at once, 50 packets a second each; the send copies it out.
     */
    private void send() {
        packet[0] = (byte) 0x80;
        packet[1] = (byte) ((firstPacket ? 0x80 : 0) | codec.payloadType());
        firstPacket = false;
        packet[2] = (byte) (sequence >> 8);
        packet[3] = (byte) sequence;
        packet[4] = (byte) (timestamp >> 24);
        packet[5] = (byte) (timestamp >> 16);
        packet[6] = (byte) (timestamp >> 8);
        packet[7] = (byte) timestamp;
        packet[8] = (byte) (ssrc >> 24);
        packet[9] = (byte) (ssrc >> 16);
        packet[10] = (byte) (ssrc >> 8);
        packet[11] = (byte) ssrc;
        sequence = (sequence + 1) & 0xffff;
        timestamp = (timestamp + FRAME) & 0xffffffffL;
        try {
            outgoing.setSocketAddress(remote);
            socket.send(outgoing);
        } catch (IOException e) {
            if (!closed) log.debug("RTP send to {} failed: {}", remote, e.getMessage());
        }
    }

    private void receive() {
        DtmfEvents dtmf = new DtmfEvents();
        byte[] buffer = new byte[2048];
        try {
            socket.setSoTimeout(250);
        } catch (SocketException e) {
            return;
        }
        while (!closed) {
            DatagramPacket p = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                break;
            }
            int len = p.getLength();
            if (len < 12 || (buffer[0] & 0xc0) != 0x80) continue;
            latch((InetSocketAddress) p.getSocketAddress());
            int pt = buffer[1] & 0x7f;
            if (telephoneEvent == null || pt != telephoneEvent) continue;
            int headerLength = 12 + 4 * (buffer[0] & 0x0f);
            if ((buffer[0] & 0x10) != 0 && len >= headerLength + 4) {
                headerLength += 4 + 4 * (((buffer[headerLength + 2] & 0xff) << 8) | (buffer[headerLength + 3] & 0xff));
            }
            long ts = ((buffer[4] & 0xffL) << 24) | ((buffer[5] & 0xffL) << 16) | ((buffer[6] & 0xffL) << 8) | (buffer[7] & 0xffL);
            if (len > headerLength) dtmf.accept(ts, buffer, headerLength, len - headerLength).ifPresent(keys::add);
        }
    }

    private void latch(InetSocketAddress source) {
        if (latched) return;
        latched = true;
        if (!source.equals(remote)) {
            log.info("RTP follows the phone's source address sdp={} source={}", remote, source);
            remote = source;
        }
    }

    @Override
    public void close() {
        closed = true;
        sender.cancel(false);
        stopPlaying();
        socket.close();
        try {
            receiver.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
