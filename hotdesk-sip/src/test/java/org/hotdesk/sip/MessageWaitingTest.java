package org.hotdesk.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.session.LogoutReason;
import org.hotdesk.core.tenant.TenantSettings;
import org.hotdesk.core.user.NewUser;
import org.hotdesk.core.user.User;
import org.hotdesk.sip.testing.Peers;
import org.hotdesk.sip.testing.SipMessage;
import org.hotdesk.sip.testing.TestPhone;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Message-waiting lights that follow the person (RFC 3842 over RFC 6665): the tenant's voicemail server (SIPp on
 * 127.0.0.6) reports a mailbox, every desk where that person is logged in shows it, inside its subscription or, for a
 * desk that never subscribed, as an unsolicited NOTIFY; a login elsewhere takes the light along, a logout puts it
 * out. Reports from any other address are refused. Desks are SIPp or the test phone, on real UDP sockets.
 */
class MessageWaitingTest extends SipTestBase {
    static final String VOICEMAIL_IP = "127.0.0.6";
    static final String STRANGER_IP = "127.0.0.7";
    static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    /** MD5 for SIPp; subscriptions may be as short as 2 s, so one runs out within a test. */
    @Override
    SipConfig sipConfig() {
        return new SipConfig("127.0.0.1", 0, true, true, "127.0.0.1", 2, 300, 3600, 300, 30,
                SipConfig.DEFAULTS.digestAlgorithms());
    }

