package org.hotdesk.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.forwarding.ForwardTarget;
import org.hotdesk.core.forwarding.Forwarding;
import org.hotdesk.core.forwarding.NoAnswer;
import org.hotdesk.core.tenant.CallRouting;
import org.hotdesk.core.trunk.PhoneNumber;
import org.hotdesk.core.user.User;
import org.hotdesk.sip.testing.Peers;
import org.hotdesk.sip.testing.SipMessage;
import org.hotdesk.sip.testing.TestPhone;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Calls from outside through a trunk, and each forwarding rule to each kind of target, over real SIP on loopback:
 * desks are UDP phones, the carrier (both ways) and the voicemail server are SIPp. The trunk sends from 127.0.0.2,
 * an address of its own.
 */
class TrunksAndForwardingTest extends SipTestBase {
    static final String TRUNK_IP = "127.0.0.2";
    static final String DID = "+14155550100";
    static final String SDP = "v=0\r\no=- 2 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40002 RTP/AVP 0\r\n";

    @TempDir
    Path dir;

    User alice;
    User bob;
    User carol;
    Device aliceDesk;
    Device bobDesk;
    Device carolDesk;

    @BeforeEach
    void people() {
        alice = hd.user(acme, "1001", "2468");
        bob = hd.user(acme, "1002", "1357");
        carol = hd.user(acme, "1003", "9753");
        aliceDesk = hd.device(acme);
        bobDesk = hd.device(acme);
        carolDesk = hd.device(acme);
        core().trunks().create(acme.id(), "Carrier", List.of(TRUNK_IP + "/32"), Map.of(DID, "1001"), TestHotdesk.ADMIN);
    }

    private TestPhone trunkPhone() {
        TestPhone phone = new TestPhone(TRUNK_IP, server.port(), "+14155559999", "unused", "carrier.example.net", "carrier");
        phones.add(phone);
        return phone;
    }

    private void route(String outboundTrunkUri, String voicemailUri) {
        acme = core().tenants().updateSettings(acme.id(), acme.settings().withRouting(
                new CallRouting(null, outboundTrunkUri, null, voicemailUri)), TestHotdesk.ADMIN);
    }

    @Test
    void aCustomerDiallingADidRingsTheDeskWhereThePersonSitsAndTheDeskSeesTheirNumber() throws Exception {
        TestPhone desk = seated(aliceDesk, alice);
        AtomicReference<SipMessage> atDesk = answersCall(desk);

        Sipp.Result r = sippClient("trunk-caller.xml", DID);

        assertThat(r.exitCode()).as(r.output()).isZero();
        SipMessage invite = atDesk.get();
        assertThat(invite).isNotNull();
        assertThat(invite.header("From")).contains("+14155559999");
        assertThat(invite.header("P-Asserted-Identity")).as("the carrier's caller ID is kept").contains("+14155559999");
        assertThat(core().calls().history(acme.id(), null, 5)).first()
                .satisfies(c -> assertThat(c.caller()).isEqualTo("+14155559999"));
    }

    @Test
    void theSameDidWithoutItsPlusRingsToo() {
        TestPhone desk = seated(aliceDesk, alice);
        AtomicReference<SipMessage> atDesk = answersNextCall(desk);

        TestPhone.Call call = trunkPhone().dial("14155550100");

        assertThat(call.status()).isEqualTo(200);
        assertThat(atDesk.get().requestUri()).contains(aliceDesk.sipUsername());
    }

    @Test
    void anUnknownDidIsNotFoundAndTheSameCallFromElsewhereIsChallenged() {
        seated(aliceDesk, alice);

        assertThat(trunkPhone().dial("+14155550199").status()).isEqualTo(404);

        TestPhone elsewhere = gateway(); // 127.0.0.1: not the trunk's network
        String callId = java.util.UUID.randomUUID() + "@127.0.0.1";
        SipMessage answer = elsewhere.exchange(elsewhere.inviteText(DID, callId, TestPhone.tag(), 1, null));
        assertThat(answer.status()).isEqualTo(407);
    }

    enum Rule { ALWAYS, BUSY, NO_ANSWER, UNREACHABLE }

