package org.hotdesk.store.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.session.LogoutReason;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.site.Site;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.usage.DeskGroup;
import org.hotdesk.core.usage.UsageReport;
import org.hotdesk.core.user.User;
import org.hotdesk.store.testing.BackendTest;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Monday at the head office (UTC): when people logged in, and how full each floor was, over the day and over an
 * hour of it.
 */
abstract class UsageReportsTest extends BackendTest {
    static final Instant MONDAY = Instant.parse("2026-03-02T00:00:00Z");   // TestHotdesk.START is 08:00 that day
    Tenant acme;
    Device third1;
    Device third2;
    Device tenth;
    Device nowhere;

    @BeforeEach
    void morning() {
        acme = hd.tenant("acme.example");
        Site head = hd.core().sites().create(acme.id(), "Head office", new CivicAddress(null, "DE", null, "Berlin",
                "Friedrichstraße", "68", "10117", null, "3", null), TestHotdesk.ADMIN);
        third1 = atSite(hd.device(acme), head, null);
        third2 = atSite(hd.device(acme), head, null);
        tenth = atSite(hd.device(acme), head, "10");
        nowhere = hd.device(acme);
        User alice = hd.user(acme, "1001", "1357");
        User bob = hd.user(acme, "1002", "2468");
        User carol = hd.user(acme, "1003", "3579");

        login(third1, alice);                               // 08:00
        hd.clock().advance(Duration.ofMinutes(60));
        login(tenth, carol);                                // 09:00
        hd.clock().advance(Duration.ofMinutes(30));
        login(third2, bob);                                 // 09:30
        hd.clock().advance(Duration.ofMinutes(30));
        logout(tenth);                                      // 10:00
        hd.clock().advance(Duration.ofMinutes(90));
        logout(third2);                                     // 11:30
        hd.clock().advance(Duration.ofMinutes(30));
        logout(third1);                                     // 12:00
    }

    Device atSite(Device d, Site site, String floor) {
        Device moved = hd.core().devices().setSite(acme.id(), d.id(), site, TestHotdesk.ADMIN);
        if (floor == null) return moved;
        return hd.core().devices().setLocation(acme.id(), d.id(), new CivicAddress(null, null, null, null, null, null,
                null, null, floor, null), TestHotdesk.ADMIN);
    }

    void login(Device d, User u) {
        hd.core().logins().login(d.id(), new Credentials.Assigned(u.id(), LoginMethod.ADMIN), TestHotdesk.ADMIN);
    }

    void logout(Device d) {
        hd.core().sessions().logout(d.id(), LogoutReason.USER, TestHotdesk.ADMIN);
    }

    @Test
    void theDayCountsLoginsByHourAndHowFullEachFloorWas() {
        UsageReport day = hd.core().usage().report(acme.id(), MONDAY, MONDAY.plus(Duration.ofDays(1)));

        assertThat(day.logins()).isEqualTo(3);
        assertThat(day.loginsByHour().get(8)).isEqualTo(1);
        assertThat(day.loginsByHour().get(9)).isEqualTo(2);
        assertThat(day.groups()).extracting(DeskGroup::label)
                .containsExactly("Head office · floor 3", "Head office · floor 10", "No site");
        DeskGroup third = day.groups().get(0);
        assertThat(third.desks()).isEqualTo(2);
        assertThat(third.peakInUse()).isEqualTo(2);
        // 4 h + 2 h of 2 desks × 10 working hours
        assertThat(third.workingShare()).isCloseTo(0.30, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(day.groups().get(1).workingShare()).isCloseTo(0.10, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(day.groups().get(2)).isEqualTo(new DeskGroup(null, null, 1, 0, 0.0));
    }

    @Test
    void anHourInTheMiddleCountsSessionsThatBeganBeforeIt() {
        Instant ten = MONDAY.plus(Duration.ofHours(10));
        UsageReport hour = hd.core().usage().report(acme.id(), ten, ten.plus(Duration.ofHours(1)));

        assertThat(hour.logins()).isZero();
        assertThat(hour.groups().get(0).peakInUse()).isEqualTo(2);
        assertThat(hour.groups().get(0).workingShare()).isEqualTo(1.0);
        assertThat(hour.groups().get(1).peakInUse()).as("Carol left at 10:00 sharp").isZero();
    }

    @Test
    void aDeskStillTakenCountsUntilNow() {
        User dave = hd.user(acme, "1004", "4680");
        login(nowhere, dave);                               // 12:00, still there
        hd.clock().advance(Duration.ofHours(1));

        UsageReport day = hd.core().usage().report(acme.id(), MONDAY, MONDAY.plus(Duration.ofDays(1)));
        DeskGroup noSite = day.groups().get(2);
        assertThat(noSite.peakInUse()).isEqualTo(1);
        assertThat(noSite.workingShare()).isCloseTo(0.10, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(day.loginsByHour().get(12)).isEqualTo(1);
    }

    @Test
    void aPeriodLongerThanAQuarterOrBackwardsIsRefused() {
        assertThatThrownBy(() -> hd.core().usage().report(acme.id(), MONDAY, MONDAY.plus(Duration.ofDays(120))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 93 days");
        assertThatThrownBy(() -> hd.core().usage().report(acme.id(), MONDAY, MONDAY))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("after its start");
    }
}
