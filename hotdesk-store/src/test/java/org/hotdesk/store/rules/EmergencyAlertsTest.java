package org.hotdesk.store.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.emergency.EmergencyAlert;
import org.hotdesk.core.emergency.EmergencyAlerts;
import org.hotdesk.core.history.HistoryWindow;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
import org.hotdesk.store.testing.BackendTest;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Emergency alerts wait in the database until the webhook takes them, retried later and later, never lost. */
abstract class EmergencyAlertsTest extends BackendTest {
    Tenant acme;
    Device desk;
    User alice;
    EmergencyAlerts alerts;

    @BeforeEach
    void scene() {
        acme = hd.tenant("acme.example");
        desk = hd.core().devices().setLocation(acme.id(), hd.device(acme).id(), new CivicAddress("Open space", "US", "CA",
                "San Francisco", "Market Street", "1", "94105", "HQ", "2", "2.01", "+14155550123"), TestHotdesk.ADMIN);
        alice = hd.user(acme, "1001", "1357");
        alerts = hd.core().emergency();
    }

    @Test
    void anAlertKeepsTheDeskAsItWasAtTheTimeOfTheCall() {
        EmergencyAlert raised = alerts.raise(desk, desk.location(), alice, "911", "call-1@desk");
        hd.core().devices().setLocation(acme.id(), desk.id(), CivicAddress.NONE, TestHotdesk.ADMIN);

        EmergencyAlert stored = alerts.list(acme.id(), 10).get(0);
        assertThat(stored).isEqualTo(raised);
        assertThat(stored.location().street()).isEqualTo("Market Street");
        assertThat(stored.location().callbackNumber()).isEqualTo("+14155550123");
        assertThat(stored.userExtension()).isEqualTo("1001");
        assertThat(stored.deviceMac()).isEqualTo(desk.label());
        assertThat(stored.isDelivered()).isFalse();
        assertThat(hd.core().ports().audit().list(acme.id(), 5)).anyMatch(r -> r.action().equals("emergency.call"));
    }

    @Test
    void theLogIsReadAPageAtATimeNewestFirstWithinAPeriodAndForOnePerson() {
        Instant start = hd.clock().instant();
        for (int i = 0; i < 5; i++) {
            alerts.raise(desk, desk.location(), i % 2 == 0 ? alice : null, "91" + i, "call-" + i + "@desk");
            hd.clock().advance(Duration.ofHours(1));
        }

        assertThat(alerts.history(acme.id(), null, new HistoryWindow(null, null, 0, 2)))
                .extracting(EmergencyAlert::dialled).containsExactly("914", "913");
        assertThat(alerts.history(acme.id(), null, new HistoryWindow(null, null, 2, 2)))
                .extracting(EmergencyAlert::dialled).containsExactly("912", "911");
        assertThat(alerts.history(acme.id(), null, new HistoryWindow(start.plus(Duration.ofHours(1)),
                start.plus(Duration.ofHours(3)), 0, 10))).extracting(EmergencyAlert::dialled)
                .containsExactly("912", "911");
        assertThat(alerts.history(acme.id(), "1001", HistoryWindow.newest(10))).extracting(EmergencyAlert::dialled)
                .containsExactly("914", "912", "910");
        Tenant other = hd.tenant("other.example");
        assertThat(alerts.history(other.id(), null, HistoryWindow.newest(10))).isEmpty();
    }

    @Test
    void aFailedDeliveryIsRetriedLaterAndLaterUntilAcknowledged() {
        EmergencyAlert raised = alerts.raise(desk, desk.location(), null, "112", "call-2@desk");
        assertThat(alerts.due(10)).extracting(EmergencyAlert::id).containsExactly(raised.id());

        alerts.failed(raised, "connection refused");
        assertThat(alerts.due(10)).as("waits 5 s").isEmpty();
        hd.clock().advance(Duration.ofSeconds(5));
        EmergencyAlert again = alerts.due(10).get(0);
        assertThat(again.attempts()).isEqualTo(1);
        assertThat(again.lastError()).isEqualTo("connection refused");

        alerts.failed(again, "HTTP 500");
        hd.clock().advance(Duration.ofSeconds(9));
        assertThat(alerts.due(10)).as("then 10 s").isEmpty();
        hd.clock().advance(Duration.ofSeconds(1));
        EmergencyAlert third = alerts.due(10).get(0);

        alerts.delivered(third);
        hd.clock().advance(Duration.ofHours(1));
        assertThat(alerts.due(10)).isEmpty();
        EmergencyAlert done = alerts.list(acme.id(), 1).get(0);
        assertThat(done.isDelivered()).isTrue();
        assertThat(done.attempts()).isEqualTo(3);
        assertThat(done.lastError()).isNull();
    }

    @Test
    void pausesGrowButNeverBeyondFiveMinutes() {
        EmergencyAlert alert = alerts.raise(desk, desk.location(), null, "911", "call-3@desk");
        for (int i = 0; i < 12; i++) {
            alerts.failed(alert, "down");
            hd.clock().advance(Duration.ofMinutes(5));
            alert = alerts.due(10).get(0);
        }
        assertThat(alert.attempts()).isEqualTo(12);
    }
}
