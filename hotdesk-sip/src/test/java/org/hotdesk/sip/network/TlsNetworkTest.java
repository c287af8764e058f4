package org.hotdesk.sip.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotdesk.sip.network.Messages.bytes;
import static org.hotdesk.sip.network.Messages.options;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsNetworkTest {
    @TempDir
    static Path keys;
    static SSLContext serverContext;

    final Inbox inbox = new Inbox();
    SipNetwork network;

    @BeforeAll
    static void certificate() throws Exception {
        Path keyStore = org.hotdesk.sip.testing.TestCertificates.localhostKeyStore(keys);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(keyStore)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, "changeit".toCharArray());
        serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keyManagers.getKeyManagers(), null, null);
    }

    @BeforeEach
    void start() {
        network = SipNetwork.start(new NetworkConfig("127.0.0.1", 0, false, true, -1, serverContext, 4096, 1), inbox);
    }

    @AfterEach
    void stop() {
        network.close();
    }

    static SSLContext trustingEverything() throws Exception {
        TrustManager anything = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {anything}, null);
        return context;
    }

    SSLSocket phone(String... protocols) throws Exception {
        SSLSocket socket = (SSLSocket) trustingEverything().getSocketFactory().createSocket();
        socket.connect(new InetSocketAddress("127.0.0.1", network.tlsPort()), 5000);
        socket.setSoTimeout(5000);
        if (protocols.length > 0) socket.setEnabledProtocols(protocols);
        return socket;
    }

    @Test
    void aFrameGoesBothWaysOverTls() throws Exception {
        assertThat(network.tlsPort()).isPositive().isNotEqualTo(network.port());
        try (SSLSocket phone = phone()) {
            phone.getOutputStream().write(bytes(options("tls-1")));
            phone.getOutputStream().flush();

            Inbox.Received received = inbox.next();
            assertThat(received.text()).isEqualTo(options("tls-1"));
            assertThat(phone.getSession().getProtocol()).isEqualTo("TLSv1.3");
            Link link = received.frame().link();
            assertThat(link.transport()).isEqualTo("tls");
            assertThat(link.peer()).isEqualTo(new Peer("127.0.0.1", phone.getLocalPort(), "tls"));
            assertThat(link.localPort()).isEqualTo(network.tlsPort());

            String ok = "SIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n";
            link.send(bytes(ok));
            assertThat(new String(phone.getInputStream().readNBytes(ok.length()), StandardCharsets.US_ASCII)).isEqualTo(ok);

            network.send(link.peer(), bytes(options("tls-to-phone"))).get(5, TimeUnit.SECONDS);
            assertThat(new String(phone.getInputStream().readNBytes(bytes(options("tls-to-phone")).length),
                    StandardCharsets.US_ASCII)).isEqualTo(options("tls-to-phone"));
        }
    }

    @Test
    void tls12IsStillAccepted() throws Exception {
        try (SSLSocket phone = phone("TLSv1.2")) {
            phone.getOutputStream().write(bytes(options("tls-12")));
            assertThat(inbox.next().text()).isEqualTo(options("tls-12"));
            assertThat(phone.getSession().getProtocol()).isEqualTo("TLSv1.2");
        }
    }

    /**
     * The JDK client no longer offers TLS 1.1 (RFC 8996) and would fail before sending anything, which proves
     * nothing about the server; so a TLS 1.1 ClientHello is written by hand, and the server must not answer it with
     * a ServerHello (content type 22) but with an alert (21) or by closing.
     */
    @Test
    void aTls11OnlyClientIsRefused() throws Exception {
        try (Socket old = new Socket()) {
            old.connect(new InetSocketAddress("127.0.0.1", network.tlsPort()), 5000);
            old.setSoTimeout(5000);
            old.getOutputStream().write(tls11ClientHello());
            int contentType;
            try {
                contentType = old.getInputStream().read();
            } catch (java.net.SocketException reset) {
                contentType = -1;
            }
            assertThat(contentType).as("alert or end of stream, not a handshake").isIn(21, -1);
            if (contentType == 21) {
                byte[] rest = old.getInputStream().readNBytes(6); // version(2) length(2) level(1) description(1)
                assertThat(rest[4]).as("fatal").isEqualTo((byte) 2);
            }
        }
        inbox.assertNothingMore();
    }

    static byte[] tls11ClientHello() {
        java.io.ByteArrayOutputStream hello = new java.io.ByteArrayOutputStream();
        hello.writeBytes(new byte[] {0x03, 0x02}); // client_version TLS 1.1
        hello.writeBytes(new byte[32]); // random
        hello.write(0); // no session id
        hello.writeBytes(new byte[] {0x00, 0x04, (byte) 0xC0, 0x13, 0x00, 0x2F}); // ECDHE_RSA/RSA with AES_128_CBC_SHA
        hello.writeBytes(new byte[] {0x01, 0x00}); // compression: null only
        byte[] body = hello.toByteArray();
        java.io.ByteArrayOutputStream record = new java.io.ByteArrayOutputStream();
        record.writeBytes(new byte[] {0x16, 0x03, 0x02}); // handshake record, TLS 1.1
        int handshakeLength = body.length + 4;
        record.writeBytes(new byte[] {(byte) (handshakeLength >> 8), (byte) handshakeLength});
        record.writeBytes(new byte[] {0x01, 0x00, (byte) (body.length >> 8), (byte) body.length}); // ClientHello
        record.writeBytes(body);
        return record.toByteArray();
    }

    @Test
    void theServerEnablesOnlyThePolicysProtocols() {
        javax.net.ssl.SSLEngine engine = new TlsEngines(serverContext).accepting().engine();
        assertThat(engine.getEnabledProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(engine.getEnabledCipherSuites()).isNotEmpty()
                .allMatch(org.hotdesk.core.security.TlsPolicy.CIPHER_SUITES::contains);
        assertThat(engine.getUseClientMode()).isFalse();
        assertThat(engine.getNeedClientAuth()).isFalse();
    }

    @Test
    void plainTextOnTheTlsPortIsClosed() throws Exception {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress("127.0.0.1", network.tlsPort()), 5000);
            plain.setSoTimeout(5000);
            plain.getOutputStream().write(bytes(options("plain-on-tls")));
            try {
                while (plain.getInputStream().read() >= 0) {
                    // an alert, perhaps; then the end
                }
            } catch (java.net.SocketException reset) {
                // closed as well
            }
        }
        inbox.assertNothingMore();
    }

    @Test
    void sendToAPhoneWithoutConnectionOpensATlsConnection() throws Exception {
        SSLContext phoneContext = serverContext; // a phone with a certificate nobody trusts: self-signed
        try (SSLServerSocket listening = (SSLServerSocket) phoneContext.getServerSocketFactory()
                .createServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            listening.setSoTimeout(5000);
            Peer peer = new Peer("127.0.0.1", listening.getLocalPort(), "tls");

            var sent = network.send(peer, bytes(options("tls-out")));
            try (Socket accepted = listening.accept()) {
                accepted.setSoTimeout(5000);
                byte[] expected = bytes(options("tls-out"));
                assertThat(accepted.getInputStream().readNBytes(expected.length)).isEqualTo(expected);
                sent.get(5, TimeUnit.SECONDS);
                assertThat(network.connected(peer)).isTrue();
            }
        }
    }
}
