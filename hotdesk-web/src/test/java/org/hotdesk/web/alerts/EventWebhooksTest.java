package org.hotdesk.web.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.location.LocationService;
import org.hotdesk.core.location.Registration;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.session.LogoutReason;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
import org.hotdesk.core.webhook.Webhook;
import org.hotdesk.store.testing.TestDatabase;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Event webhooks against a real HTTP receiver on loopback that does what the README asks of one: it checks each
 * POST's signature and timestamp, and keeps each event id once.
 */
class EventWebhooksTest {
    private static final List<String> ALL = List.of("login", "logout", "displaced", "locked", "emergency.call",
            "device.registered", "device.unregistered");
    TestDatabase db;
    TestHotdesk hd;
    Tenant acme;
    Device desk;
    User alice;
    User bob;
    HttpServer receiver;
    int port;
    Webhook hook;
    /** event id → the event, as the receiver accepted it */
    final Map<String, JsonNode> events = new ConcurrentHashMap<>();
    final List<String> duplicates = new CopyOnWriteArrayList<>();
    final List<String> refusedSignatures = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();

    @BeforeEach
    void scene() throws IOException {
        db = TestDatabase.h2();
        hd = new TestHotdesk(db.database());
        startReceiver(0);
        acme = hd.tenant("acme.example");
        desk = hd.device(acme);
        alice = hd.user(acme, "1001", "1357");
        bob = hd.user(acme, "1002", "2468");
        hook = hd.core().webhooks().create(acme.id(), url(), ALL, "events to the test receiver", TestHotdesk.ADMIN);
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        db.close();
    }

