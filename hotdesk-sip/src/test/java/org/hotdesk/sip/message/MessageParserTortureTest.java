package org.hotdesk.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every RFC 4475 torture message through the parser, one row per message with its RFC section. The
 * classification follows {@code org.hotdesk.sip.TortureMessagesTest}; where this layer lets an invalid
 * message through, the row names the layer that refuses it.
 */
class MessageParserTortureTest {

    enum Outcome {
        /** parses; Via, From, To, Call-ID and CSeq read back */
        VALID,
        /** MalformedMessageException whose request() can be answered with 400 */
        REFUSED_ANSWERABLE,
        /** MalformedMessageException with request() null: nothing to answer, the message is dropped */
        REFUSED_DROPPED,
        /** parses: the error is for the layer named in the row */
        LATER_LAYER,
        /** a response: parses as a SipResponse (the transaction layer finds no transaction and drops it) */
        STRAY_RESPONSE,
    }

    /** {@code reason}: a part of the refusal's reason, so a message is refused for the right reason. */
    record Row(String name, String section, Outcome outcome, String why, Consumer<SipMessage> check, String reason) {
        @Override
        public String toString() {
            return section + " " + name + " (" + outcome + ")";
        }
    }

    static Row row(String name, String section, Outcome outcome, String why) {
        return new Row(name, section, outcome, why, m -> { }, null);
    }

    static Row refused(String name, String section, Outcome outcome, String why, String reason) {
        return new Row(name, section, outcome, why, m -> { }, reason);
    }

    static Row row(String name, String section, Outcome outcome, String why, Consumer<SipMessage> check) {
        return new Row(name, section, outcome, why, check, null);
    }

    static SipRequest req(SipMessage m) {
        return (SipRequest) m;
    }

