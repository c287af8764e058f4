package org.hotdesk.sip;

import java.time.Duration;
import java.util.List;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.login.SourceGuard;
import org.hotdesk.core.login.SourceLimits;
import org.hotdesk.core.resync.ResyncOutcomes;
import org.hotdesk.core.resync.ResyncPolicy;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.tenant.CallRouting;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.tenant.TenantSettings;
import org.hotdesk.core.user.User;
import org.hotdesk.sip.auth.DigestAlgorithm;
import org.hotdesk.sip.stack.SipTimers;
import org.hotdesk.sip.testing.TestPhone;
import org.hotdesk.store.testing.TestDatabase;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A real SIP server on a loopback port, on the core with an H2 database; phones are real UDP sockets. */
abstract class SipTestBase {
    static final Duration SHORT = Duration.ofMillis(800);

    TestDatabase db;
    TestHotdesk hd;
    SipServer server;
    /** Each desk's last re-sync outcome, as the API and console read it. */
    final ResyncOutcomes resyncs = new ResyncOutcomes();
    Tenant acme;
    final java.util.List<TestPhone> phones = new java.util.ArrayList<>();

    @BeforeEach
    void startServer() {
        db = TestDatabase.h2();
        hd = new TestHotdesk(db.database());
        acme = hd.tenant("acme.example");
        server = SipServer.start(sipConfig(), mediaConfig(), new SourceGuard(hd.clock(), sourceLimits()), sipTls(),
                hd.core(), hd.clock(), resyncPolicy(), resyncs, transactionTimers());
    }

    /** When an unanswered or refused re-sync NOTIFY is sent again: as shipped unless a test shortens it. */
    ResyncPolicy resyncPolicy() {
        return ResyncPolicy.DEFAULT;
    }

    /** RFC 3261's T1, T2, T4 as shipped (a NOTIFY goes unanswered after 32 s) unless a test shortens them. */
    SipTimers transactionTimers() {
        return SipTimers.RFC_3261;
    }

    SourceLimits sourceLimits() {
        return SourceLimits.DEFAULTS;
    }

    /** SIP over TLS as well, or null (the default) for UDP/TCP only. */
    SipTls sipTls() {
        return null;
    }

    MediaConfig mediaConfig() {
        return MediaConfig.DEFAULTS;
    }

    /** As shipped: MD5 only, which SIPp and svcrack need (they fail on a challenge list that names SHA-256). */
    SipConfig md5Only() {
        return new SipConfig("127.0.0.1", 0, true, true, "127.0.0.1", 60, 300, 3600, 300, 30,
                SipConfig.DEFAULTS.digestAlgorithms());
    }

    SipConfig sipConfig() {
        return new SipConfig("127.0.0.1", 0, true, true, "127.0.0.1", 60, 300, 3600, 300, 30,
                List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5));
    }

    @AfterEach
    void stopServer() {
        phones.forEach(TestPhone::close);
        server.close();
        db.close();
    }

    HotdeskCore core() {
        return hd.core();
    }

    /** A desk phone registered with its device account. */
    TestPhone registeredDesk(Device device) {
        TestPhone phone = deskPhone(device);
        int status = phone.register(300).status();
        if (status != 200) throw new AssertionError("desk did not register: " + status);
        return phone;
    }

    TestPhone deskPhone(Device device) {
        TestPhone phone = new TestPhone("127.0.0.1", server.port(), device.sipUsername(), device.sipPassword(),
                acme.domain(), "Yealink SIP-T54W 96.86.0.100 " + device.mac().value());
        phones.add(phone);
        return phone;
    }

    /** A phone on the network that is not a registered account, e.g. the emergency gateway. */
    TestPhone gateway() {
        TestPhone phone = new TestPhone("127.0.0.1", server.port(), "gateway", "unused", acme.domain(), "gateway");
        phones.add(phone);
        return phone;
    }

    /** The phone answers the next INVITE it gets with 200 OK; the INVITE as received, once it came. */
    java.util.concurrent.atomic.AtomicReference<org.hotdesk.sip.testing.SipMessage> answersNextCall(TestPhone phone) {
        var received = new java.util.concurrent.atomic.AtomicReference<org.hotdesk.sip.testing.SipMessage>();
        Thread answerer = new Thread(() -> {
            var ringing = phone.awaitRequest("INVITE");
            received.set(ringing);
            phone.reply(ringing, 200, "OK", "callee", null,
                    "v=0\r\no=- 2 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40002 RTP/AVP 0\r\n");
        });
        answerer.setDaemon(true);
        answerer.start();
        return received;
    }

    /** A desk registered, and {@code user} logged in there by an admin. */
    TestPhone seated(Device desk, User user) {
        TestPhone phone = registeredDesk(desk);
        loginByAdmin(desk, user);
        return phone;
    }

    void loginByAdmin(Device device, User user) {
        core().logins().login(device.id(), new Credentials.Assigned(user.id(), LoginMethod.ADMIN), Actor.admin("test"));
    }

    void routeEmergencyTo(String uri) {
        TenantSettings s = acme.settings();
        acme = core().tenants().updateSettings(acme.id(), new TenantSettings(s.sessionPolicy(), s.multipleLogin(),
                s.lockout(), s.otp(), s.timeZone(), s.emergencyNumbers(), new CallRouting(uri, null), s.featureCodes()),
                Actor.admin("test"));
    }
}
