package org.hotdesk.web.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.emergency.EmergencyAlert;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
import org.hotdesk.store.testing.TestDatabase;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The on-site alert webhook, against a real HTTP receiver on loopback. */
class WebhookDeliveryTest {
    TestDatabase db;
    TestHotdesk hd;
    Tenant acme;
    Device desk;
    HttpServer receiver;
    final List<JsonNode> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();

    @BeforeEach
    void scene() throws IOException {
        db = TestDatabase.h2();
        hd = new TestHotdesk(db.database());
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/alerts", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 204;
            if (status == 204) received.add(new ObjectMapper().readTree(body));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        acme = hd.tenant("acme.example");
        acme = hd.core().tenants().updateSettings(acme.id(), acme.settings().withRouting(
                acme.settings().routing().withEmergencyAlertUrl(url())), TestHotdesk.ADMIN);
        desk = hd.core().devices().setLocation(acme.id(), hd.device(acme).id(), new CivicAddress("Open space", "US", "CA",
                "San Francisco", "Market Street", "1", "94105", "HQ", "2", "2.01", "+14155550123"), TestHotdesk.ADMIN);
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        db.close();
    }

    String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/alerts";
    }

    @Test
    void theReceiverGetsTimeDeskLocationUserAndCallbackNumber() {
        User alice = hd.user(acme, "1001", "1357");
        EmergencyAlert alert = hd.core().emergency().raise(desk, desk.location(), alice, "911", "call-1@desk");

        try (WebhookDelivery delivery = new WebhookDelivery(hd.core())) {
            assertThat(delivery.deliverDue()).isEqualTo(1);
        }

        JsonNode got = received.get(0);
        assertThat(got.get("type").asText()).isEqualTo("emergency_call");
        assertThat(got.get("id").asLong()).isEqualTo(alert.id());
        assertThat(got.get("tenant").asText()).isEqualTo("acme.example");
        assertThat(got.get("time").asText()).isEqualTo(TestHotdesk.START.toString());
        assertThat(got.get("dialled").asText()).isEqualTo("911");
        assertThat(got.at("/device/mac").asText()).isEqualTo(desk.label());
        assertThat(got.at("/device/name").asText()).isEqualTo(desk.name());
        assertThat(got.at("/location/dispatchable").asBoolean()).isTrue();
        assertThat(got.at("/location/street").asText()).isEqualTo("Market Street");
        assertThat(got.at("/location/floor").asText()).isEqualTo("2");
        assertThat(got.at("/location/room").asText()).isEqualTo("2.01");
        assertThat(got.at("/user/extension").asText()).isEqualTo("1001");
        assertThat(got.get("callbackNumber").asText()).isEqualTo("+14155550123");
        assertThat(hd.core().emergency().list(acme.id(), 1).get(0).isDelivered()).isTrue();
    }

    @Test
    void aFailingReceiverIsTriedAgainUntilItAcknowledges() {
        failuresLeft.set(2);
        hd.core().emergency().raise(desk, desk.location(), null, "112", "call-2@desk");

        try (WebhookDelivery delivery = new WebhookDelivery(hd.core())) {
            assertThat(delivery.deliverDue()).isZero();
            assertThat(delivery.deliverDue()).as("not due yet").isZero();
            hd.clock().advance(Duration.ofSeconds(5));
            assertThat(delivery.deliverDue()).isZero();
            hd.clock().advance(Duration.ofSeconds(10));
            assertThat(delivery.deliverDue()).isEqualTo(1);
        }

        EmergencyAlert done = hd.core().emergency().list(acme.id(), 1).get(0);
        assertThat(done.attempts()).isEqualTo(3);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).get("user").isNull()).as("an idle desk").isTrue();
    }

    @Test
    void anAlertRaisedWhileTheReceiverIsDownIsSentAfterARestart() throws IOException {
        receiver.stop(0);
        hd.core().emergency().raise(desk, desk.location(), null, "911", "call-3@desk");
        try (WebhookDelivery before = new WebhookDelivery(hd.core())) {
            assertThat(before.deliverDue()).isZero();
        }
        assertThat(hd.core().emergency().list(acme.id(), 1).get(0).lastError()).contains("ConnectException");

        // the server restarts (a new core on the same database) and the receiver is back on the same address
        int port = receiver.getAddress().getPort();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        receiver.createContext("/alerts", exchange -> {
            received.add(new ObjectMapper().readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        TestHotdesk restarted = new TestHotdesk(db.database(), hd.clock());
        hd.clock().advance(Duration.ofSeconds(5));
        try (WebhookDelivery after = new WebhookDelivery(restarted.core()).start(Duration.ofMillis(100))) {
            long deadline = System.currentTimeMillis() + 10_000;
            while (received.isEmpty() && System.currentTimeMillis() < deadline) Thread.onSpinWait();
        }

        assertThat(received).hasSize(1);
        assertThat(received.get(0).get("dialled").asText()).isEqualTo("911");
    }

    @Test
    void withoutAnAlertUrlTheAlertWaitsAndSaysWhy() {
        acme = hd.core().tenants().updateSettings(acme.id(), acme.settings().withRouting(
                acme.settings().routing().withEmergencyAlertUrl(null)), TestHotdesk.ADMIN);
        hd.core().emergency().raise(desk, desk.location(), null, "911", "call-4@desk");

        try (WebhookDelivery delivery = new WebhookDelivery(hd.core())) {
            assertThat(delivery.deliverDue()).isZero();
        }

        assertThat(hd.core().emergency().list(acme.id(), 1).get(0).lastError()).contains("no alert URL");
        assertThat(received).isEmpty();
    }
}
