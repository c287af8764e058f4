package org.hotdesk.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.hotdesk.core.audit.AuditRecord;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.policy.MultipleLoginPolicy;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.session.LogoutReason;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.tenant.TrustedNetworks;
import org.hotdesk.core.user.User;
import org.hotdesk.sip.testing.SipMessage;
import org.hotdesk.sip.testing.TestPhone;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The phone's own hot-desk key: it REGISTERs as the user with extension + PIN (seeds 002, 003). The office
 * network is 127.0.0.1/32 here; 127.0.0.9 plays a phone somewhere else.
 */
class PhoneKeyLoginTest extends SipTestBase {
    static final String OFFICE = "127.0.0.1";
    static final String ELSEWHERE = "127.0.0.9";

    User alice;
    Device desk;

    @BeforeEach
    void office() {
        acme = core().tenants().updateSettings(acme.id(),
                acme.settings().withTrustedNetworks(new TrustedNetworks(List.of("127.0.0.1/32"))).withPhoneKeyLogin(true),
                TestHotdesk.ADMIN);
        alice = hd.user(acme, "1001", "2581");
        desk = hd.device(acme);
    }

    /** The desk's phone after someone typed extension and PIN on its hot-desk key. */
    TestPhone hotDeskKey(String ip, Device at, String extension, String pin) {
        TestPhone phone = new TestPhone(ip, server.port(), extension, pin, acme.domain(), "Yealink SIP-T54W 96.86.0.100")
                .withInstance("<urn:uuid:00000000-0000-1000-8000-" + at.mac().value() + ">")
                .keepingCallId()
                .preferring("MD5");
        phones.add(phone);
        return phone;
    }

    @Test
    void aPinRegistrationFromTheOfficeLogsTheUserInAndTheirCallsRingThere() {
        TestPhone phone = hotDeskKey(OFFICE, desk, "1001", "2581");

        SipMessage answer = phone.register(300);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers("Contact")).hasSize(1);
        Session session = core().sessions().openSessionOf(desk.id()).orElseThrow();
        assertThat(session.userId()).isEqualTo(alice.id());
        assertThat(session.method()).isEqualTo(LoginMethod.PHONE_KEY);

        // a colleague at another desk calls 1001: the hot-desk phone rings
        User bob = hd.user(acme, "1002", "2468");
        Device bobsDesk = hd.device(acme);
        TestPhone bobPhone = registeredDesk(bobsDesk);
        loginByAdmin(bobsDesk, bob);
        AtomicReference<SipMessage> rang = answersNextCall(phone);
        assertThat(bobPhone.dial("1001").status()).isEqualTo(200);
        assertThat(rang.get().requestUri()).startsWith(phone.contact());

