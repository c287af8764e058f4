package org.hotdesk.sip.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotdesk.sip.network.Messages.bytes;
import static org.hotdesk.sip.network.Messages.options;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TcpNetworkTest {
    final Inbox inbox = new Inbox();
    SipNetwork network;
    Socket phone;

    @BeforeEach
    void start() throws Exception {
        network = SipNetwork.start(new NetworkConfig("127.0.0.1", 0, true, true, 0, null, 4096, 1), inbox);
        phone = new Socket();
        phone.connect(new InetSocketAddress("127.0.0.1", network.port()), 5000);
        phone.setSoTimeout(5000);
    }

    @AfterEach
    void stop() throws Exception {
        phone.close();
        network.close();
    }

    void write(String text) throws Exception {
        phone.getOutputStream().write(bytes(text));
        phone.getOutputStream().flush();
    }

    @Test
    void twoMessagesInOneWriteAreTwoFrames() throws Exception {
        write(options("tcp-1") + options("tcp-2"));

        Inbox.Received first = inbox.next();
        assertThat(first.text()).isEqualTo(options("tcp-1"));
        assertThat(inbox.next().text()).isEqualTo(options("tcp-2"));
        Link link = first.frame().link();
        assertThat(link.peer()).isEqualTo(new Peer("127.0.0.1", phone.getLocalPort(), "tcp"));
        assertThat(link.reliable()).isTrue();
        assertThat(link.localPort()).isEqualTo(network.port());
        assertThat(first.thread()).startsWith("sip-tcp-");
    }

    @Test
    void aMessageSplitOverThreeWritesIsOneFrame() throws Exception {
        String message = options("tcp-split", "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\n");
        write(message.substring(0, 30));
        Thread.sleep(50);
        write(message.substring(30, message.indexOf("\r\n\r\n") + 2)); // headers end split inside CRLFCRLF
        Thread.sleep(50);
        write(message.substring(message.indexOf("\r\n\r\n") + 2));

        assertThat(inbox.next().text()).isEqualTo(message);
        inbox.assertNothingMore();
    }

    @Test
    void theBodyIsCutByContentLengthAndCompactFormCounts() throws Exception {
        String compact = "MESSAGE sip:a@127.0.0.1 SIP/2.0\r\nCall-ID: c\r\nl   :  5\r\n\r\nhello";
        write(options("tcp-body", "abc") + compact + "\r\n" + options("tcp-after"));

        assertThat(inbox.next().text()).endsWith("\r\n\r\nabc");
        assertThat(inbox.next().text()).isEqualTo(compact);
        assertThat(inbox.next().text()).isEqualTo(options("tcp-after"));
    }

    @Test
    void aDoubleCrlfPingGetsACrlfPong() throws Exception {
        write("\r\n\r\n");
        byte[] pong = phone.getInputStream().readNBytes(2);
        assertThat(new String(pong, StandardCharsets.US_ASCII)).isEqualTo("\r\n");

        write(options("tcp-after-ping"));
        assertThat(inbox.next().text()).isEqualTo(options("tcp-after-ping"));
    }

    @Test
    void aMessageWithoutContentLengthIsDeliveredAndThenTheConnectionCloses() throws Exception {
        // RFC 4475 §3.4.1: an RFC 2543 client sends none; its headers are the message, its body cannot be found
        write("OPTIONS sip:127.0.0.1 SIP/2.0\r\nCall-ID: no-length\r\n\r\nv=0\r\n");
        assertThat(inbox.next().text()).isEqualTo("OPTIONS sip:127.0.0.1 SIP/2.0\r\nCall-ID: no-length\r\n\r\n");
        assertClosedByServer();
        inbox.assertNothingMore();
    }

    @Test
    void aNegativeContentLengthClosesTheConnection() throws Exception {
        write("OPTIONS sip:127.0.0.1 SIP/2.0\r\nContent-Length: -999\r\n\r\n");
        assertClosedByServer();
    }

    @Test
    void aMessageBeyondTheLimitClosesTheConnection() throws Exception {
        write(options("tcp-big", "x".repeat(5000)));
        assertClosedByServer();
        inbox.assertNothingMore();
    }

    @Test
    void headersBeyondTheLimitWithoutEndCloseTheConnection() throws Exception {
        write("OPTIONS sip:127.0.0.1 SIP/2.0\r\n" + "X-Filler: y\r\n".repeat(400));
        assertClosedByServer();
    }

    @Test
    void sendToThePeerOfAnInboundConnectionReusesIt() throws Exception {
        write(options("tcp-register"));
        Peer peer = inbox.next().frame().link().peer();
        assertThat(network.connected(peer)).isTrue();

        network.send(peer, bytes(options("tcp-to-phone"))).get(5, TimeUnit.SECONDS);

        byte[] expected = bytes(options("tcp-to-phone"));
        assertThat(new String(phone.getInputStream().readNBytes(expected.length), StandardCharsets.US_ASCII))
                .isEqualTo(options("tcp-to-phone"));
    }

    @Test
    void sendToAListeningPeerOpensANewConnectionAndItsAnswerComesBack() throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            listening.setSoTimeout(5000);
            Peer peer = new Peer("127.0.0.1", listening.getLocalPort(), "tcp");
            assertThat(network.connected(peer)).isFalse();

            network.send(peer, bytes(options("tcp-out"))).get(5, TimeUnit.SECONDS);

            try (Socket accepted = listening.accept()) {
                accepted.setSoTimeout(5000);
                byte[] expected = bytes(options("tcp-out"));
                assertThat(accepted.getInputStream().readNBytes(expected.length)).isEqualTo(expected);
                assertThat(network.connected(peer)).isTrue();
                network.send(peer, bytes(options("tcp-out-2"))).get(5, TimeUnit.SECONDS);
                assertThat(new String(accepted.getInputStream().readNBytes(bytes(options("tcp-out-2")).length),
                        StandardCharsets.US_ASCII)).as("over the same connection").isEqualTo(options("tcp-out-2"));

                accepted.getOutputStream().write(bytes("SIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n"));
                Inbox.Received answer = inbox.next();
                assertThat(answer.text()).startsWith("SIP/2.0 200 OK");
                assertThat(answer.frame().link().peer()).isEqualTo(peer);
            }
        }
    }

    @Test
    void sendToAPeerThatRefusesFailsTheFuture() throws Exception {
        int closedPort;
        try (ServerSocket gone = new ServerSocket(0)) {
            closedPort = gone.getLocalPort();
        }
        assertThatThrownBy(() -> network.send(new Peer("127.0.0.1", closedPort, "tcp"), bytes(options("x"))).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);
    }

    @Test
    void aClosedConnectionLeavesTheTable() throws Exception {
        write(options("tcp-bye"));
        Peer peer = inbox.next().frame().link().peer();
        phone.close();
        long deadline = System.currentTimeMillis() + 5000;
        while (network.connected(peer) && System.currentTimeMillis() < deadline) Thread.sleep(10);
        assertThat(network.connected(peer)).isFalse();
    }

    void assertClosedByServer() throws Exception {
        InputStream in = phone.getInputStream();
        try {
            assertThat(in.read()).as("end of stream").isEqualTo(-1);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open", e);
        } catch (java.net.SocketException e) {
            // reset by the server: closed as well
        }
    }
}
