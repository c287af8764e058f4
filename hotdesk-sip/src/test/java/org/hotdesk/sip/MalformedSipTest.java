package org.hotdesk.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.hotdesk.core.device.Device;
import org.hotdesk.sip.testing.SipMessage;
import org.hotdesk.sip.testing.TestPhone;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Broken SIP gets a 400 or is dropped; either way the server goes on serving the phones that speak it well. */
class MalformedSipTest extends SipTestBase {
    static final String GOOD_HEAD = "REGISTER sip:acme.example SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:%d;branch=z9hG4bKbad%s\r\n"
            + "From: <sip:x@acme.example>;tag=1\r\nTo: <sip:x@acme.example>\r\nCall-ID: bad-%s\r\n";

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "bad-cseq", "bad-via", "no-call-id", "content-length-too-big", "truncated"})
    void brokenMessagesAreAnsweredWith400OrDroppedAndTheServerKeepsServing(String kind) {
        Device desk = hd.device(acme);
        TestPhone phone = deskPhone(desk);
        int port = phone.port();
        String message = switch (kind) {
            case "garbage" -> "\u0001\u0002 hello there \r\n\r\n";
            case "bad-cseq" -> GOOD_HEAD.formatted(port, kind, kind) + "CSeq: banana REGISTER\r\nContent-Length: 0\r\n\r\n";
            case "bad-via" -> "REGISTER sip:acme.example SIP/2.0\r\nVia: SIP/2.0/UDP ;;;;\r\nFrom: <sip:x@acme.example>;tag=1\r\n"
                    + "To: <sip:x@acme.example>\r\nCall-ID: bad-via\r\nCSeq: 1 REGISTER\r\nContent-Length: 0\r\n\r\n";
            case "no-call-id" -> "REGISTER sip:acme.example SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + port
                    + ";branch=z9hG4bKnocallid\r\nFrom: <sip:x@acme.example>;tag=1\r\nTo: <sip:x@acme.example>\r\n"
                    + "CSeq: 1 REGISTER\r\nContent-Length: 0\r\n\r\n";
            case "content-length-too-big" -> GOOD_HEAD.formatted(port, kind, kind) + "CSeq: 1 REGISTER\r\nContent-Length: 500\r\n\r\nshort";
            default -> GOOD_HEAD.formatted(port, kind, kind).substring(0, 60);
        };

        phone.send(message);

        boolean answeredWithSomethingElse = phone.receives(m -> m.isResponse() && m.status() != 400, SHORT);
        assertThat(answeredWithSomethingElse).as("a broken message is never processed as if it were fine").isFalse();
        assertThat(phone.register(300).status()).as("server still serves").isEqualTo(200);
    }

    @Test
    void optionsIsAnsweredWithWhatTheServerAllows() {
        TestPhone phone = deskPhone(hd.device(acme));
        phone.send(("OPTIONS sip:1000@acme.example SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:%d;branch=z9hG4bKopt1\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:probe@acme.example>;tag=1\r\nTo: <sip:1000@acme.example>\r\nCall-ID: options-1\r\n"
                + "CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n").formatted(phone.port()));

        SipMessage answer = phone.await(SipMessage::isResponse, Duration.ofSeconds(5), "an answer");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(String.join(",", answer.headers("Allow"))).contains("INVITE").contains("REGISTER");
    }

    @Test
    void aBadContentLengthIsAnswered400() {
        TestPhone phone = deskPhone(hd.device(acme));
        phone.send(GOOD_HEAD.formatted(phone.port(), "cl", "cl") + "CSeq: 1 REGISTER\r\nContent-Length: 500\r\n\r\nshort");

        SipMessage answer = phone.await(SipMessage::isResponse, Duration.ofSeconds(5), "an answer");

        assertThat(answer.status()).isEqualTo(400);
    }

    @Test
    void anOversizedMessageOverTcpIsRefusedAndOthersAreStillServed() throws Exception {
        Device desk = hd.device(acme);
        try (Socket tcp = new Socket("127.0.0.1", server.port())) {
            tcp.setSoTimeout(3000);
            OutputStream out = tcp.getOutputStream();
            String huge = "X-Junk: " + "a".repeat(100_000) + "\r\n";
            out.write((GOOD_HEAD.formatted(tcp.getLocalPort(), "big", "big").replace("UDP", "TCP")
                    + huge + "CSeq: 1 REGISTER\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = tcp.getInputStream();
            byte[] buffer = new byte[4096];
            int n;
            try {
                n = in.read(buffer);
            } catch (java.io.IOException closed) {
                n = -1;
            }
            String answer = n > 0 ? new String(buffer, 0, n, StandardCharsets.UTF_8) : "";
            assertThat(answer).satisfiesAnyOf(a -> assertThat(a).isEmpty(), a -> assertThat(a).startsWith("SIP/2.0 4"));
        }
        assertThat(deskPhone(desk).register(300).status()).isEqualTo(200);
    }
}
