package org.hotdesk.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hotdesk.sip.testing.SipMessage;
import org.hotdesk.sip.testing.TestPhone;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The RFC 4475 torture messages, sent as they are written (resources {@code rfc4475/<name>.sip}) to the real
 * server over UDP and over TCP. A valid request is answered, never with a 5xx (two exceptions the RFC itself
 * prescribes: 501 for an unknown method, 505 for an unknown version); an invalid one is refused with 400 or
 * dropped; a stray response is dropped. Whatever came, a valid OPTIONS afterwards is answered: the message
 * was read and the worker that read it still serves.
 *
 * <p>Only one thing is rewritten: over UDP the answer goes to the top Via's sent-by (RFC 3261 §18.2.2), so
 * that sent-by becomes the test socket's address and port; over TCP the answer comes back on the connection
 * and the message goes out byte for byte. Responses are never rewritten: their top Via would be ours.
 */
class TortureMessagesTest extends SipTestBase {
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);

    enum Kind {
        /** a well-formed request: answered with one of {@link Torture#answers} */
        VALID,
        /** a malformed request: 400 (or one of {@link Torture#answers}), or dropped */
        INVALID,
        /** a response matching no transaction of ours: dropped (RFC 3261 §18.1.2, §16.7 / §16.11) */
        STRAY_RESPONSE
    }

    /**
     * One row of the table.
     *
     * @param answers             the final statuses the server may answer with
     * @param tcpConnectionMayEnd over TCP the connection is not reusable after this message, so the server is
     *                            probed on a new one: the framing is broken (a Content-Length promising more than the
     *                            stream brings, several, or none: RFC 4475 §3.1.2.3 has the server close), or the
     *                            stack closes it after a message it cannot parse instead of answering 400
     * @param knownUdp            when set, the server does not yet do what the row asks over UDP: what it does instead
     * @param knownTcp            the same over TCP
     */
    record Torture(String name, String section, Kind kind, Set<Integer> answers, boolean tcpConnectionMayEnd, String why,
                   String knownUdp, String knownTcp) {
        Torture known(String udp, String tcp) {
            return new Torture(name, section, kind, answers, tcpConnectionMayEnd, why, udp, tcp);
        }

        Torture tcpConnectionEnds() {
            return new Torture(name, section, kind, answers, true, why, knownUdp, knownTcp);
        }

        @Override
        public String toString() {
            return section + " " + name;
        }
    }

    static Torture valid(String name, String section, Set<Integer> answers, String why) {
        return new Torture(name, section, Kind.VALID, answers, false, why, null, null);
    }

    static Torture invalid(String name, String section, String why) {
        return new Torture(name, section, Kind.INVALID, Set.of(400), false, why, null, null);
    }

    static Torture invalid(String name, String section, Set<Integer> answers, String why) {
        return new Torture(name, section, Kind.INVALID, answers, false, why, null, null);
    }

    static Torture stray(String name, String section, String why) {
        return new Torture(name, section, Kind.STRAY_RESPONSE, Set.of(), false, why, null, null);
    }

    /** What a registrar and proxy for other domains answers a request for example.com: a challenge or a refusal. */
    static final Set<Integer> NOT_OURS = Set.of(401, 403, 404, 407, 416, 420, 483);

    static final List<Torture> TABLE = List.of(
            // 3.1.1 valid messages
            // its To tag makes it mid-dialog and its Route names services.example.com: not a dialog this server
            // Record-Routed, so it is refused (403) rather than relayed
            valid("wsinv", "3.1.1.1", NOT_OURS, "an INVITE with LWS and folding everywhere"),
            valid("intmeth", "3.1.1.2", Set.of(405, 501, 404, 403),
                    "an unknown method: RFC 3261 §8.2.1 has a UAS answer 501 (405 is for methods it knows)"),
            valid("esc01", "3.1.1.3", NOT_OURS, "%-escapes in URIs"),
            valid("escnull", "3.1.1.4", NOT_OURS, "REGISTER with %00 in user parts"),
            valid("esc02", "3.1.1.5", Set.of(405, 501, 404, 403), "RE%47IST%45R is an unknown method, not REGISTER"),
            valid("lwsdisp", "3.1.1.6", Set.of(200, 404, 403, 483), "OPTIONS with no LWS between display name and <"),
            valid("longreq", "3.1.1.7", NOT_OURS, "very long header values, 34 Vias"),
            valid("dblreq", "3.1.1.8", NOT_OURS, "REGISTER followed by octets that look like an INVITE: ignored over UDP; over TCP they are a second"
                    + " request on the stream, after which the server closes the connection")
                    .tcpConnectionEnds(),
            valid("semiuri", "3.1.1.9", Set.of(200, 404, 403, 483), "OPTIONS with ;par=u%40example.net in the user part"),
            valid("transports", "3.1.1.10", Set.of(200, 404, 403, 483), "Vias with SCTP, TLS, UNKNOWN, TCP"),
            valid("mpart01", "3.1.1.11", Set.of(405, 501, 404, 403, 415),
                    "MESSAGE with a multipart body holding NUL bytes"),
            stray("unreason", "3.1.1.12", "200 with a UTF-8 reason phrase, for no transaction of ours"),
            stray("noreason", "3.1.1.13", "100 with no reason phrase, for no transaction of ours"),
            // 3.1.2 invalid messages
            invalid("badinv01", "3.1.2.1", "extra ;,; in Via and Contact")
                    .tcpConnectionEnds(),
            invalid("clerr", "3.1.2.2", "Content-Length 9999, body shorter").tcpConnectionEnds(),
            invalid("ncl", "3.1.2.3", "Content-Length -999").tcpConnectionEnds(),
            invalid("scalar02", "3.1.2.4", "CSeq > 2^32-1, Max-Forwards 300, huge Expires")
                    .tcpConnectionEnds(),
            stray("scalarlg", "3.1.2.5", "503 with overlarge CSeq, Retry-After and warn-code"),
            invalid("quotbal", "3.1.2.6", "unterminated quote in To's display name")
                    .tcpConnectionEnds(),
            invalid("ltgtruri", "3.1.2.7", "Request-URI enclosed in <>")
                    .tcpConnectionEnds(),
            invalid("lwsruri", "3.1.2.8", "LWS inside the Request-URI")
                    .tcpConnectionEnds(),
            invalid("lwsstart", "3.1.2.9", NOT_OURS_OR_400(), "several SP between start-line elements: may be accepted"),
            invalid("trws", "3.1.2.10", Set.of(400, 200, 404, 403, 483), "SP after SIP/2.0: may be accepted"),
            invalid("escruri", "3.1.2.11", NOT_OURS_OR_400(), "escaped headers in the Request-URI: may be ignored"),
            invalid("baddate", "3.1.2.12", NOT_OURS_OR_400(), "Date in EST: a server that does not use Date may accept"),
            invalid("regbadct", "3.1.2.13", NOT_OURS_OR_400(), "Contact URI with ?headers not in <>"),
            invalid("badaspec", "3.1.2.14", Set.of(400, 200, 404, 403, 483), "spaces inside <> in To"),
            invalid("baddn", "3.1.2.15", Set.of(400, 200, 404, 403, 483), "unquoted display names with commas"),
            invalid("badvers", "3.1.2.16", Set.of(400, 505), "SIP/7.0: the RFC asks for 505 Version Not Supported"),
            invalid("mismatch01", "3.1.2.17", "OPTIONS with CSeq method INVITE")
                    .tcpConnectionEnds(),
            invalid("mismatch02", "3.1.2.18", Set.of(400, 501), "unknown method, CSeq INVITE: 501 or 400")
                    .tcpConnectionEnds(),
            stray("bigcode", "3.1.2.19", "status code 4294967301")
                    .tcpConnectionEnds(),
            // 3.2 transaction layer
            invalid("badbranch", "3.2.1", Set.of(400, 200, 404, 403, 483),
                    "branch=z9hG4bK with nothing after it: 400, or the RFC 2543 fallback"),
            // 3.3 application layer
            invalid("insuf", "3.3.1", "no Call-ID, From, To, Max-Forwards"),
            valid("unkscm", "3.3.2", Set.of(416, 404, 403), "Request-URI of an unknown scheme: 416"),
            valid("novelsc", "3.3.3", Set.of(416, 404, 403), "Request-URI soap.beep: forward or 416"),
            valid("unksm2", "3.3.4", Set.of(400, 403, 404, 416),
                    "REGISTER with To isbn:, From http:, Contact name:: a registrar refuses (400), To must be SIP"),
            valid("bext01", "3.3.5", Set.of(420, 404, 403), "Require and Proxy-Require nothing supports: 420"),
            valid("invut", "3.3.6", Set.of(415, 401, 403, 404, 407), "INVITE with an unknown body type"),
            valid("regaut01", "3.3.7", Set.of(401, 403, 404), "Authorization of an unknown scheme: challenge"),
            invalid("multi01", "3.3.8", "two Call-IDs, CSeqs, Tos, Froms, Max-Forwards; l: 154 over a 152-octet body as the RFC has it")
                    .tcpConnectionEnds(),
            invalid("mcl01", "3.3.9", "Content-Length 13 and 5").tcpConnectionEnds(),
            stray("bcast", "3.3.10", "200 whose second Via is 255.255.255.255"),
            valid("zeromf", "3.3.11", Set.of(200, 483, 404, 403), "OPTIONS with Max-Forwards 0"),
            valid("cparam01", "3.3.12", NOT_OURS, "REGISTER, Contact with an unknown contact-param"),
            valid("cparam02", "3.3.13", NOT_OURS, "REGISTER, Contact with an unknown uri-param"),
            valid("regescrt", "3.3.14", NOT_OURS, "REGISTER, Contact URI with an escaped Route header"),
            valid("sdp01", "3.3.15", Set.of(406, 400, 401, 403, 404, 407), "INVITE whose Accept excludes SDP"),
            // 3.4 backward compatibility
            valid("inv2543", "3.4.1", NOT_OURS, "an RFC 2543 INVITE: no branch, no tags, no Max-Forwards, no Content-Length")
                    .tcpConnectionEnds());

    private static Set<Integer> NOT_OURS_OR_400() {
        var s = new java.util.HashSet<>(NOT_OURS);
        s.add(400);
        return Set.copyOf(s);
    }

    static Stream<Arguments> messages() {
        List<Arguments> cases = new ArrayList<>();
        for (Torture t : TABLE) {
            cases.add(Arguments.of(t, "UDP"));
            cases.add(Arguments.of(t, "TCP"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("messages")
    void tortureMessageIsAnsweredAsTheRfcAsksAndTheServerKeepsServing(Torture torture, String transport) {
        String known = transport.equals("UDP") ? torture.knownUdp() : torture.knownTcp();
        assumeTrue(known == null, () -> "known failure: " + known);
        TestPhone phone = phone(transport);
        byte[] message = load(torture.name());
        if (torture.kind() != Kind.STRAY_RESPONSE) {
            message = withTopVia(message, transport, transport.equals("UDP") ? "127.0.0.1:" + phone.port() : null);
        }
        Set<String> callIds = callIds(message);

        phone.sendBytes(message);

        Duration wait = torture.kind() == Kind.VALID ? ANSWER_WITHIN : SHORT;
        SipMessage answer = answerTo(phone, callIds, wait);
        switch (torture.kind()) {
            case VALID -> assertThat(answer).as("an answer to %s over %s", torture, transport).isNotNull();
            case INVALID -> { }
            case STRAY_RESPONSE -> assertThat(answer).as("a stray response is dropped").isNull();
        }
        if (answer != null) {
            assertThat(answer.status()).as("%s over %s (%s) answered %s", torture, transport, torture.why(),
                    answer.startLine()).isIn(torture.kind() == Kind.INVALID ? union400(torture.answers()) : torture.answers());
        }

        if (phone.closedByServer()) {
            assertThat(torture.tcpConnectionMayEnd()).as("the server closed the connection after %s", torture).isTrue();
        }
        TestPhone prober = transport.equals("TCP") && torture.tcpConnectionMayEnd() ? phone("TCP") : phone;
        SipMessage probe = prober.exchange(options(prober));
        assertThat(probe.status()).as("the server still serves after %s over %s", torture, transport).isEqualTo(200);
        SipMessage late = answerTo(phone, callIds, Duration.ZERO);
        if (late != null) {
            assertThat(late.status()).as("a late answer to %s over %s: %s", torture, transport, late.startLine())
                    .isIn(torture.kind() == Kind.INVALID ? union400(torture.answers()) : torture.answers());
        }
    }

    private static Set<Integer> union400(Set<Integer> answers) {
        var s = new java.util.HashSet<>(answers);
        s.add(400);
        return s;
    }

    private TestPhone phone(String transport) {
        TestPhone phone = transport.equals("TCP")
                ? TestPhone.overTcp(server.port(), "torture", "unused", acme.domain(), "rfc4475")
                : new TestPhone("127.0.0.1", server.port(), "torture", "unused", acme.domain(), "rfc4475");
        phones.add(phone);
        return phone;
    }

    /** The first final answer for one of these Call-IDs (any but the probe's when the message had none), or null. */
    private static SipMessage answerTo(TestPhone phone, Set<String> callIds, Duration within) {
        try {
            return phone.await(m -> m.isResponse() && m.status() >= 200
                    && (callIds.isEmpty() ? !m.headerOpt("Call-ID").orElse("").startsWith("probe-")
                    : callIds.contains(m.headerOpt("Call-ID").orElse(""))), within.isZero() ? Duration.ofMillis(1) : within, "");
        } catch (AssertionError none) {
            return null;
        }
    }

    private static String options(TestPhone phone) {
        return "OPTIONS sip:" + "127.0.0.1" + " SIP/2.0\r\n"
                + "Via: " + phone.via(TestPhone.branch()) + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:probe@acme.example>;tag=" + TestPhone.tag() + "\r\n"
                + "To: <sip:probe@acme.example>\r\n"
                + "Call-ID: probe-" + TestPhone.tag() + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    static byte[] load(String name) {
        try (InputStream in = TortureMessagesTest.class.getResourceAsStream("/rfc4475/" + name + ".sip")) {
            if (in == null) throw new AssertionError("no resource rfc4475/" + name + ".sip");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Pattern HEAD_LINE = Pattern.compile("(?m)^([^\\s:]+)[ \\t]*:");
    private static final Pattern SENT_BY = Pattern.compile("(SIP\\s*/\\s*[0-9.]+\\s*/\\s*)([A-Za-z]+)(\\s+)([^\\s;,]+)");

    /**
     * The message with its first Via naming the transport it really travels on (RFC 3261 §18.1.1: a sender
     * writes it so; the RFC's messages ostensibly arrived over UDP, some over TCP) and, when set, this sent-by
     * instead of the one written; every other byte stays as it was.
     */
    static byte[] withTopVia(byte[] message, String transport, String sentBy) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        Matcher line = HEAD_LINE.matcher(text);
        while (line.find() && (headEnd < 0 || line.start() < headEnd)) {
            String name = line.group(1);
            if (!name.equalsIgnoreCase("Via") && !name.equalsIgnoreCase("v")) continue;
            Matcher via = SENT_BY.matcher(text).region(line.end(), text.length());
            if (!via.find()) break;
            String rewritten = text.substring(0, via.start(2)) + transport + via.group(3)
                    + (sentBy != null ? sentBy : via.group(4)) + text.substring(via.end(4));
            return rewritten.getBytes(StandardCharsets.ISO_8859_1);
        }
        return message;
    }

    private static final Pattern CALL_ID = Pattern.compile("(?mi)^(?:call-id|i)[ \\t]*:[ \\t]*(\\S+)");

    static Set<String> callIds(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        Matcher m = CALL_ID.matcher(headEnd < 0 ? text : text.substring(0, headEnd));
        Set<String> ids = new java.util.HashSet<>();
        while (m.find()) ids.add(m.group(1));
        return ids;
    }
}