        // and Alice calls out from the desk as herself, authenticating with her PIN
        AtomicReference<SipMessage> atBob = answersNextCall(bobPhone);
        assertThat(phone.dial("1002").status()).isEqualTo(200);
        assertThat(atBob.get().header("P-Asserted-Identity")).isEqualTo("\"User 1001\" <sip:1001@acme.example>");
    }

    @Test
    void aWrongPasswordForADeskAndAWrongPinForAnExtensionTakeTheSameTime() {
        // a desk's wrong password was answered in about 1 ms, an extension's wrong PIN in about 4: every refusal is
        // now held to the same moment after its request arrived (bench/refusal-timing.sh measures the spread)
        TestPhone wrongDesk = new TestPhone(OFFICE, server.port(), desk.sipUsername(), "not-its-password", acme.domain(),
                "Yealink SIP-T54W 96.86.0.100").preferring("MD5");
        phones.add(wrongDesk);
        TestPhone wrongPin = hotDeskKey(OFFICE, desk, "1999", "9402");

        for (TestPhone guesser : List.of(wrongDesk, wrongPin)) {
            Duration quickest = Duration.ofHours(1);
            for (int i = 0; i < 3; i++) {
                Duration took = refusalTime(guesser, guesser == wrongDesk ? "not-its-password" : "9402");
                if (took.compareTo(quickest) < 0) quickest = took;
            }
            assertThat(quickest).as("the quickest refusal").isGreaterThanOrEqualTo(org.hotdesk.sip.registrar.RefusalPace.PACE);
        }
    }

    /** From sending a REGISTER with wrong credentials to its 403, the challenge before it not counted. */
    private Duration refusalTime(TestPhone guesser, String wrongSecret) {
        String callId = java.util.UUID.randomUUID().toString();
        SipMessage challenge = guesser.exchange(guesser.registerText(callId, 300, null));
        String authorization = guesser.authorization("REGISTER", "sip:" + acme.domain(), challenge, "WWW-Authenticate",
                wrongSecret);
        String register = guesser.registerText(callId, 300, authorization);
        long started = System.nanoTime();
        SipMessage refused = guesser.exchange(register);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(refused.reason()).isEqualTo("Wrong username or password");
        return took;
    }

    @Test
    void aChangedPinCountsFromTheVeryNextRegister() {
        TestPhone phone = hotDeskKey(OFFICE, desk, "1001", "2581");
        assertThat(phone.register(300).status()).as("Alice is now held in memory").isEqualTo(200);
        assertThat(phone.register(0).status()).as("logged out again").isEqualTo(200);

        core().users().setPin(acme.id(), alice.id(), "8642", TestHotdesk.ADMIN);

        assertThat(hotDeskKey(OFFICE, desk, "1001", "2581").register(300).status()).as("the old PIN").isEqualTo(403);
        assertThat(hotDeskKey(OFFICE, desk, "1001", "8642").register(300).status()).as("the new PIN").isEqualTo(200);
        assertThat(core().sessions().openSessionOf(desk.id())).isPresent();
    }

    @Test
    void withPhoneKeyLoginOffTheRightPinGetsTheWrongPasswordAnswerAtTheSamePaceAndLocksNobody() {
        assertThat(hotDeskKey(OFFICE, desk, "1001", "2581").register(300).status()).as("while on").isEqualTo(200);
        core().sessions().logout(desk.id(), org.hotdesk.core.session.LogoutReason.ADMIN, TestHotdesk.ADMIN);

        acme = core().tenants().updateSettings(acme.id(), core().tenants().get(acme.id()).settings()
                .withPhoneKeyLogin(false), TestHotdesk.ADMIN);

        for (int i = 0; i < 6; i++) {
            Duration took = refusalTime(hotDeskKey(OFFICE, desk, "1001", "2581"), "2581");
            assertThat(took).isGreaterThanOrEqualTo(org.hotdesk.sip.registrar.RefusalPace.PACE);
        }
        assertThat(core().sessions().openSessionOf(desk.id())).isEmpty();
        AuditRecord refused = core().ports().audit().list(acme.id(), 10).get(0);
        assertThat(refused.action()).isEqualTo("login.refused");
        assertThat(refused.reason()).isEqualTo("PHONE_KEY_LOGIN_OFF");
        assertThat(core().attempts().isLocked(acme.id(), org.hotdesk.core.login.LockKey.user(alice.id())))
                .as("not a guess: the PIN is not looked at").isFalse();
    }

    @Test
    void aPhoneKeySessionEndsWhenTheSwitchGoesOffAndItsRegistrationCannotBeRefreshed() {
        TestPhone phone = hotDeskKey(OFFICE, desk, "1001", "2581");
        assertThat(phone.register(300).status()).isEqualTo(200);
        assertThat(core().sessions().openSessionOf(desk.id())).isPresent();

        acme = core().tenants().updateSettings(acme.id(), core().tenants().get(acme.id()).settings()
                .withPhoneKeyLogin(false), TestHotdesk.ADMIN);

        assertThat(core().sessions().openSessionOf(desk.id())).as("logged out at once, not when it expires").isEmpty();
        assertThat(phone.register(300).status()).as("its refresh").isEqualTo(403);
        assertThat(phone.register(0).status()).as("its un-REGISTER, with no digest left to check").isEqualTo(403);
    }

    @Test
    void aPinRegistrationFromElsewhereIsRefusedAndAudited() {
        TestPhone phone = hotDeskKey(ELSEWHERE, desk, "1001", "2581");

        SipMessage answer = phone.register(300);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.reason()).as("the phone learns nothing about the rule").isEqualTo("Wrong username or password");
        assertThat(core().sessions().openSessionOf(desk.id())).isEmpty();
        assertThat(core().registrations().ofDevice(desk.id())).isEmpty();
        AuditRecord refused = core().ports().audit().list(acme.id(), 10).get(0);
        assertThat(refused.action()).isEqualTo("login.refused");
        assertThat(refused.reason()).isEqualTo("UNTRUSTED_NETWORK");
        assertThat(refused.detail()).contains("source=" + ELSEWHERE);
        // an unknown extension from there gets exactly the same answer: nothing to learn
        SipMessage unknown = hotDeskKey(ELSEWHERE, desk, "1999", "2581").register(300);
        assertThat(unknown.status()).isEqualTo(403);
        assertThat(unknown.reason()).isEqualTo(answer.reason());
    }

    @Test
    void withoutTrustedNetworksOnlyTheDesksOwnAddressMayUseAPin() {
        acme = core().tenants().updateSettings(acme.id(), acme.settings().withTrustedNetworks(TrustedNetworks.NONE),
                TestHotdesk.ADMIN);
        TestPhone phone = hotDeskKey(OFFICE, desk, "1001", "2581");
        assertThat(phone.register(300).status()).as("desk not registered from here").isEqualTo(403);

        registeredDesk(desk);
        assertThat(phone.register(300).status()).as("same address as the desk's own account").isEqualTo(200);
    }

    @Test
    void anAdminLogoutRemovesTheBindingAndRefusesItsRefresh() {
        TestPhone phone = hotDeskKey(OFFICE, desk, "1001", "2581");
        assertThat(phone.register(300).status()).isEqualTo(200);
        Session session = core().sessions().openSessionOf(desk.id()).orElseThrow();

        core().sessions().logoutSession(acme.id(), session.id(), LogoutReason.ADMIN, TestHotdesk.ADMIN);

        assertThat(core().registrations().ofDevice(desk.id())).isEmpty();
        SipMessage refresh = phone.register(300);
        assertThat(refresh.status()).isEqualTo(403);
        assertThat(core().sessions().openSessionOf(desk.id())).isEmpty();
        assertThat(core().registrations().ofDevice(desk.id())).isEmpty();

        // once that binding would have expired, the person at the desk can log in again
        hd.clock().advance(Duration.ofSeconds(301));
        server.sweepExpired();
        assertThat(phone.register(300).status()).isEqualTo(200);
    }

    @Test
    void aRefusedRefreshStaysRefusedAfterARestart() {
        TestPhone phone = hotDeskKey(OFFICE, desk, "1001", "2581");
        assertThat(phone.register(300).status()).isEqualTo(200);
        core().sessions().logoutSession(acme.id(), core().sessions().openSessionOf(desk.id()).orElseThrow().id(),
                LogoutReason.ADMIN, TestHotdesk.ADMIN);

        int port = server.port();
        server.close();
        SipConfig same = sipConfig();
        server = SipServer.start(new SipConfig(same.host(), port, same.udp(), same.tcp(), same.advertisedHost(),
                same.minExpires(), same.defaultExpires(), same.maxExpires(), same.nonceLifetimeSeconds(),
                same.ringTimeoutSeconds(), same.digestAlgorithms()), mediaConfig(), sourceLimits(), null, hd.core(), hd.clock());

        assertThat(phone.register(300).status()).isEqualTo(403);
        assertThat(core().sessions().openSessionOf(desk.id())).isEmpty();
    }

    @Test
    void unregisteringLogsOutAndExpiryDoesToo() {
        TestPhone phone = hotDeskKey(OFFICE, desk, "1001", "2581");
        assertThat(phone.register(300).status()).isEqualTo(200);

        assertThat(phone.register(0).status()).isEqualTo(200);

        assertThat(core().sessions().openSessionOf(desk.id())).isEmpty();
        assertThat(core().sessions().history(acme.id(), alice.id(), null, 1).get(0).endReason())
                .isEqualTo(LogoutReason.USER);

        assertThat(phone.register(120).status()).isEqualTo(200);
        assertThat(phone.register(120).status()).as("a refresh keeps the same session").isEqualTo(200);
        assertThat(core().sessions().history(acme.id(), alice.id(), null, 10)).hasSize(2);
        hd.clock().advance(Duration.ofSeconds(100));
        server.sweepExpired();
        assertThat(core().sessions().openSessionOf(desk.id())).as("not expired yet").isPresent();
        hd.clock().advance(Duration.ofSeconds(21));
        server.sweepExpired();
        assertThat(core().sessions().openSessionOf(desk.id())).isEmpty();
        assertThat(core().sessions().history(acme.id(), alice.id(), null, 1).get(0).endReason())
                .isEqualTo(LogoutReason.REGISTRATION_EXPIRED);
    }

    @Test
    void aWrongPinCountsTowardsTheLockoutLikeEveryOtherPath() {
        TestPhone guesser = hotDeskKey(OFFICE, desk, "1001", "9402");
        for (int i = 0; i < 5; i++) {
            SipMessage answer = guesser.register(300);
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.reason()).isEqualTo("Wrong username or password");
        }
        SipMessage unknown = hotDeskKey(OFFICE, hd.device(acme), "1999", "9402").register(300);
        assertThat(unknown.reason()).as("an unknown extension answers the same").isEqualTo("Wrong username or password");
        assertThat(core().ports().audit().list(acme.id(), 20)).extracting(AuditRecord::reason)
                .as("the admin sees why").contains("INVALID_CREDENTIALS");

        SipMessage right = hotDeskKey(OFFICE, desk, "1001", "2581").register(300);

        assertThat(right.status()).isEqualTo(403);
        assertThat(right.reason()).isEqualTo("Locked, try later");
        assertThat(core().sessions().openSessionOf(desk.id())).isEmpty();
    }

    @Test
    void aPhoneKeyLoginDisplacesWhoeverSatThereAndIsDisplacedInTurn() {
        User carol = hd.user(acme, "1003", "1357");
        loginByAdmin(desk, carol);
        TestPhone phone = hotDeskKey(OFFICE, desk, "1001", "2581");

        assertThat(phone.register(300).status()).isEqualTo(200);

        assertThat(core().sessions().history(acme.id(), carol.id(), null, 1).get(0).endReason())
                .isEqualTo(LogoutReason.DISPLACED);
        loginByAdmin(desk, carol);
        assertThat(core().sessions().history(acme.id(), alice.id(), null, 1).get(0).endReason())
                .isEqualTo(LogoutReason.DISPLACED);
        assertThat(core().registrations().ofDevice(desk.id())).isEmpty();
        assertThat(phone.register(300).status()).as("the displaced binding does not come back").isEqualTo(403);
        assertThat(core().sessions().openSessionOf(desk.id()).orElseThrow().userId()).isEqualTo(carol.id());
    }

    @Test
    void theMultipleLoginPolicyAppliesToPhoneKeyLogins() {
        Device otherDesk = hd.device(acme);
        loginByAdmin(otherDesk, alice);

        // default: the newest login wins, the other desk is logged out
        assertThat(hotDeskKey(OFFICE, desk, "1001", "2581").register(300).status()).isEqualTo(200);
        assertThat(core().sessions().openSessionOf(otherDesk.id())).isEmpty();
        assertThat(core().sessions().history(acme.id(), alice.id(), otherDesk.id(), 1).get(0).endReason())
                .isEqualTo(LogoutReason.LOGGED_IN_ELSEWHERE);

        acme = core().tenants().updateSettings(acme.id(), acme.settings().withMultipleLogin(MultipleLoginPolicy.DENY),
                TestHotdesk.ADMIN);
        Device thirdDesk = hd.device(acme);
        SipMessage denied = hotDeskKey(OFFICE, thirdDesk, "1001", "2581").register(300);
        assertThat(denied.status()).isEqualTo(486);
        assertThat(denied.reason()).isEqualTo("Logged in elsewhere");
        assertThat(core().sessions().openSessionOf(thirdDesk.id())).isEmpty();
    }

    @Test
    void aUserWithoutHotDeskAccessCannotUseTheKey() {
        core().users().setHotDesk(acme.id(), alice.id(), false, TestHotdesk.ADMIN);

        SipMessage answer = hotDeskKey(OFFICE, desk, "1001", "2581").register(300);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.reason()).isEqualTo("Hot desking not allowed");
    }
}
