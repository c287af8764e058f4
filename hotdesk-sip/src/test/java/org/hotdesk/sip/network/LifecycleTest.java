package org.hotdesk.sip.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class LifecycleTest {
    static long sipThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && (t.getName().startsWith("sip-udp-") || t.getName().startsWith("sip-tcp-"))).count();
    }

    @Test
    void closeFreesThePortsAndEndsEveryThread() throws Exception {
        SipNetwork network = SipNetwork.start(new NetworkConfig("127.0.0.1", 0, true, true, 0, null, 16_384, 2), frame -> { });
        int port = network.port();
        assertThat(sipThreads()).isPositive();
        try (java.net.Socket client = new java.net.Socket("127.0.0.1", port)) {
            client.getOutputStream().write(Messages.bytes(Messages.options("open-at-close")));
            network.close();
        }

        assertThat(sipThreads()).isZero();
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress("127.0.0.1", port));
             ServerSocket tcp = new ServerSocket()) {
            tcp.setReuseAddress(true);
            tcp.bind(new InetSocketAddress("127.0.0.1", port));
            assertThat(udp.getLocalPort()).isEqualTo(port);
        }
        network.close(); // twice is harmless
    }

    @Test
    void aTakenPortIsNamedAndNothingIsLeftRunning() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> SipNetwork.start(new NetworkConfig("127.0.0.1", port, true, false, 0, null, 16_384, 2),
                    frame -> { }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("UDP 127.0.0.1:" + port);
        }
        try (ServerSocket taken = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> SipNetwork.start(new NetworkConfig("127.0.0.1", port, true, true, 0, null, 16_384, 2),
                    frame -> { }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("TCP 127.0.0.1:" + port);
        }
        long deadline = System.currentTimeMillis() + 3000;
        while (sipThreads() > 0 && System.currentTimeMillis() < deadline) Thread.sleep(20);
        assertThat(sipThreads()).isZero();
    }

    @Test
    void twoServersNeverShareAPort() {
        try (SipNetwork first = SipNetwork.start(NetworkConfig.plain("127.0.0.1", 0), frame -> { })) {
            assertThatThrownBy(() -> SipNetwork.start(new NetworkConfig("127.0.0.1", first.port(), true, false, 0, null,
                    16_384, 2), frame -> { }))
                    .as("SO_REUSEPORT must not let a second server take half the datagrams")
                    .isInstanceOf(IllegalStateException.class);
        }
    }
}