    void startReceiver(int onPort) throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
        receiver.createContext("/hooks", this::receive);
        receiver.start();
        port = receiver.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hooks";
    }

    /** A receiver as the README describes: signature, then timestamp, then the event id seen once. */
    void receive(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String signature = exchange.getRequestHeaders().getFirst("Hotdesk-Signature");
        String id = exchange.getRequestHeaders().getFirst("Hotdesk-Event-Id");
        int status;
        if (!validSignature(signature, body)) {
            refusedSignatures.add(String.valueOf(signature));
            status = 401;
        } else if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            status = 503;
        } else {
            JsonNode event = new ObjectMapper().readTree(body);
            assertThat(event.get("id").asText()).isEqualTo(id);
            assertThat(event.get("event").asText()).isEqualTo(exchange.getRequestHeaders().getFirst("Hotdesk-Event"));
            if (events.putIfAbsent(id, event) != null) duplicates.add(id);
            status = 204;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    boolean validSignature(String header, byte[] body) {
        if (header == null || !header.matches("t=\\d+,v1=[0-9a-f]{64}")) return false;
        long t = Long.parseLong(header.substring(2, header.indexOf(',')));
        // a replayed POST carries an old timestamp: more than five minutes off is refused
        if (Math.abs(hd.clock().instant().getEpochSecond() - t) > 300) return false;
        String expected = WebhookSignature.hmac(hook.secret(), t, body);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                header.substring(header.indexOf("v1=") + 3).getBytes(StandardCharsets.US_ASCII));
    }

    WebhookDelivery delivery() {
        return new WebhookDelivery(hd.core(), hd.clock());
    }

    List<String> kinds() {
        return events.values().stream().map(e -> e.get("event").asText()).sorted().toList();
    }

    @Test
    void everyKindOfEventArrivesSignedAndOnce() {
        // login, then Bob takes the desk over (Alice displaced), then Bob logs out
        hd.core().logins().login(desk.id(), new Credentials.ExtensionPin("1001", "1357"), TestHotdesk.ADMIN);
        hd.core().logins().login(desk.id(), new Credentials.ExtensionPin("1002", "2468"), TestHotdesk.ADMIN);
        hd.core().sessions().logout(desk.id(), LogoutReason.USER, TestHotdesk.ADMIN);
        // five wrong PINs lock the desk and the person
        Device other = hd.device(acme);
        for (int i = 0; i < 5; i++) {
            hd.core().logins().login(other.id(), new Credentials.ExtensionPin("1001", "9999"), TestHotdesk.ADMIN);
        }
        hd.core().emergency().raise(desk, CivicAddress.NONE, null, "911", "call-1@desk");
        Instant now = hd.clock().instant();
        Registration binding = new Registration(acme.id(), desk.id(), null, desk.sipUsername(),
                "sip:" + desk.sipUsername() + "@192.0.2.10:5060", "192.0.2.10:5060", "UDP", "Yealink SIP-T46U", null,
                List.of(), now, now.plusSeconds(300), "reg-1");
        hd.core().location().load();
        hd.core().location().put(LocationService.deviceKey(desk.id()), binding);
        hd.core().location().remove(LocationService.deviceKey(desk.id()), binding.contact());

        try (WebhookDelivery delivery = delivery()) {
            assertThat(delivery.deliverEvents()).isEqualTo(9);
            assertThat(delivery.deliverEvents()).as("nothing twice").isZero();
        }

        assertThat(kinds()).containsExactly("device.registered", "device.unregistered", "displaced",
                "emergency.call", "locked", "locked", "login", "login", "logout");
        assertThat(events).hasSize(9);
        assertThat(duplicates).isEmpty();
        assertThat(refusedSignatures).isEmpty();
        JsonNode login = events.values().stream().filter(e -> e.get("event").asText().equals("login"))
                .filter(e -> e.at("/data/extension").asText().equals("1001")).findFirst().orElseThrow();
        assertThat(login.get("tenant").asText()).isEqualTo("acme.example");
        assertThat(login.at("/data/deviceMac").asText()).isEqualTo(desk.label());
        assertThat(login.at("/data/method").asText()).isEqualTo("feature_code_pin");
        JsonNode displaced = events.values().stream().filter(e -> e.get("event").asText().equals("displaced"))
                .findFirst().orElseThrow();
        assertThat(displaced.at("/data/extension").asText()).isEqualTo("1001");
        JsonNode logout = events.values().stream().filter(e -> e.get("event").asText().equals("logout"))
                .findFirst().orElseThrow();
        assertThat(logout.at("/data/reason").asText()).isEqualTo("user");
        assertThat(hd.core().webhooks().get(acme.id(), hook.id()).lastStatus()).isEqualTo(204);
        assertThat(hd.core().webhooks().pending(hook.id())).isZero();
    }

    @Test
    void onlyTheEventsAskedForAreSent() {
        Webhook logouts = hd.core().webhooks().create(acme.id(), url(), List.of("logout"), "", TestHotdesk.ADMIN);
        hd.core().webhooks().delete(acme.id(), hook.id(), TestHotdesk.ADMIN);
        hook = logouts;
        hd.core().logins().login(desk.id(), new Credentials.ExtensionPin("1001", "1357"), TestHotdesk.ADMIN);
        hd.core().sessions().logout(desk.id(), LogoutReason.ADMIN, TestHotdesk.ADMIN);

        try (WebhookDelivery delivery = delivery()) {
            assertThat(delivery.deliverEvents()).isEqualTo(1);
        }
        assertThat(kinds()).containsExactly("logout");
    }

    @Test
    void aFailingReceiverGetsTheEventAgainLaterAndTheWebhookShowsWhy() {
        failuresLeft.set(2);
        hd.core().logins().login(desk.id(), new Credentials.ExtensionPin("1001", "1357"), TestHotdesk.ADMIN);

        try (WebhookDelivery delivery = delivery()) {
            assertThat(delivery.deliverEvents()).isZero();
            Webhook failing = hd.core().webhooks().get(acme.id(), hook.id());
            assertThat(failing.lastStatus()).isEqualTo(503);
            assertThat(failing.lastError()).isEqualTo("HTTP 503");
            assertThat(hd.core().webhooks().pending(hook.id())).isEqualTo(1);
            assertThat(delivery.deliverEvents()).as("not due for 5 s").isZero();
            hd.clock().advance(Duration.ofSeconds(5));
            assertThat(delivery.deliverEvents()).isZero();
            hd.clock().advance(Duration.ofSeconds(10));
            assertThat(delivery.deliverEvents()).isEqualTo(1);
        }
        assertThat(kinds()).containsExactly("login");
        assertThat(hd.core().webhooks().get(acme.id(), hook.id()).lastError()).isNull();
    }

    @Test
    void eventsOwedWhenTheServerStopsAreSentOnceAfterItsRestart() throws IOException {
        receiver.stop(0);
        hd.core().logins().login(desk.id(), new Credentials.ExtensionPin("1001", "1357"), TestHotdesk.ADMIN);
        hd.core().sessions().logout(desk.id(), LogoutReason.USER, TestHotdesk.ADMIN);
        try (WebhookDelivery before = delivery()) {
            assertThat(before.deliverEvents()).isZero();
        }
        assertThat(hd.core().webhooks().get(acme.id(), hook.id()).lastError()).contains("ConnectException");

        // a new core on the same database (the server restarted); the receiver is back on its address
        startReceiver(port);
        TestHotdesk restarted = new TestHotdesk(db.database(), hd.clock());
        hd.clock().advance(Duration.ofSeconds(5));
        try (WebhookDelivery after = new WebhookDelivery(restarted.core(), hd.clock()).start(Duration.ofMillis(50))) {
            long deadline = System.currentTimeMillis() + 10_000;
            while (events.size() < 2 && System.currentTimeMillis() < deadline) Thread.onSpinWait();
            // a few more rounds: nothing may come twice
            long settle = System.currentTimeMillis() + 300;
            while (System.currentTimeMillis() < settle) Thread.onSpinWait();
        }
        assertThat(kinds()).containsExactly("login", "logout");
        assertThat(duplicates).isEmpty();
    }

    @Test
    void aReceiverWithTheWrongSecretRefusesAndTheEventWaits() {
        hook = new Webhook(hook.id(), hook.tenantId(), hook.url(), hook.events(), hook.description(),
                "whsec_not-the-real-one", hook.createdAt(), null, null, null);
        hd.core().logins().login(desk.id(), new Credentials.ExtensionPin("1001", "1357"), TestHotdesk.ADMIN);
        try (WebhookDelivery delivery = delivery()) {
            assertThat(delivery.deliverEvents()).isZero();
        }
        assertThat(refusedSignatures).hasSize(1);
        assertThat(hd.core().webhooks().pending(hook.id())).isEqualTo(1);
    }

    @Test
    void badWebhooksAreRefusedNamingWhatIsWrongAndNothingIsMade() {
        assertThatThrownBy(() -> hd.core().webhooks().create(acme.id(), "ftp://example.com/x", List.of("login"), "",
                TestHotdesk.ADMIN)).isInstanceOf(InvalidInputException.class).hasMessageContaining("url")
                .hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> hd.core().webhooks().create(acme.id(), url(), List.of("login", "logon"), "",
                TestHotdesk.ADMIN)).hasMessageContaining("unknown event 'logon'").hasMessageContaining("device.registered");
        assertThatThrownBy(() -> hd.core().webhooks().create(acme.id(), url(), List.of(), "", TestHotdesk.ADMIN))
                .hasMessageContaining("events");
        assertThatThrownBy(() -> hd.core().webhooks().create(acme.id(), "https://user:pw@example.com/", List.of("login"),
                "", TestHotdesk.ADMIN)).hasMessageContaining("user name or password");
        assertThat(hd.core().webhooks().list(acme.id())).extracting(Webhook::id).containsExactly(hook.id());
        assertThat(hook.secret()).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThat(Set.copyOf(hd.core().webhooks().get(acme.id(), hook.id()).events())).hasSize(7);
    }
}
