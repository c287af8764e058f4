package org.hotdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotdesk.sip.SipServer;
import org.hotdesk.sip.testing.SipMessage;
import org.hotdesk.sip.testing.TestPhone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registrations are written behind, so a crash may lose the last moments of them, but no more: the server process
 * is killed with SIGKILL while desks keep registering, started again on the same data, and every desk whose
 * 200 OK left more than the documented window before the kill is still registered and reached there.
 */
class CrashRecoveryIT {
    /** The documented loss window: one write-behind interval plus the time one write may take (README, "Capacity"). */
    static final Duration LOSS_WINDOW = Duration.ofSeconds(1);
    static final int DESKS = 30;

    @TempDir
    Path dir;

    @Test
    void aDeskRegisteredBeforeTheLossWindowSurvivesKillNine() throws Exception {
        assertThat(SipServer.LOCATION_FLUSH_INTERVAL).isLessThan(LOSS_WINDOW);
        DemoServerProcess first = DemoServerProcess.start(dir);
        String token = first.adminToken();
        AdminApi api = new AdminApi(first.httpPort, token);
        long tenant = api.get("/tenants").get(0).get("id").asLong();
        String domain = api.get("/tenants").get(0).get("domain").asText();

        List<TestPhone> phones = new ArrayList<>();
        List<Long> deviceIds = new ArrayList<>();
        for (int i = 0; i < DESKS; i++) {
            JsonNode desk = api.post("/tenants/" + tenant + "/devices", Map.of("mac", String.format("00:15:65:cc:00:%02x", i),
                    "name", "Crash desk " + i, "vendor", "yealink"));
            deviceIds.add(desk.get("id").asLong());
            phones.add(new TestPhone("127.0.0.1", first.sipPort, desk.get("sipUsername").asText(),
                    desk.get("sipPassword").asText(), domain, "Yealink SIP-T54W 96.86.0.100"));
        }
        try {
            // every desk registers over and over, one thread each, noting when its first 200 OK arrived: its latest
            // refresh may fall into the window, but the binding it had before must come back
            Map<Integer, Long> firstOk = new ConcurrentHashMap<>();
            AtomicBoolean loading = new AtomicBoolean(true);
            AtomicInteger registrations = new AtomicInteger();
            List<Thread> load = new ArrayList<>();
            for (int i = 0; i < DESKS; i++) {
                int desk = i;
                Thread t = new Thread(() -> {
                    while (loading.get()) {
                        try {
                            if (phones.get(desk).register(300).status() == 200) {
                                firstOk.putIfAbsent(desk, System.nanoTime());
                                registrations.incrementAndGet();
                            }
                        } catch (Throwable serverGone) {
                            return;
                        }
                    }
                });
                t.setDaemon(true);
                t.start();
                load.add(t);
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (firstOk.size() < DESKS && System.nanoTime() < until) Thread.sleep(50);
            assertThat(firstOk).as("every desk registered under load").hasSize(DESKS);
            Thread.sleep(2 * LOSS_WINDOW.toMillis());

            long killedAt = System.nanoTime();
            first.process.destroyForcibly();
            assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            loading.set(false);
            for (Thread t : load) t.join(15_000);
            List<Integer> beforeWindow = firstOk.entrySet().stream()
                    .filter(e -> killedAt - e.getValue() > LOSS_WINDOW.toNanos()).map(Map.Entry::getKey).toList();
            assertThat(beforeWindow).as("desks with a 200 OK before the window (of %d registrations)", registrations.get())
                    .hasSize(DESKS);

            DemoServerProcess second = DemoServerProcess.start(dir);
            try {
                AdminApi restarted = new AdminApi(second.httpPort, token);
                for (int desk : beforeWindow) {
                    JsonNode device = restarted.get("/tenants/" + tenant + "/devices/" + deviceIds.get(desk));
                    assertThat(device.path("registration").path("registered").asBoolean()).as("desk %d registered after the crash", desk).isTrue();
                    assertThat(device.get("registration").toString()).contains(String.valueOf(phones.get(desk).port()));
                }
                // and reached there: an admin login sends the desk its re-sync NOTIFY
                long alice = restarted.get("/tenants/" + tenant + "/users").findValues("id").get(0).asLong();
                restarted.put("/tenants/" + tenant + "/devices/" + deviceIds.get(0) + "/session", Map.of("userId", alice));
                SipMessage notify = phones.get(0).awaitRequest("NOTIFY", Duration.ofSeconds(15));
                assertThat(notify.header("Event")).startsWith("check-sync");
            } finally {
                second.close();
            }
        } finally {
            phones.forEach(TestPhone::close);
            if (first.process.isAlive()) first.process.destroyForcibly();
        }
    }
}