    @Test
    void theVoicemailServersReportReachesTheSubscribedDeskWhereThePersonSits() throws Exception {
        User alice = hd.user(acme, "1001", "1357");
        Device desk = hd.device(acme);
        voicemailAt("sip:" + VOICEMAIL_IP + ":5090");
        loginByAdmin(desk, alice);
        Path sipp = Peers.require("sipp", "sip-tester");

        Process phone = sippDesk(sipp, desk, "2/8 \\(0/2\\)");
        try {
            await(() -> server.subscriptionCount() == 1, "the desk's subscription");
            Result report = voicemailReport(VOICEMAIL_IP, "1001", "yes", "2/8 (0/2)", 200);
            assertThat(report.exitCode()).as(report.output()).isZero();

            assertThat(phone.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String output = new String(phone.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String errors = Files.exists(dir.resolve("desk-errors.log")) ? Files.readString(dir.resolve("desk-errors.log")) : "";
            assertThat(phone.exitValue()).as(output + errors).isZero();
        } finally {
            phone.destroyForcibly();
        }
        await(() -> server.subscriptionCount() == 0, "the subscription ended by the un-SUBSCRIBE");
    }

    @Test
    void aReportFromAnotherAddressIsRefusedAndRelaysNothing() throws Exception {
        User alice = hd.user(acme, "1001", "1357");
        Device device = hd.device(acme);
        voicemailAt("sip:" + VOICEMAIL_IP + ":5090");
        loginByAdmin(device, alice);
        TestPhone desk = deskPhone(device);
        Dialog dialog = subscribe(desk, device, 600);
        assertThat(takeMwi(desk).body()).contains("Messages-Waiting: no");

        Result forged = voicemailReport(STRANGER_IP, "1001", "yes", "9/9 (9/9)", 403);
        assertThat(forged.exitCode()).as("refused with 403: " + forged.output()).isZero();
        Result genuine = voicemailReport(VOICEMAIL_IP, "1001", "yes", "1/0 (0/0)", 200);
        assertThat(genuine.exitCode()).as(genuine.output()).isZero();

        // the next NOTIFY in the dialog is the genuine report's: the forged one, refused before it, lit nothing
        SipMessage next = takeMwi(desk);
        assertThat(next.callId()).isEqualTo(dialog.callId());
        assertThat(next.body()).contains("Voice-Message: 1/0 (0/0)").doesNotContain("9/9");
    }

    @Test
    void anIdleDeskIsToldNothingWaitsInsideItsSubscription() {
        Device device = hd.device(acme);
        TestPhone desk = deskPhone(device);

        Dialog dialog = subscribe(desk, device, 600);

        assertThat(dialog.answer().header("Expires")).isEqualTo("600");
        assertThat(dialog.answer().header("Contact")).contains("127.0.0.1:" + server.port());
        SipMessage notify = takeMwi(desk);
        assertThat(notify.callId()).isEqualTo(dialog.callId());
        assertThat(SipMessage.param(notify.header("From"), "tag")).isEqualTo(dialog.toTag());
        assertThat(SipMessage.param(notify.header("To"), "tag")).isEqualTo(dialog.fromTag());
        assertThat(notify.header("Subscription-State")).startsWith("active;expires=");
        assertThat(notify.header("Content-Type")).isEqualTo("application/simple-message-summary");
        assertThat(notify.header("Contact")).contains("127.0.0.1:" + server.port());
        assertThat(notify.body()).isEqualTo("Messages-Waiting: no\r\n");
    }

    @Test
    void aLoginElsewhereTakesTheLightAlongAndTheOldDeskGoesDark() throws Exception {
        User alice = hd.user(acme, "1001", "1357");
        Device first = hd.device(acme);
        Device second = hd.device(acme);
        voicemailAt("sip:" + VOICEMAIL_IP + ":5090");
        loginByAdmin(first, alice);
        TestPhone firstDesk = deskPhone(first);
        TestPhone secondDesk = deskPhone(second);
        subscribe(firstDesk, first, 600);
        subscribe(secondDesk, second, 600);
        assertThat(takeMwi(firstDesk).body()).contains("Messages-Waiting: no");
        assertThat(takeMwi(secondDesk).body()).contains("Messages-Waiting: no");
        assertThat(voicemailReport(VOICEMAIL_IP, "1001", "yes", "3/1 (1/0)", 200).exitCode()).isZero();
        assertThat(takeMwi(firstDesk).body()).contains("Voice-Message: 3/1 (1/0)");

        loginByAdmin(second, alice); // the tenant's default policy logs her out at the first desk

        long seq = cseq(takeMwi(firstDesk, b -> b.contains("Messages-Waiting: no")));
        SipMessage lit = takeMwi(secondDesk);
        assertThat(lit.body()).contains("Messages-Waiting: yes").contains("Voice-Message: 3/1 (1/0)");
        assertThat(seq).as("CSeq rises within the dialog").isGreaterThan(2);
    }

    @Test
    void aLogoutPutsTheLightOut() throws Exception {
        User alice = hd.user(acme, "1001", "1357");
        Device device = hd.device(acme);
        voicemailAt("sip:" + VOICEMAIL_IP + ":5090");
        loginByAdmin(device, alice);
        TestPhone desk = deskPhone(device);
        subscribe(desk, device, 600);
        takeMwi(desk);
        assertThat(voicemailReport(VOICEMAIL_IP, "1001", "yes", "1/0 (0/0)", 200).exitCode()).isZero();
        assertThat(takeMwi(desk).body()).contains("Messages-Waiting: yes");

        core().sessions().logout(device.id(), LogoutReason.IDLE_TIMEOUT, TestHotdesk.ADMIN);

        assertThat(takeMwi(desk).body()).isEqualTo("Messages-Waiting: no\r\n");
    }

    @Test
    void aRegisteredDeskThatNeverSubscribedGetsTheReportUnsolicited() throws Exception {
        User alice = hd.user(acme, "1001", "1357");
        Device device = hd.device(acme);
        voicemailAt("sip:" + VOICEMAIL_IP + ":5090");
        TestPhone desk = registeredDesk(device);
        loginByAdmin(device, alice);

        assertThat(voicemailReport(VOICEMAIL_IP, "1001", "yes", "4/0 (0/0)", 200).exitCode()).isZero();

        SipMessage notify = takeMwi(desk, b -> b.contains("Voice-Message"));
        assertThat(notify.requestUri()).isEqualTo(desk.contact());
        assertThat(notify.header("Subscription-State")).isEqualTo("terminated");
        assertThat(notify.body()).contains("Messages-Waiting: yes").contains("Voice-Message: 4/0 (0/0)");
    }

    @Test
    void aPersonsOwnPhoneGetsTheirLightAndMayNotWatchAColleagues() throws Exception {
        hd.user(acme, "1001", "1357");
        core().users().create(acme.id(), new NewUser("1002", "Bob", "2468", true, "Own-phone-secret-42"),
                TestHotdesk.ADMIN);
        voicemailAt("sip:" + VOICEMAIL_IP + ":5090");
        TestPhone own = new TestPhone("127.0.0.1", server.port(), "1002", "Own-phone-secret-42", acme.domain(),
                "Softphone");
        phones.add(own);
        assertThat(own.register(300).status()).isEqualTo(200);

        assertThat(subscribeAnswer(own, "1002", "1001", 600).status()).as("a colleague's mailbox").isEqualTo(403);
        assertThat(voicemailReport(VOICEMAIL_IP, "1002", "yes", "1/2 (0/0)", 200).exitCode()).isZero();

        SipMessage notify = takeMwi(own, b -> b.contains("Voice-Message"));
        assertThat(notify.body()).contains("Voice-Message: 1/2 (0/0)");
        assertThat(server.subscriptionCount()).isZero();
    }

    @Test
    void aRefreshKeepsTheSubscriptionAndExpiresZeroEndsIt() throws Exception {
        User alice = hd.user(acme, "1001", "1357");
        Device device = hd.device(acme);
        voicemailAt("sip:" + VOICEMAIL_IP + ":5090");
        loginByAdmin(device, alice);
        TestPhone desk = registeredDesk(device);
        Dialog dialog = subscribe(desk, device, 600);
        takeMwi(desk, b -> true);

        SipMessage refreshed = desk.exchange(inDialogSubscribe(desk, device, dialog, 3, 7200));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.header("Expires")).as("cut to the maximum").isEqualTo("3600");
        SipMessage afterRefresh = takeMwi(desk, b -> true);
        assertThat(afterRefresh.callId()).isEqualTo(dialog.callId());
        assertThat(afterRefresh.header("Subscription-State")).startsWith("active;expires=");

        assertThat(desk.exchange(inDialogSubscribe(desk, device, dialog, 4, 1)).status())
                .as("shorter than the minimum").isEqualTo(423);
        SipMessage ended = desk.exchange(inDialogSubscribe(desk, device, dialog, 5, 0));
        assertThat(ended.status()).isEqualTo(200);
        SipMessage last = takeMwi(desk, b -> true);
        assertThat(last.callId()).isEqualTo(dialog.callId());
        assertThat(last.header("Subscription-State")).isEqualTo("terminated");
        assertThat(server.subscriptionCount()).isZero();

        // with the subscription gone, the next report reaches the registered desk outside any dialog
        assertThat(voicemailReport(VOICEMAIL_IP, "1001", "yes", "1/0 (0/0)", 200).exitCode()).isZero();
        SipMessage unsolicited = takeMwi(desk, b -> b.contains("Voice-Message"));
        assertThat(unsolicited.callId()).isNotEqualTo(dialog.callId());
        assertThat(desk.exchange(inDialogSubscribe(desk, device, dialog, 6, 600)).status())
                .as("the ended dialog is unknown").isEqualTo(481);
    }

    @Test
    void anUnrefreshedSubscriptionRunsOutWithATimeoutNotify() {
        Device device = hd.device(acme);
        TestPhone desk = deskPhone(device);
        assertThat(subscribeAnswer(desk, device.sipUsername(), device.sipUsername(), 1).status())
                .as("below the minimum of 2 s").isEqualTo(423);
        Dialog dialog = subscribe(desk, device, 2);
        takeMwi(desk);

        SipMessage last = takeMwi(desk);

        assertThat(last.callId()).isEqualTo(dialog.callId());
        assertThat(last.header("Subscription-State")).isEqualTo("terminated;reason=timeout");
        assertThat(server.subscriptionCount()).isZero();
    }

    @Test
    void aSubscriberThatAnswers481NoLongerHasTheSubscription() {
        Device device = hd.device(acme);
        TestPhone desk = deskPhone(device);
        subscribe(desk, device, 600);
        SipMessage first = desk.awaitRequest("NOTIFY"); // sent once the subscription is in force
        assertThat(server.subscriptionCount()).isEqualTo(1);

        desk.reply(first, 481, "Call/Transaction Does Not Exist");

        await(() -> server.subscriptionCount() == 0, "the subscription ended by the 481");
    }

    @Test
    void anUnknownEventPackageIsRefusedWith489NamingThoseServed() {
        Device device = hd.device(acme);
        TestPhone desk = deskPhone(device);

        SipMessage refused = desk.exchange(subscribeText(desk, device.sipUsername(), device.sipUsername(),
                UUID.randomUUID() + "@127.0.0.1", TestPhone.tag(), 1, 600, "presence", null));

        assertThat(refused.status()).isEqualTo(489);
        assertThat(refused.header("Allow-Events")).isEqualTo("message-summary, dialog");
        SipMessage options = desk.exchange("OPTIONS sip:" + acme.domain() + " SIP/2.0\r\n"
                + "Via: " + desk.via(TestPhone.branch()) + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + device.sipUsername() + "@" + acme.domain() + ">;tag=" + TestPhone.tag() + "\r\n"
                + "To: <sip:" + acme.domain() + ">\r\n"
                + "Call-ID: " + UUID.randomUUID() + "@127.0.0.1\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n");
        assertThat(options.status()).isEqualTo(200);
        assertThat(options.header("Allow-Events")).isEqualTo("message-summary, dialog");
        assertThat(options.header("Allow")).contains("SUBSCRIBE").contains("NOTIFY");
    }

    @Test
    void aSubscribeWithoutCredentialsIsChallengedAndAWrongPasswordRefused() {
        Device device = hd.device(acme);
        TestPhone desk = deskPhone(device);
        String callId = UUID.randomUUID() + "@127.0.0.1";
        String fromTag = TestPhone.tag();

        SipMessage challenge = desk.exchange(subscribeText(desk, device.sipUsername(), device.sipUsername(), callId,
                fromTag, 1, 600, "message-summary", null));
        assertThat(challenge.status()).isEqualTo(407);
        assertThat(challenge.header("Proxy-Authenticate")).startsWith("Digest");

        String wrong = desk.authorization("SUBSCRIBE", "sip:" + device.sipUsername() + "@" + acme.domain(), challenge,
                "Proxy-Authenticate", "not-the-password");
        SipMessage refused = desk.exchange(subscribeText(desk, device.sipUsername(), device.sipUsername(), callId,
                fromTag, 2, 600, "message-summary", wrong));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(server.subscriptionCount()).isZero();
    }

    // ---- helpers

    /** A subscription as the phone sees it. */
    record Dialog(String callId, String fromTag, String toTag, SipMessage answer) {
    }

    private void voicemailAt(String uri) {
        TenantSettings s = acme.settings();
        acme = core().tenants().updateSettings(acme.id(), s.withRouting(s.routing().withVoicemailUri(uri)),
                TestHotdesk.ADMIN);
    }

    /** Subscribes the desk to its own message-summary, answering the 407; fails unless the answer is 200. */
    private Dialog subscribe(TestPhone phone, Device device, int expires) {
        String callId = UUID.randomUUID() + "@127.0.0.1";
        String fromTag = TestPhone.tag();
        SipMessage answer = subscribeWithCredentials(phone, device.sipUsername(), device.sipUsername(), callId, fromTag,
                expires, device.sipPassword());
        assertThat(answer.status()).as("SUBSCRIBE answer").isEqualTo(200);
        return new Dialog(callId, fromTag, SipMessage.param(answer.header("To"), "tag"), answer);
    }

    private SipMessage subscribeAnswer(TestPhone phone, String user, String resource, int expires) {
        String password = user.equals("1002") ? "Own-phone-secret-42"
                : core().devices().findBySipUsername(user).orElseThrow().sipPassword();
        return subscribeWithCredentials(phone, user, resource, UUID.randomUUID() + "@127.0.0.1", TestPhone.tag(),
                expires, password);
    }

    private SipMessage subscribeWithCredentials(TestPhone phone, String user, String resource, String callId,
                                                String fromTag, int expires, String password) {
        SipMessage answer = phone.exchange(subscribeText(phone, user, resource, callId, fromTag, 1, expires,
                "message-summary", null));
        if (answer.status() != 407) return answer;
        String credentials = phone.authorization("SUBSCRIBE", "sip:" + resource + "@" + acme.domain(), answer,
                "Proxy-Authenticate", password);
        return phone.exchange(subscribeText(phone, user, resource, callId, fromTag, 2, expires, "message-summary",
                credentials));
    }

    private String subscribeText(TestPhone phone, String user, String resource, String callId, String fromTag,
                                 int cseq, int expires, String event, String proxyAuthorization) {
        return "SUBSCRIBE sip:" + resource + "@" + acme.domain() + " SIP/2.0\r\n"
                + "Via: " + phone.via(TestPhone.branch()) + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + user + "@" + acme.domain() + ">;tag=" + fromTag + "\r\n"
                + "To: <sip:" + resource + "@" + acme.domain() + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " SUBSCRIBE\r\n"
                + "Contact: <" + phone.contact() + ">\r\n"
                + "Event: " + event + "\r\n"
                + "Accept: application/simple-message-summary\r\n"
                + "Expires: " + expires + "\r\n"
                + (proxyAuthorization == null ? "" : "Proxy-Authorization: " + proxyAuthorization + "\r\n")
                + "Content-Length: 0\r\n\r\n";
    }

    /** A refresh or un-SUBSCRIBE inside the dialog, to the server's Contact (the remote target). */
    private String inDialogSubscribe(TestPhone phone, Device device, Dialog dialog, int cseq, int expires) {
        String target = dialog.answer().header("Contact").replaceAll("^.*<([^>]+)>.*$", "$1");
        return "SUBSCRIBE " + target + " SIP/2.0\r\n"
                + "Via: " + phone.via(TestPhone.branch()) + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + device.sipUsername() + "@" + acme.domain() + ">;tag=" + dialog.fromTag() + "\r\n"
                + "To: <sip:" + device.sipUsername() + "@" + acme.domain() + ">;tag=" + dialog.toTag() + "\r\n"
                + "Call-ID: " + dialog.callId() + "\r\n"
                + "CSeq: " + cseq + " SUBSCRIBE\r\n"
                + "Contact: <" + phone.contact() + ">\r\n"
                + "Event: message-summary\r\n"
                + "Expires: " + expires + "\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    /** The next message-summary NOTIFY, answered 200 (the server sends the next only once this one is answered). */
    private static SipMessage takeMwi(TestPhone phone) {
        return takeMwi(phone, body -> true);
    }

    private static SipMessage takeMwi(TestPhone phone, java.util.function.Predicate<String> body) {
        SipMessage notify = phone.await(m -> "NOTIFY".equals(m.method())
                && String.valueOf(m.header("Event")).startsWith("message-summary") && body.test(m.body()), WAIT,
                "a message-summary NOTIFY");
        phone.reply(notify, 200, "OK");
        return notify;
    }

    private static long cseq(SipMessage m) {
        return Long.parseLong(m.header("CSeq").trim().split("\\s+")[0]);
    }

    private static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError("no " + what + " within " + WAIT);
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    // ---- SIPp

    record Result(int exitCode, String output) {
    }

    /** SIPp from {@code ip} as a voicemail server: one NOTIFY, expecting {@code expected} back. */
    private Result voicemailReport(String ip, String extension, String waiting, String counts, int expected)
            throws IOException, InterruptedException {
        Path sipp = Peers.require("sipp", "sip-tester");
        String name = "vm-" + UUID.randomUUID();
        Path xml = scenario("voicemail-notify.xml", name + ".xml", "EXPECTED_STATUS", String.valueOf(expected));
        Path csv = dir.resolve(name + ".csv");
        Files.writeString(csv, "SEQUENTIAL\n" + extension + ";" + acme.domain() + ";" + waiting + ";" + counts + "\n");
        Path errors = dir.resolve(name + "-errors.log");
        Process p = new ProcessBuilder(sipp.toString(), "127.0.0.1:" + server.port(), "-sf", xml.toString(),
                "-inf", csv.toString(), "-i", ip, "-p", String.valueOf(freePort(ip)), "-m", "1", "-timeout", "20",
                "-nostdin", "-trace_err", "-error_file", errors.toString())
                .directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
        String log = Files.exists(errors) ? Files.readString(errors) : "";
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8) + "\n" + log);
    }

