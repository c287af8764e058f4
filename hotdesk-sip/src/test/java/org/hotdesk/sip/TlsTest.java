package org.hotdesk.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.location.Registration;
import org.hotdesk.core.user.User;
import org.hotdesk.sip.testing.SipMessage;
import org.hotdesk.sip.testing.TestPhone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIP over TLS on its own port, next to UDP/TCP: desks register and call across the two. */
class TlsTest extends SipTestBase {
    @TempDir
    static Path keys;
    static Path keyStore;

    @BeforeAll
    static void certificate() throws Exception {
        keyStore = org.hotdesk.sip.testing.TestCertificates.localhostKeyStore(keys);
    }

    @Override
    SipTls sipTls() {
        return new SipTls(0, keyStore, "changeit");
    }

    TestPhone tlsDesk(Device device) {
        TestPhone phone = TestPhone.overTls(server.tlsPort(), device.sipUsername(), device.sipPassword(), acme.domain(),
                "Yealink SIP-T54W 96.86.0.100");
        phones.add(phone);
        return phone;
    }

    @Test
    void aDeskRegistersAndCallsOverTlsAndIsCalledBackOverIt() {
        User alice = hd.user(acme, "1001", "1357");
        User bob = hd.user(acme, "1002", "2468");
        Device aliceDesk = hd.device(acme);
        Device bobDesk = hd.device(acme);
        TestPhone secure = tlsDesk(aliceDesk);

        assertThat(secure.register(300).status()).isEqualTo(200);
        assertThat(secure.tlsProtocol()).isEqualTo("TLSv1.3");
        assertThat(core().registrations().ofDevice(aliceDesk.id())).extracting(Registration::transport).containsExactly("tls");
        loginByAdmin(aliceDesk, alice);
        TestPhone plain = registeredDesk(bobDesk);
        loginByAdmin(bobDesk, bob);

        AtomicReference<SipMessage> atBob = answersNextCall(plain);
        TestPhone.Call out = secure.dial("1002");
        assertThat(out.status()).isEqualTo(200);
        assertThat(atBob.get().header("P-Asserted-Identity")).contains("sip:1001@acme.example");
        // one entry facing each side (RFC 5658): the UDP desk reaches the SIP port, the TLS desk the TLS port
        String recordRoute = String.join(",", atBob.get().headers("Record-Route"));
        assertThat(recordRoute.split(",")).hasSize(2);
        assertThat(recordRoute.split(",")[0]).contains(":" + server.port() + ";").doesNotContain("tls");
        assertThat(recordRoute.split(",")[1]).contains(":" + server.tlsPort() + ";").contains("transport=tls");

        AtomicReference<SipMessage> atAlice = answersNextCall(secure);
        assertThat(plain.dial("1001").status()).isEqualTo(200);
        assertThat(atAlice.get().header("Via")).startsWith("SIP/2.0/TLS");
    }

    @Test
    void tls12IsStillAcceptedForOlderPhones() {
        Device desk = hd.device(acme);
        TestPhone old = TestPhone.overTls(server.tlsPort(), desk.sipUsername(), desk.sipPassword(), acme.domain(),
                "Yealink SIP-T46S 66.86.0.15", "TLSv1.2");
        phones.add(old);

        assertThat(old.register(300).status()).isEqualTo(200);
        assertThat(old.tlsProtocol()).isEqualTo("TLSv1.2");
    }

    @Test
    void plainSipSentToTheTlsPortIsRefusedAndTheServerGoesOn() throws Exception {
        Device desk = hd.device(acme);
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress("127.0.0.1", server.tlsPort()), 5000);
            plain.setSoTimeout(15_000);
            plain.getOutputStream().write(("REGISTER sip:acme.example SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:5099;branch=z9hG4bKplain\r\n"
                    + "Max-Forwards: 70\r\nFrom: <sip:" + desk.sipUsername() + "@acme.example>;tag=1\r\nTo: <sip:"
                    + desk.sipUsername() + "@acme.example>\r\nCall-ID: plain-1\r\nCSeq: 1 REGISTER\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = readUntilClosed(plain.getInputStream());
            assertThat(answer).as("no SIP answer in plain text").doesNotContain("SIP/2.0");
        }

        assertThat(tlsDesk(desk).register(300).status()).isEqualTo(200);
        assertThat(registeredDesk(hd.device(acme)).register(300).status()).isEqualTo(200);
    }

    private static String readUntilClosed(InputStream in) throws Exception {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) text.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the TLS port kept a plain-text connection open for 15 s; got: " + text);
        } catch (java.io.IOException e) {
            // reset by the server: refused as well
        }
        return text.toString();
    }
}
