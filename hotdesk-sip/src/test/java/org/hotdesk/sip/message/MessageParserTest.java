package org.hotdesk.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hotdesk.sip.message.Messages.REGISTER;
import static org.hotdesk.sip.message.Messages.crlf;
import static org.hotdesk.sip.message.Messages.parse;
import static org.hotdesk.sip.message.Messages.request;

import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class MessageParserTest {

    private static MalformedMessageException refused(String text) {
        MalformedMessageException e = catchThrowableOfType(MalformedMessageException.class, () -> parse(text));
        assertThat(e).as("refused: %s", text).isNotNull();
        return e;
    }

    @Test
    void aRegisterReadsBackTyped() throws Exception {
        SipRequest r = request(REGISTER);
        assertThat(r.method()).isEqualTo("REGISTER");
        assertThat(r.requestUri()).isEqualTo(SipUri.sip(null, "acme.example", -1));
        assertThat(r.topVia().port()).isEqualTo(5062);
        assertThat(r.from().displayText()).isEqualTo("Desk 12");
        assertThat(r.from().tag()).isEqualTo("a1");
        assertThat(r.to().uri().user()).isEqualTo("desk12");
        assertThat(r.cseq()).isEqualTo(new CSeq(7, "REGISTER"));
        assertThat(r.maxForwards()).isEqualTo(70);
        assertThat(r.expires()).isEqualTo(OptionalInt.of(300));
        assertThat(r.contacts().get(0).params().get("expires")).isEqualTo("300");
        assertThat(r.contacts().get(0).uri().transportParam()).isEqualTo("udp");
        assertThat(r.inDialog()).isFalse();
    }

    @Test
    void compactFormsAreExpanded() throws Exception {
        SipRequest r = request("""
                MESSAGE sip:a@acme.example SIP/2.0
                v: SIP/2.0/TCP h.example;branch=z9hG4bK-2
                f: <sip:b@acme.example>;tag=1
                t: <sip:a@acme.example>
                i: compact-1
                CSeq: 1 MESSAGE
                m: <sip:b@h.example>
                c: text/plain
                k: path, outbound
                s: hello
                o: presence
                u: dialog
                r: <sip:c@acme.example>
                b: <sip:d@acme.example>
                x: 1800
                a: *;audio
                j: *;video
                d: proxy
                y: sig
                n: <https://acme.example/cert>
                e: gzip
                l: 5

                hello""");
        assertThat(r.callId()).isEqualTo("compact-1");
        assertThat(r.header("Via")).startsWith("SIP/2.0/TCP");
        assertThat(r.headerName(0)).isEqualTo("Via");
        assertThat(r.contentType()).isEqualTo("text/plain");
        assertThat(r.headers("Supported")).containsExactly("path", "outbound");
        assertThat(r.header("Subject")).isEqualTo("hello");
        assertThat(r.header("Event")).isEqualTo("presence");
        assertThat(r.header("Allow-Events")).isEqualTo("dialog");
        assertThat(r.header("Refer-To")).isEqualTo("<sip:c@acme.example>");
        assertThat(r.header("Referred-By")).isEqualTo("<sip:d@acme.example>");
        assertThat(r.header("Session-Expires")).isEqualTo("1800");
        assertThat(r.header("Accept-Contact")).isEqualTo("*;audio");
        assertThat(r.header("Reject-Contact")).isEqualTo("*;video");
        assertThat(r.header("Request-Disposition")).isEqualTo("proxy");
        assertThat(r.header("Identity")).isEqualTo("sig");
        assertThat(r.header("Identity-Info")).isEqualTo("<https://acme.example/cert>");
        assertThat(r.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(r.header("content-length")).isEqualTo("5");
        assertThat(r.header("i")).as("a compact name works for lookups too").isEqualTo("compact-1");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
    }

    @Test
    void foldedLinesAreJoinedWithOneSpaceAndWhitespaceAroundTheColonIsAllowed() throws Exception {
        SipRequest r = request(REGISTER.replace("Max-Forwards: 70\n", "Max-Forwards   :\n   70\nX-Long: one\n\t two  \n   three\n"));
        assertThat(r.maxForwards()).isEqualTo(70);
        assertThat(r.header("X-Long")).isEqualTo("one two three");
    }

    @Test
    void leadingCrlfsAreSkipped() throws Exception {
        assertThat(parse("\n\n" + REGISTER).callId()).isEqualTo("reg-1@192.0.2.10");
    }

    @Test
    void aBodyLongerThanContentLengthIsCutAndAShorterOneRefused() throws Exception {
        String head = REGISTER.replace("Content-Length: 0\n", "Content-Type: text/plain\nContent-Length: 4\n");
        assertThat(parse(head + "abcdefgh").body()).isEqualTo("abcd".getBytes(StandardCharsets.UTF_8));
        MalformedMessageException e = refused(head + "ab");
        assertThat(e.reason()).contains("Content-Length 4").contains("2 bytes");
        assertThat(e.request()).as("the rest could be read, so a 400 can be sent").isNotNull();
    }

    @Test
    void withoutContentLengthTheRestOfTheDatagramIsTheBody() throws Exception {
        assertThat(parse(REGISTER.replace("Content-Length: 0\n", "") + "xyz").body()).hasSize(3);
    }

    @Test
    void aLineWithoutAColonIsRefused() {
        assertThat(refused(REGISTER.replace("Expires: 300", "Expires 300")).reason()).contains("without a colon");
    }

    @Test
    void scalarRangesAreChecked() {
        assertThat(refused(REGISTER.replace("Max-Forwards: 70", "Max-Forwards: 256")).reason()).contains("Max-Forwards");
        assertThat(refused(REGISTER.replace("Expires: 300", "Expires: 4294967296")).reason()).contains("Expires");
        assertThat(refused(REGISTER.replace("CSeq: 7", "CSeq: 2147483648")).reason()).contains("CSeq");
        assertThat(refused(REGISTER.replace("Expires: 300", "Expires: soon")).reason()).contains("Expires");
    }

    @Test
    void missingOrRepeatedCoreHeadersAreRefused() {
        assertThat(refused(REGISTER.replace("Call-ID: reg-1@192.0.2.10\n", "")).reason()).isEqualTo("missing Call-ID");
        assertThat(refused(REGISTER.replace("To: <sip:desk12@acme.example>\n", "To: <sip:desk12@acme.example>\nt: <sip:x@y>\n"))
                .reason()).isEqualTo("To given 2 times");
        MalformedMessageException noVia = refused(REGISTER.replaceAll("Via: .*\n", ""));
        assertThat(noVia.reason()).isEqualTo("missing Via");
        assertThat(noVia.request()).as("nowhere to send a 400").isNull();
    }

    @Test
    void responsesAreParsed() throws Exception {
        SipResponse r = (SipResponse) parse("""
                SIP/2.0 180 Ringing
                Via: SIP/2.0/UDP 192.0.2.10;branch=z9hG4bK-1
                From: <sip:a@acme.example>;tag=1
                To: <sip:b@acme.example>;tag=2
                Call-ID: c1
                CSeq: 1 INVITE
                Content-Length: 0

                """);
        assertThat(r.status()).isEqualTo(180);
        assertThat(r.reason()).isEqualTo("Ringing");
        assertThat(r.cseq().method()).isEqualTo("INVITE");
    }

    @Test
    void statusCodesOutside100To699AreRefused() {
        String ok = "SIP/2.0 200 OK\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nFrom: <sip:a@b>;tag=1\nTo: <sip:a@b>\nCall-ID: c\nCSeq: 1 OPTIONS\n\n";
        assertThat(refused(ok.replace("200", "099")).reason()).contains("below 100");
        assertThat(refused(ok.replace("200", "2000")).reason()).contains("status code");
        assertThat(refused(ok.replace("200 OK", "20")).reason()).contains("status code");
    }

    @Test
    void theWireFormReadsBackHeaderByHeader() throws Exception {
        for (String name : new String[] {"wsinv", "intmeth", "esc01", "longreq", "mpart01", "unreason", "inv2543", "transports"}) {
            byte[] data = TortureMessages.load(name);
            SipMessage m = MessageParser.parse(data, 0, data.length);
            byte[] wire = m.toBytes();
            SipMessage again = MessageParser.parse(wire, 0, wire.length);
            assertThat(again.getClass()).isEqualTo(m.getClass());
            int skipped = m.has("Content-Length") ? 0 : 1;
            assertThat(again.headerCount()).as(name).isEqualTo(m.headerCount() + skipped);
            for (int i = 0, j = 0; i < m.headerCount(); i++, j++) {
                if (m.headerName(i).equals("Content-Length")) {
                    j--;
                    continue;
                }
                assertThat(again.headerName(j)).as(name).isEqualTo(m.headerName(i));
                assertThat(again.headerValue(j)).as(name + " " + m.headerName(i)).isEqualTo(m.headerValue(i));
            }
            assertThat(again.header("Content-Length")).isEqualTo(Integer.toString(m.body().length));
            assertThat(again.body()).isEqualTo(m.body());
            assertThat(again.toBytes()).as("writing is stable").isEqualTo(wire);
        }
    }

    @Test
    void theWriterPutsContentLengthLastFromTheBody() throws Exception {
        SipRequest r = request(REGISTER);
        r.setBody("text/plain", "hi".getBytes(StandardCharsets.UTF_8));
        String wire = r.toString();
        assertThat(wire).startsWith("REGISTER sip:acme.example SIP/2.0\r\nVia: SIP/2.0/UDP")
                .endsWith("Content-Type: text/plain\r\nContent-Length: 2\r\n\r\nhi");
        assertThat(wire).containsOnlyOnce("Content-Length");
    }

    @Test
    void partOfABufferIsParsed() throws Exception {
        byte[] message = crlf(REGISTER);
        byte[] buffer = new byte[message.length + 20];
        System.arraycopy(message, 0, buffer, 10, message.length);
        assertThat(MessageParser.parse(buffer, 10, message.length).callId()).isEqualTo("reg-1@192.0.2.10");
    }
}