    /** SIPp as the desk (mwi-desk.xml), started and left running; it expects the given Voice-Message (a regexp). */
    private Process sippDesk(Path sipp, Device desk, String expectedVoice) throws IOException {
        Path xml = scenario("mwi-desk.xml", "mwi-desk.xml", "EXPECTED_VOICE", expectedVoice);
        Path csv = dir.resolve("desk.csv");
        Files.writeString(csv, "SEQUENTIAL\n" + desk.sipUsername() + ";" + acme.domain()
                + ";[authentication username=" + desk.sipUsername() + " password=" + desk.sipPassword() + "]\n");
        List<String> command = new ArrayList<>(List.of(sipp.toString(), "127.0.0.1:" + server.port(),
                "-sf", xml.toString(), "-inf", csv.toString(), "-i", "127.0.0.1", "-p",
                String.valueOf(freePort("127.0.0.1")), "-m", "1", "-timeout", "25", "-nostdin", "-trace_err",
                "-error_file", dir.resolve("desk-errors.log").toString()));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    }

    private Path scenario(String resource, String file, String placeholder, String value) throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/sipp/" + resource)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path xml = dir.resolve(file);
        Files.writeString(xml, text.replace(placeholder, value));
        return xml;
    }

    private static int freePort(String ip) throws IOException {
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(ip, 0))) {
            return udp.getLocalPort();
        }
    }
}