    static final List<Row> TABLE = List.of(
            // 3.1.1 valid messages
            row("wsinv", "3.1.1.1", Outcome.VALID, "LWS and folding everywhere", m -> {
                assertThat(m.cseq()).isEqualTo(new CSeq(9, "INVITE"));
                assertThat(m.maxForwards()).isEqualTo(68);
                assertThat(m.vias()).extracting(Via::host).containsExactly("192.0.2.2", "spindle.example.com", "192.168.255.111");
                assertThat(m.vias()).extracting(Via::branch).containsExactly("390skdjuw", "z9hG4bK9ikj8", "z9hG4bK30239");
                assertThat(m.to().tag()).isEqualTo("1918181833n");
                assertThat(m.from().tag()).isEqualTo("98asjd8");
                assertThat(m.from().displayName()).isEqualTo("\"J Rosenberg \\\\\\\"\"");
                assertThat(m.header("Subject")).isEmpty();
                assertThat(m.header("NewFangledHeader")).isEqualTo("newfangled value continued newfangled value");
                assertThat(m.contacts().get(0).params().get("q")).isEqualTo("0.33");
                assertThat(m.contacts().get(0).params().has("secondparam")).isTrue();
                assertThat(m.routes().get(0).uri().looseRoute()).isTrue();
                assertThat(m.body()).hasSize(150);
            }),
            row("intmeth", "3.1.1.2", Outcome.VALID, "unusual method, URI, tokens, quoted control characters", m -> {
                assertThat(req(m).method()).isEqualTo("!interesting-Method0123456789_*+`.%indeed'~");
                assertThat(req(m).requestUri().password()).isEqualTo("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)");
                assertThat(m.to().uri().user()).isEqualTo("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*");
                assertThat(m.from().tag()).isEqualTo("_token~1'+`*%!-.");
                assertThat(m.header("extensionHeader-!.%*+_`'~")).isEqualTo("\uFEFF\u2323\u2225\u2022\u2026".substring(0, 0)
                        + new String(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, (byte) 0xe5, (byte) 0xa4, (byte) 0xa7,
                            (byte) 0xe5, (byte) 0x81, (byte) 0x9c, (byte) 0xe9, (byte) 0x9b, (byte) 0xbb}, StandardCharsets.UTF_8));
            }),
            row("esc01", "3.1.1.3", Outcome.VALID, "%-escapes in URIs", m -> {
                assertThat(req(m).requestUri().decodedUser()).isEqualTo("sips:user@example.com");
                assertThat(m.to().uri().decodedUser()).isEqualTo("user");
                assertThat(m.contentType()).isEqualTo("application/sdp");
                assertThat(m.contacts().get(0).uri().params().get("n%61me")).isEqualTo("v%61lue%25%34%31");
            }),
            row("escnull", "3.1.1.4", Outcome.VALID, "%00 in user parts", m -> {
                assertThat(m.to().uri().decodedUser()).isEqualTo("null-\0-null");
                assertThat(m.contacts()).hasSize(2);
                assertThat(m.contacts().get(1).uri().decodedUser()).isEqualTo("\0\0");
            }),
            row("esc02", "3.1.1.5", Outcome.VALID, "RE%47IST%45R is an unknown method, C%6Fntact an unknown header", m -> {
                assertThat(req(m).method()).isEqualTo("RE%47IST%45R");
                assertThat(m.contacts()).hasSize(2);
                assertThat(m.header("C%6Fntact")).isEqualTo("<sip:alias2@host2.example.com>");
                assertThat(m.from().displayName()).isEqualTo("\"%Z%45\"");
            }),
            row("lwsdisp", "3.1.1.6", Outcome.VALID, "no LWS between display name and <",
                    m -> assertThat(m.from().displayName()).isEqualTo("caller")),
            row("longreq", "3.1.1.7", Outcome.VALID, "very long values, many Vias", m -> {
                assertThat(m.vias()).hasSizeGreaterThan(30);
                assertThat(m.callId()).startsWith("longreq.onereally");
                assertThat(m.to().uri().port()).isEqualTo(6000);
            }),
            row("dblreq", "3.1.1.8", Outcome.VALID, "a REGISTER followed by an INVITE in one datagram: the rest is ignored", m -> {
                assertThat(req(m).method()).isEqualTo("REGISTER");
                assertThat(m.body()).isEmpty();
                assertThat(m.callId()).isEqualTo("dblreq.0ha0isndaksdj99sdfafnl3lk233412");
            }),
            row("semiuri", "3.1.1.9", Outcome.VALID, "';' in the user part of the Request-URI", m -> {
                assertThat(req(m).requestUri().user()).isEqualTo("user;par=u%40example.net");
                assertThat(req(m).requestUri().host()).isEqualTo("example.com");
                assertThat(m.headers("Accept")).hasSize(6).contains("message/sipfrag");
            }),
            row("transports", "3.1.1.10", Outcome.VALID, "Vias of several transports",
                    m -> assertThat(m.vias()).extracting(Via::transport).containsExactly("UDP", "SCTP", "TLS", "UNKNOWN", "TCP")),
            row("mpart01", "3.1.1.11", Outcome.VALID, "multipart body holding NUL bytes",
                    m -> assertThat(m.body()).hasSize(Integer.parseInt(m.header("Content-Length")))),
            row("unreason", "3.1.1.12", Outcome.STRAY_RESPONSE, "200 with a UTF-8 reason phrase", m -> {
                assertThat(((SipResponse) m).status()).isEqualTo(200);
                assertThat(((SipResponse) m).reason()).startsWith("= 2**3 * 5**2 \u043d\u043e");
            }),
            row("noreason", "3.1.1.13", Outcome.STRAY_RESPONSE, "100 with no reason phrase",
                    m -> assertThat(((SipResponse) m).reason()).isEmpty()),
            // 3.1.2 invalid messages
            refused("badinv01", "3.1.2.1", Outcome.REFUSED_DROPPED, "';;,;,,' in Via: the Via cannot be read", "Bad Via"),
            refused("clerr", "3.1.2.2", Outcome.REFUSED_ANSWERABLE, "Content-Length 9999, body shorter", "Content-Length 9999"),
            refused("ncl", "3.1.2.3", Outcome.REFUSED_ANSWERABLE, "Content-Length -999", "Bad Content-Length"),
            refused("scalar02", "3.1.2.4", Outcome.REFUSED_DROPPED, "CSeq above 2^31: CSeq cannot be read", "Bad CSeq"),
            refused("scalarlg", "3.1.2.5", Outcome.REFUSED_DROPPED, "a response with a CSeq above 2^31: the RFC has it discarded; the parser refuses it like scalar02", "Bad CSeq"),
            refused("quotbal", "3.1.2.6", Outcome.REFUSED_DROPPED, "unterminated quote in To: To cannot be read", "Bad To: unterminated"),
            refused("ltgtruri", "3.1.2.7", Outcome.REFUSED_ANSWERABLE, "Request-URI enclosed in <>", "enclosed in <>"),
            refused("lwsruri", "3.1.2.8", Outcome.REFUSED_ANSWERABLE, "LWS inside the Request-URI", "whitespace inside the Request-URI"),
            refused("lwsstart", "3.1.2.9", Outcome.REFUSED_ANSWERABLE, "several SP between start-line elements", "single spaces"),
            refused("trws", "3.1.2.10", Outcome.REFUSED_ANSWERABLE, "SP after SIP/2.0", "single spaces"),
            refused("escruri", "3.1.2.11", Outcome.REFUSED_ANSWERABLE, "escaped headers in the Request-URI (RFC 3261 §19.1.1)", "Request-URI with headers"),
            row("baddate", "3.1.2.12", Outcome.LATER_LAYER,
                    "Date in EST: only a reader of Date would refuse it, and hotdesk reads no Date",
                    m -> assertThat(m.header("Date")).endsWith("EST")),
            row("regbadct", "3.1.2.13", Outcome.LATER_LAYER,
                    "Contact with ?headers outside <>: the registrar reads contacts(), which throws, and answers 400",
                    m -> assertThatThrownBy(m::contacts).isInstanceOf(MalformedHeaderException.class)
                            .extracting(e -> ((MalformedHeaderException) e).header()).isEqualTo("Contact")),
            refused("badaspec", "3.1.2.14", Outcome.REFUSED_DROPPED, "spaces inside <> in To: To cannot be read", "Bad To"),
            refused("baddn", "3.1.2.15", Outcome.REFUSED_DROPPED, "unquoted display names with commas: From cannot be read", "Bad From"),
            row("badvers", "3.1.2.16", Outcome.LATER_LAYER,
                    "SIP/7.0: the transaction user answers 505 Version Not Supported (RFC 3261 §8.2.2 ... §21.5.6)",
                    m -> {
                        assertThat(req(m).version()).isEqualTo("SIP/7.0");
                        assertThat(m.topVia().protocol()).isEqualTo("SIP/7.0");
                    }),
            refused("mismatch01", "3.1.2.17", Outcome.REFUSED_ANSWERABLE, "OPTIONS with CSeq method INVITE", "CSeq method"),
            refused("mismatch02", "3.1.2.18", Outcome.REFUSED_ANSWERABLE, "unknown method, CSeq INVITE", "CSeq method"),
            refused("bigcode", "3.1.2.19", Outcome.REFUSED_DROPPED, "status code 4294967301: a response, dropped", "status code"),
            // 3.2 transaction layer
            row("badbranch", "3.2.1", Outcome.LATER_LAYER,
                    "branch=z9hG4bK and nothing after it: the transaction layer's to judge (RFC 3261 §17.2.3)",
                    m -> assertThat(m.topVia().branch()).isEqualTo("z9hG4bK")),
            // 3.3 application layer
            refused("insuf", "3.3.1", Outcome.REFUSED_DROPPED, "no Call-ID, From, To", "missing From"),
            row("unkscm", "3.3.2", Outcome.VALID, "Request-URI of an unknown scheme: the core answers 416", m -> {
                assertThat(req(m).requestUri().isSip()).isFalse();
                assertThat(req(m).requestUri().opaque()).isEqualTo("totallyopaquecontent");
            }),
            row("novelsc", "3.3.3", Outcome.VALID, "Request-URI of scheme soap.beep: the core answers 416",
                    m -> assertThat(req(m).requestUri().scheme()).isEqualTo("soap.beep")),
            row("unksm2", "3.3.4", Outcome.VALID, "To isbn:, From http:, Contact name:: the registrar refuses", m -> {
                assertThat(m.to().uri().scheme()).isEqualTo("isbn");
                assertThat(m.contacts().get(0).uri().isSip()).isFalse();
            }),
            row("bext01", "3.3.5", Outcome.VALID, "Require nothing supports: the core answers 420",
                    m -> assertThat(m.headers("Require")).isNotEmpty()),
            row("invut", "3.3.6", Outcome.VALID, "an unknown body type: the core answers 415",
                    m -> assertThat(m.contentType()).isNotEqualTo("application/sdp")),
            row("regaut01", "3.3.7", Outcome.VALID, "Authorization of an unknown scheme: the registrar challenges", m -> {
                AuthHeader auth = AuthHeader.parse(m.header("Authorization"));
                assertThat(auth.scheme()).isEqualTo("NoOneKnowsThisScheme");
                assertThat(auth.get("opaque-data")).isEqualTo("here");
            }),
            refused("multi01", "3.3.8", Outcome.REFUSED_ANSWERABLE, "two Call-IDs, CSeqs, Tos, Froms", "Content-Length 154"),
            refused("mcl01", "3.3.9", Outcome.REFUSED_ANSWERABLE, "Content-Length 13 and 5", "Content-Length given 2 times"),
            row("bcast", "3.3.10", Outcome.STRAY_RESPONSE, "200 whose second Via is 255.255.255.255",
                    m -> assertThat(m.vias().get(1).host()).isEqualTo("255.255.255.255")),
            row("zeromf", "3.3.11", Outcome.VALID, "Max-Forwards 0: the core answers 483 unless it is for us",
                    m -> assertThat(m.maxForwards()).isZero()),
            row("cparam01", "3.3.12", Outcome.VALID, "Contact addr-spec: unknownparam is a contact-param", m -> {
                assertThat(m.contacts().get(0).params().has("unknownparam")).isTrue();
                assertThat(m.contacts().get(0).uri().params().isEmpty()).isTrue();
            }),
            row("cparam02", "3.3.13", Outcome.VALID, "Contact name-addr: unknownparam is a URI param", m -> {
                assertThat(m.contacts().get(0).params().isEmpty()).isTrue();
                assertThat(m.contacts().get(0).uri().params().has("unknownparam")).isTrue();
            }),
            row("regescrt", "3.3.14", Outcome.VALID, "Contact URI with an escaped Route header",
                    m -> assertThat(m.contacts().get(0).uri().headers()).isEqualTo("Route=%3Csip:sip.example.com%3E")),
            row("sdp01", "3.3.15", Outcome.VALID, "Accept excludes SDP: the core answers 406",
                    m -> assertThat(m.headers("Accept")).doesNotContain("application/sdp")),
            // 3.4 backward compatibility
            row("inv2543", "3.4.1", Outcome.VALID, "RFC 2543 INVITE: no branch, tags, Max-Forwards, Content-Length", m -> {
                assertThat(m.topVia().branch()).isNull();
                assertThat(m.maxForwards()).isEqualTo(-1);
                assertThat(m.from().tag()).isNull();
                assertThat(m.body()).isNotEmpty();
            }));

    @Test
    void everyTortureFileHasARow() throws Exception {
        var dir = java.nio.file.Path.of(MessageParserTortureTest.class.getResource("/rfc4475").toURI());
        try (var files = java.nio.file.Files.list(dir)) {
            var names = files.map(f -> f.getFileName().toString().replace(".sip", "")).collect(Collectors.toSet());
            assertThat(TABLE).extracting(Row::name).containsExactlyInAnyOrderElementsOf(names);
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("TABLE")
    void tortureMessage(Row row) {
        byte[] data = TortureMessages.load(row.name());
        switch (row.outcome()) {
            case VALID, LATER_LAYER -> {
                SipMessage m = parse(row, data);
                assertThat(m).isInstanceOf(SipRequest.class);
                readCoreHeaders(m);
                row.check().accept(m);
            }
            case STRAY_RESPONSE -> {
                SipMessage m = parse(row, data);
                assertThat(m).isInstanceOf(SipResponse.class);
                readCoreHeaders(m);
                row.check().accept(m);
            }
            case REFUSED_ANSWERABLE -> {
                MalformedMessageException e = refused(row, data);
                assertThat(e.request()).as("%s can be answered", row).isNotNull();
                SipResponse answer = SipResponse.to(e.request(), 400, e.reason());
                byte[] wire = answer.toBytes();
                assertThat(wire).isNotEmpty();
                assertThat(new String(wire, StandardCharsets.UTF_8)).startsWith("SIP/2.0 400 ").contains("Call-ID: ");
            }
            case REFUSED_DROPPED -> assertThat(refused(row, data).request()).as("%s cannot be answered", row).isNull();
        }
    }

    private static SipMessage parse(Row row, byte[] data) {
        try {
            return MessageParser.parse(data, 0, data.length);
        } catch (MalformedMessageException e) {
            throw new AssertionError(row + " (" + row.why() + ") refused: " + e.reason(), e);
        }
    }

    private static MalformedMessageException refused(Row row, byte[] data) {
        MalformedMessageException e = catchThrowableOfType(MalformedMessageException.class,
                () -> MessageParser.parse(data, 0, data.length));
        assertThat(e).as("%s (%s) is refused", row, row.why()).isNotNull();
        assertThat(e.reason()).hasSizeLessThanOrEqualTo(100).contains(row.reason());
        return e;
    }

    private static void readCoreHeaders(SipMessage m) {
        assertThat(m.topVia()).isNotNull();
        assertThat(m.vias()).isNotEmpty();
        assertThat(m.from()).isNotNull();
        assertThat(m.to()).isNotNull();
        assertThat(m.callId()).isNotEmpty();
        assertThat(m.cseq()).isNotNull();
    }
}
