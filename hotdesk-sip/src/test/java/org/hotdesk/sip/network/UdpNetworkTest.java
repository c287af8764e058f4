package org.hotdesk.sip.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotdesk.sip.network.Messages.bytes;
import static org.hotdesk.sip.network.Messages.options;

import io.netty.channel.epoll.Epoll;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UdpNetworkTest {
    static final InetAddress LOCALHOST = InetAddress.getLoopbackAddress();

    final Inbox inbox = new Inbox();
    SipNetwork network;
    DatagramSocket phone;

    @BeforeEach
    void start() throws Exception {
        network = SipNetwork.start(new NetworkConfig("127.0.0.1", 0, true, true, 0, null, 2048, 2), inbox);
        phone = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        phone.setSoTimeout(5000);
    }

    @AfterEach
    void stop() {
        phone.close();
        network.close();
    }

    void sendFromPhone(byte[] datagram) throws Exception {
        phone.send(new DatagramPacket(datagram, datagram.length, LOCALHOST, network.port()));
    }

    DatagramPacket receiveAtPhone() throws Exception {
        DatagramPacket packet = new DatagramPacket(new byte[4096], 4096);
        phone.receive(packet);
        return packet;
    }

    @Test
    void aDatagramArrivesWithItsRealSourceAndIsAnsweredFromTheSamePort() throws Exception {
        String request = options("udp-1");
        sendFromPhone(bytes(request));

        Inbox.Received received = inbox.next();
        assertThat(received.text()).isEqualTo(request);
        Link link = received.frame().link();
        assertThat(link.peer()).isEqualTo(new Peer("127.0.0.1", phone.getLocalPort(), "udp"));
        assertThat(link.transport()).isEqualTo("udp");
        assertThat(link.reliable()).isFalse();
        assertThat(link.localPort()).isEqualTo(network.port());
        assertThat(received.thread()).startsWith("sip-udp-");

        link.send(bytes("SIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n"));
        DatagramPacket answer = receiveAtPhone();
        assertThat(new String(answer.getData(), 0, answer.getLength(), StandardCharsets.US_ASCII)).startsWith("SIP/2.0 200 OK");
        assertThat(answer.getPort()).isEqualTo(network.port());
    }

    @Test
    void sendToAPeerLeavesFromTheSipPort() throws Exception {
        network.send(new Peer("127.0.0.1", phone.getLocalPort(), "UDP"), bytes(options("udp-2"))).get();

        DatagramPacket request = receiveAtPhone();
        assertThat(request.getPort()).as("source port").isEqualTo(network.port());
        assertThat(new String(request.getData(), 0, request.getLength(), StandardCharsets.US_ASCII)).isEqualTo(options("udp-2"));
    }

    @Test
    void severalReceiversShareThePortWhenEpollIsThere() {
        assertThat(network.udpReceivers()).isEqualTo(Epoll.isAvailable() ? 2 : 1);
    }

    @Test
    void keepAlivesAndStunAreNotDelivered() throws Exception {
        sendFromPhone(bytes("\r\n\r\n"));
        sendFromPhone(new byte[] {0x00, 0x01, 0x00, 0x00, 0x21, 0x12, (byte) 0xA4, 0x42});
        sendFromPhone(bytes(options("udp-3")));

        assertThat(inbox.next().text()).isEqualTo(options("udp-3"));
        inbox.assertNothingMore();
    }

    @Test
    void aDatagramLargerThanTheLimitIsDropped() throws Exception {
        sendFromPhone(bytes(options("udp-big", "x".repeat(3000))));
        sendFromPhone(bytes(options("udp-limit", "y".repeat(2048 - options("udp-limit").length() - 3))));

        Inbox.Received received = inbox.next();
        assertThat(received.text()).contains("udp-limit");
        assertThat(received.frame().bytes()).hasSize(2048);
        inbox.assertNothingMore();
    }

    @Test
    void manyDatagramsFromManySourcesAllArrive() throws Exception {
        int sources = 8;
        int each = 50;
        DatagramSocket[] phones = new DatagramSocket[sources];
        try {
            for (int s = 0; s < sources; s++) phones[s] = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
            for (int i = 0; i < each; i++) {
                for (DatagramSocket p : phones) {
                    byte[] message = bytes(options("burst-" + p.getLocalPort() + "-" + i));
                    p.send(new DatagramPacket(message, message.length, LOCALHOST, network.port()));
                }
                if (i % 10 == 9) Thread.sleep(5); // stay under the loopback socket buffers
            }
            for (int n = 0; n < sources * each; n++) assertThat(inbox.next().text()).startsWith("OPTIONS");
        } finally {
            for (DatagramSocket p : phones) if (p != null) p.close();
        }
    }
}