    @ParameterizedTest
    @EnumSource(Rule.class)
    void eachRuleForwardsToAColleague(Rule rule) {
        TestPhone caller = seated(carolDesk, carol);
        TestPhone aliceAtDesk = rule == Rule.UNREACHABLE ? null : seated(aliceDesk, alice);
        TestPhone bobAtDesk = seated(bobDesk, bob);
        forward(rule, new ForwardTarget.Extension("1002"));
        if (aliceAtDesk != null) behave(aliceAtDesk, rule);
        AtomicReference<SipMessage> atBob = answersCall(bobAtDesk);

        TestPhone.Call call = caller.dial("1001");

        assertThat(call.status()).isEqualTo(200);
        SipMessage invite = atBob.get();
        assertThat(invite.header("Diversion")).isEqualTo("<sip:1001@acme.example>;reason=" + reason(rule) + ";counter=1");
        assertThat(invite.header("P-Asserted-Identity")).contains("sip:1003@acme.example");
        if (rule == Rule.ALWAYS) {
            assertThat(aliceAtDesk.arrivals()).as("always forwards before her phone rings").doesNotContain("INVITE");
        }
        hangUp(caller, call);
    }

    @ParameterizedTest
    @EnumSource(Rule.class)
    void eachRuleForwardsToANumberOutsideThroughTheOutboundTrunk(Rule rule) throws Exception {
        try (Sipp.Server carrier = sippServer()) {
            route("sip:127.0.0.1:" + carrier.port(), null);
            TestPhone caller = seated(carolDesk, carol);
            TestPhone aliceAtDesk = rule == Rule.UNREACHABLE ? null : seated(aliceDesk, alice);
            forward(rule, new ForwardTarget.External(new PhoneNumber("+4930123456")));
            if (aliceAtDesk != null) behave(aliceAtDesk, rule);

            TestPhone.Call call = caller.dial("1001");

            assertThat(call.status()).isEqualTo(200);
            hangUp(caller, call);
            SipMessage invite = carrier.invite();
            assertThat(invite.requestUri()).startsWith("sip:+4930123456@127.0.0.1:" + carrier.port());
            assertThat(invite.header("Diversion")).isEqualTo("<sip:1001@acme.example>;reason=" + reason(rule) + ";counter=1");
        }
    }

    @ParameterizedTest
    @EnumSource(Rule.class)
    void eachRuleForwardsToVoicemailForThePersonsMailbox(Rule rule) throws Exception {
        try (Sipp.Server voicemail = sippServer()) {
            route(null, "sip:127.0.0.1:" + voicemail.port());
            TestPhone caller = seated(carolDesk, carol);
            TestPhone aliceAtDesk = rule == Rule.UNREACHABLE ? null : seated(aliceDesk, alice);
            forward(rule, new ForwardTarget.Voicemail());
            if (aliceAtDesk != null) behave(aliceAtDesk, rule);

            TestPhone.Call call = caller.dial("1001");

            assertThat(call.status()).isEqualTo(200);
            hangUp(caller, call);
            SipMessage invite = voicemail.invite();
            assertThat(invite.requestUri()).startsWith("sip:1001@127.0.0.1:" + voicemail.port());
            assertThat(invite.header("Diversion")).isEqualTo("<sip:1001@acme.example>;reason=" + reason(rule) + ";counter=1");
        }
    }

    @Test
    void aForwardingCycleEndsAtTheLastPersonBeforeItCloses() {
        TestPhone caller = seated(carolDesk, carol);
        seated(aliceDesk, alice);
        TestPhone bobAtDesk = seated(bobDesk, bob);
        core().forwarding().set(acme.id(), alice.id(), new Forwarding(new ForwardTarget.Extension("1002"), null, null, null),
                TestHotdesk.ADMIN);
        core().forwarding().set(acme.id(), bob.id(), new Forwarding(new ForwardTarget.Extension("1001"), null, null, null),
                TestHotdesk.ADMIN);
        AtomicReference<SipMessage> atBob = answersNextCall(bobAtDesk);

        TestPhone.Call call = caller.dial("1001");

        assertThat(call.status()).isEqualTo(200);
        assertThat(atBob.get().headers("Diversion")).hasSize(1);
    }

    @Test
    void withoutForwardingABusyPersonIsBusyAndSomeoneLoggedInNowhereUnavailable() {
        TestPhone caller = seated(carolDesk, carol);
        TestPhone aliceAtDesk = seated(aliceDesk, alice);
        behave(aliceAtDesk, Rule.BUSY);

        assertThat(caller.dial("1001").status()).isEqualTo(486);
        assertThat(caller.dial("1002").status()).isEqualTo(480);
    }

    private void forward(Rule rule, ForwardTarget target) {
        Forwarding rules = switch (rule) {
            case ALWAYS -> new Forwarding(target, null, null, null);
            case BUSY -> new Forwarding(null, target, null, null);
            case NO_ANSWER -> new Forwarding(null, null, new NoAnswer(target, 5), null);
            case UNREACHABLE -> new Forwarding(null, null, null, target);
        };
        core().forwarding().set(acme.id(), alice.id(), rules, TestHotdesk.ADMIN);
    }

