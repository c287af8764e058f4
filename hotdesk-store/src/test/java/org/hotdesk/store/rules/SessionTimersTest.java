package org.hotdesk.store.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.login.LoginResult.LoggedIn;
import org.hotdesk.core.policy.DevicePolicyOverride;
import org.hotdesk.core.policy.SessionPolicy;
import org.hotdesk.core.session.LogoutReason;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.tenant.TenantSettings;
import org.hotdesk.store.Database;
import org.hotdesk.store.testing.BackendTest;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Auto-logout: idle after the last call, maximum duration, daily time; never mid-call; survives a restart. */
abstract class SessionTimersTest extends BackendTest {
    Tenant acme;
    Device desk;
    Instant t0;

    @BeforeEach
    void scene() {
        acme = hd.tenant("acme.example");
        hd.user(acme, "1001", "2581");
        desk = hd.device(acme);
        t0 = hd.clock().instant();
    }

    Session login() {
        return ((LoggedIn) hd.core().logins().login(desk.id(), new Credentials.ExtensionPin("1001", "2581"),
                SessionRulesTest.PHONE)).session();
    }

    void at(Duration sinceStart) {
        hd.clock().set(t0.plus(sinceStart));
    }

    Session reload(Session s) {
        return hd.core().ports().sessions().findById(s.id()).orElseThrow();
    }

    void policy(SessionPolicy policy, ZoneId zone) {
        TenantSettings s = acme.settings();
        hd.core().tenants().updateSettings(acme.id(), new TenantSettings(policy, s.multipleLogin(), s.lockout(), s.otp(),
                zone, s.emergencyNumbers(), s.routing(), s.featureCodes()), TestHotdesk.ADMIN);
    }

    @Test
    void idleSessionEndsFiveMinutesAfterLogin() {
        Session s = login();

        at(Duration.ofMinutes(4).plusSeconds(59));
        assertThat(hd.core().timers().expireDue()).isZero();
        at(Duration.ofMinutes(5));
        assertThat(hd.core().timers().expireDue()).isEqualTo(1);

        Session ended = reload(s);
        assertThat(ended.endReason()).isEqualTo(LogoutReason.IDLE_TIMEOUT);
        assertThat(ended.endedAt()).isEqualTo(t0.plus(Duration.ofMinutes(5)));
        assertThat(ended.endedBy()).isEqualTo("system:timer");
    }

    @Test
    void idleTimeCountsFromTheEndOfTheLastCallAndWaitsWhileACallIsUp() {
        Session s = login();
        at(Duration.ofMinutes(3));
        hd.core().sessions().callStarted(desk.id());

        at(Duration.ofMinutes(20));
        assertThat(hd.core().timers().expireDue()).as("mid-call").isZero();
        hd.core().sessions().callEnded(desk.id());

        at(Duration.ofMinutes(24).plusSeconds(59));
        assertThat(hd.core().timers().expireDue()).isZero();
        at(Duration.ofMinutes(25));
        assertThat(hd.core().timers().expireDue()).isEqualTo(1);
        assertThat(reload(s).endedAt()).isEqualTo(t0.plus(Duration.ofMinutes(25)));
        assertThat(reload(s).endReason()).isEqualTo(LogoutReason.IDLE_TIMEOUT);
    }

    @Test
    void maximumDurationEndsTheSession() {
        policy(new SessionPolicy(0, 8, null), ZoneId.of("UTC"));
        Session s = login();

        at(Duration.ofHours(7).plusMinutes(59));
        assertThat(hd.core().timers().expireDue()).isZero();
        at(Duration.ofHours(8));
        hd.core().timers().expireDue();

        assertThat(reload(s).endReason()).isEqualTo(LogoutReason.MAX_DURATION);
        assertThat(reload(s).endedAt()).isEqualTo(t0.plus(Duration.ofHours(8)));
    }

    @Test
    void aMaximumDurationReachedMidCallWaitsForTheCallToEnd() {
        policy(new SessionPolicy(0, 8, null), ZoneId.of("UTC"));
        Session s = login();
        at(Duration.ofHours(7).plusMinutes(50));
        hd.core().sessions().callStarted(desk.id());

        at(Duration.ofHours(8).plusMinutes(30));
        assertThat(hd.core().timers().expireDue()).isZero();
        assertThat(reload(s).isOpen()).isTrue();

        hd.core().sessions().callEnded(desk.id());
        hd.core().timers().expireDue();
        assertThat(reload(s).endReason()).isEqualTo(LogoutReason.MAX_DURATION);
        assertThat(reload(s).endedAt()).as("ends when the call ended").isEqualTo(t0.plus(Duration.ofHours(8).plusMinutes(30)));
    }

    @Test
    void dailyLogoutTimeIsReadInTheTenantsZone() {
        // t0 is 08:00 UTC = 09:00 in Berlin (winter); logout at 18:00 Berlin = 17:00 UTC
        policy(new SessionPolicy(0, 0, LocalTime.of(18, 0)), ZoneId.of("Europe/Berlin"));
        Session s = login();

        at(Duration.ofHours(8).plusMinutes(59));
        assertThat(hd.core().timers().expireDue()).isZero();
        at(Duration.ofHours(9));
        hd.core().timers().expireDue();

        assertThat(reload(s).endReason()).isEqualTo(LogoutReason.SCHEDULED);
        assertThat(reload(s).endedAt()).isEqualTo(Instant.parse("2026-03-02T17:00:00Z"));
    }

    @Test
    void aDeviceOverrideBeatsTheTenantPolicy() {
        hd.core().devices().setPolicy(acme.id(), desk.id(), new DevicePolicyOverride(30, null, null), TestHotdesk.ADMIN);
        Session s = login();

        at(Duration.ofMinutes(29));
        assertThat(hd.core().timers().expireDue()).isZero();
        at(Duration.ofMinutes(30));
        assertThat(hd.core().timers().expireDue()).isEqualTo(1);
        assertThat(reload(s).endReason()).isEqualTo(LogoutReason.IDLE_TIMEOUT);
    }

    @Test
    void changingThePolicyMovesTheTimersOfOpenSessions() {
        Session s = login();
        policy(new SessionPolicy(60, 8, null), ZoneId.of("UTC"));

        at(Duration.ofMinutes(10));
        assertThat(hd.core().timers().expireDue()).isZero();
        at(Duration.ofMinutes(60));
        assertThat(hd.core().timers().expireDue()).isEqualTo(1);
        assertThat(reload(s).endedAt()).isEqualTo(t0.plus(Duration.ofMinutes(60)));
    }

    @Test
    void timersThatFellDueWhileTheServerWasDownFireAfterARestart() {
        Session s = login();

        // the server stops; it comes back two hours later with new objects on the same data
        try (Database restarted = db.reopen()) {
            at(Duration.ofHours(2));
            TestHotdesk after = new TestHotdesk(restarted, hd.clock());

            assertThat(after.core().timers().expireDue()).isEqualTo(1);

            Session ended = after.core().ports().sessions().findById(s.id()).orElseThrow();
            assertThat(ended.endReason()).isEqualTo(LogoutReason.IDLE_TIMEOUT);
            assertThat(ended.endedAt()).as("the time it was due, not the restart").isEqualTo(t0.plus(Duration.ofMinutes(5)));
        }
    }
}
