package org.hotdesk.sip.transport;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until the server answers an OPTIONS over UDP, its own port asking itself.
 *
 * <p>Why: JAIN-SIP's UDP listening point creates its worker threads on its own thread after
 * {@code createListeningPoint} has returned, and only then starts receiving. Until it has, nothing sent to
 * the port is processed, and stopping the stack in that window fails with a
 * {@code ConcurrentModificationException} on the half-filled worker list. An answer proves both are over.
 */
final class UdpReadiness {
    private static final Logger log = LoggerFactory.getLogger(UdpReadiness.class);
    private static final Duration RESEND = Duration.ofMillis(250);

    private UdpReadiness() {
    }

    /** A server that does not answer within {@code limit} still runs, with a warning. */
    static void await(String bindHost, int port, Duration limit) {
        InetAddress target;
        try {
            target = selfAddress(bindHost);
        } catch (IOException e) {
            log.warn("SIP readiness not checked: {} is not an address", bindHost);
            return;
        }
        long deadline = System.nanoTime() + limit.toNanos();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(target, 0))) {
            String callId = "ready-" + SipEndpoint.randomToken();
            byte[] options = options(target, port, socket.getLocalPort(), callId).getBytes(StandardCharsets.UTF_8);
            byte[] answer = new byte[4096];
            socket.setSoTimeout((int) RESEND.toMillis());
            while (System.nanoTime() < deadline) {
                // a retransmission of the same request: the stack absorbs the copies in its transaction
                socket.send(new DatagramPacket(options, options.length, target, port));
                try {
                    DatagramPacket received = new DatagramPacket(answer, answer.length);
                    socket.receive(received);
                    String text = new String(answer, 0, received.getLength(), StandardCharsets.UTF_8);
                    if (text.startsWith("SIP/2.0 ") && text.contains(callId)) return;
                } catch (SocketTimeoutException e) {
                    // not yet receiving: ask again
                }
            }
        } catch (IOException e) {
            log.warn("SIP readiness not checked: {}", e.toString());
            return;
        }
        log.warn("SIP did not answer its own OPTIONS over UDP within {} s; it may drop the first requests",
                limit.toSeconds());
    }

    /** A wildcard binding is reached on the loopback address of its family. */
    private static InetAddress selfAddress(String bindHost) throws IOException {
        InetAddress bound = InetAddress.getByName(bindHost);
        if (!bound.isAnyLocalAddress()) return bound;
        return InetAddress.getByName(bound.getAddress().length == 4 ? "127.0.0.1" : "::1");
    }

    private static String options(InetAddress target, int port, int localPort, String callId) {
        String host = target.getHostAddress().contains(":") ? "[" + target.getHostAddress() + "]" : target.getHostAddress();
        return "OPTIONS sip:" + host + ":" + port + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + host + ":" + localPort + ";branch=z9hG4bK" + callId + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:hotdesk-ready@" + host + ">;tag=" + callId + "\r\n"
                + "To: <sip:" + host + ":" + port + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n";
    }
}
