package org.hotdesk.web.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.emergency.EmergencyAlert;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.webhook.PendingDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one machinery that POSTs what the server owes outside receivers, read from the database so that nothing owed
 * before a restart is forgotten after it: every emergency alert that is due, to its tenant's alert webhook
 * ({@code tenants set --emergency-alert-url}), and every event webhook delivery that is due, signed
 * ({@link WebhookSignature}). A 2xx answer acknowledges; anything else, or no answer within 10 s, leaves it for
 * the next try on the core's retry schedule.
 */
public final class WebhookDelivery implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int BATCH = 100;
    /** Acknowledged event deliveries are pruned about once an hour (at one round a second). */
    private static final int ROUNDS_BETWEEN_PRUNES = 3600;

    private final HotdeskCore core;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = new ObjectMapper();
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "webhook-delivery");
        t.setDaemon(true);
        return t;
    });
    private int rounds;

    public WebhookDelivery(HotdeskCore core) {
        this(core, Clock.systemUTC());
    }

    /** @param clock the time each signature carries */
    public WebhookDelivery(HotdeskCore core, Clock clock) {
        this.core = core;
        this.clock = clock;
    }

    /** Looks for due deliveries every {@code interval}. */
    public WebhookDelivery start(Duration interval) {
        loop.scheduleWithFixedDelay(() -> {
            try {
                deliverDue();
                deliverEvents();
                if (++rounds % ROUNDS_BETWEEN_PRUNES == 0) core.webhooks().prune();
            } catch (RuntimeException e) {
                log.error("webhook delivery round failed", e);
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One round of emergency alerts: every due alert is tried once. Returns how many were acknowledged. */
    public int deliverDue() {
        int delivered = 0;
        for (EmergencyAlert alert : core.emergency().due(BATCH)) {
            if (deliver(alert)) delivered++;
        }
        return delivered;
    }

    /** One round of event webhooks: every due delivery is tried once. Returns how many were acknowledged. */
    public int deliverEvents() {
        int delivered = 0;
        for (PendingDelivery d : core.webhooks().due(BATCH)) {
            byte[] body = d.body().getBytes(StandardCharsets.UTF_8);
            long timestamp = clock.instant().getEpochSecond();
            Outcome outcome = post(d.url(), body, "hotdesk webhook", b -> b
                    .header(WebhookSignature.EVENT_HEADER, d.event().wireName())
                    .header(WebhookSignature.ID_HEADER, d.eventId())
                    .header(WebhookSignature.HEADER, WebhookSignature.sign(d.secret(), timestamp, body)));
            if (outcome.acknowledged()) {
                core.webhooks().delivered(d, outcome.status());
                delivered++;
            } else {
                core.webhooks().failed(d, outcome.status() == 0 ? null : outcome.status(), outcome.error());
            }
        }
        return delivered;
    }

    private boolean deliver(EmergencyAlert alert) {
        Tenant tenant = core.tenants().get(alert.tenantId());
        String url = tenant.settings().routing().emergencyAlertUrl();
        if (url == null) {
            core.emergency().failed(alert, "no alert URL configured (tenants set --emergency-alert-url)");
            return false;
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(AlertPayload.of(alert, tenant.domain()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            core.emergency().failed(alert, "cannot write the alert: " + e.getMessage());
            return false;
        }
        Outcome outcome = post(url, body, "hotdesk emergency alert", b -> b);
        if (outcome.acknowledged()) {
            core.emergency().delivered(alert);
            return true;
        }
        core.emergency().failed(alert, outcome.error());
        return false;
    }

    /** What one POST got: the status (0 when no answer came) and, unless 2xx, why it does not count. */
    private record Outcome(int status, String error) {
        boolean acknowledged() {
            return status / 100 == 2;
        }
    }

    private Outcome post(String url, byte[] body, String userAgent,
                         java.util.function.UnaryOperator<HttpRequest.Builder> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", userAgent)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<Void> response = http.send(headers.apply(request).build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new Outcome(status, status / 100 == 2 ? null : "HTTP " + status);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(0, "interrupted");
        } catch (Exception e) {
            return new Outcome(0, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    @Override
    public void close() {
        loop.shutdownNow();
    }
}