    private static String reason(Rule rule) {
        return switch (rule) {
            case ALWAYS -> "unconditional";
            case BUSY -> "user-busy";
            case NO_ANSWER -> "no-answer";
            case UNREACHABLE -> "unavailable";
        };
    }

    /** The desk answers the next call and, later, the BYE that ends it; the INVITE as received, once it came. */
    private static AtomicReference<SipMessage> answersCall(TestPhone desk) {
        AtomicReference<SipMessage> received = new AtomicReference<>();
        Thread t = new Thread(() -> {
            SipMessage invite = desk.awaitRequest("INVITE");
            received.set(invite);
            desk.reply(invite, 200, "OK", "callee", null, SDP);
            SipMessage bye = desk.awaitRequest("BYE", Duration.ofSeconds(20));
            desk.reply(bye, 200, "OK");
        });
        t.setDaemon(true);
        t.start();
        return received;
    }

    /** Alice's desk as the rule needs it: busy answers 486, no answer rings until CANCELled; always never rings. */
    private static void behave(TestPhone desk, Rule rule) {
        if (rule != Rule.BUSY && rule != Rule.NO_ANSWER) return;
        Thread t = new Thread(() -> {
            SipMessage invite = desk.awaitRequest("INVITE");
            if (rule == Rule.BUSY) {
                desk.reply(invite, 486, "Busy Here", "busy", null, null);
                return;
            }
            desk.reply(invite, 180, "Ringing", "ringing", null, null);
            SipMessage cancel = desk.awaitRequest("CANCEL", Duration.ofSeconds(15));
            desk.reply(cancel, 200, "OK");
            desk.reply(invite, 487, "Request Terminated", "ringing", null, null);
        });
        t.setDaemon(true);
        t.start();
    }

    private static void hangUp(TestPhone caller, TestPhone.Call call) {
        caller.ack(call.inviteText(), call.finalResponse());
        caller.hangUp(call);
        assertThat(caller.awaitFinal(call.callId(), "BYE").status()).isEqualTo(200);
    }

    /** SIPp, started here as a peer outside: the client plays a carrier's trunk, the server the far end. */
    private Sipp.Result sippClient(String scenario, String service) throws Exception {
        Path sipp = Peers.require("sipp", "sip-tester");
        Path xml = resource(scenario);
        Process p = new ProcessBuilder(sipp.toString(), "127.0.0.1:" + server.port(), "-sf", xml.toString(),
                "-s", service, "-i", TRUNK_IP, "-p", String.valueOf(freePort(TRUNK_IP)), "-m", "1", "-timeout", "30",
                "-nostdin", "-trace_err", "-error_file", dir.resolve("client-errors.log").toString())
                .directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly();
        Path errors = dir.resolve("client-errors.log");
        return new Sipp.Result(p.exitValue(), new String(out, StandardCharsets.UTF_8)
                + (Files.exists(errors) ? Files.readString(errors) : ""));
    }

    private Sipp.Server sippServer() throws Exception {
        Path sipp = Peers.require("sipp", "sip-tester");
        Path xml = resource("answering-peer.xml");
        int port = freePort("127.0.0.1");
        Path messages = dir.resolve("peer-" + port + ".log");
        Process p = new ProcessBuilder(sipp.toString(), "-sf", xml.toString(), "-i", "127.0.0.1",
                "-p", String.valueOf(port), "-m", "1", "-timeout", "30", "-nostdin", "-trace_msg",
                "-message_file", messages.toString()).directory(dir.toFile()).redirectErrorStream(true).start();
        Thread.sleep(500); // SIPp binds its socket
        return new Sipp.Server(p, port, messages);
    }

    private Path resource(String name) throws Exception {
        Path xml = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/sipp/" + name)) {
            Files.write(xml, in.readAllBytes());
        }
        return xml;
    }

    private static int freePort(String ip) throws java.io.IOException {
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(ip, 0))) {
            return udp.getLocalPort();
        }
    }

    /** SIPp processes of one test. */
    static final class Sipp {
        record Result(int exitCode, String output) {
        }

        record Server(Process process, int port, Path messages) implements AutoCloseable {
            /** The INVITE as SIPp received it, once its one call is over. */
            SipMessage invite() throws Exception {
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("SIPp's call ended").isTrue();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(process.exitValue()).as(output).isZero();
                String log = Files.readString(messages);
                int start = log.indexOf("INVITE sip:");
                assertThat(start).as(log).isNotNegative();
                int end = log.indexOf("\n-----", start);
                String text = log.substring(start, end < 0 ? log.length() : end).replace("\r\n", "\n").replace("\n", "\r\n");
                return SipMessage.parse(text);
            }

            @Override
            public void close() {
                process.destroyForcibly();
            }
        }
    }
}
