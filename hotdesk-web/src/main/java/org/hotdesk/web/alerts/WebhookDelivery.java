package org.hotdesk.web.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.emergency.EmergencyAlert;
import org.hotdesk.core.tenant.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every emergency alert that is due to its tenant's alert webhook ({@code tenants set
 * --emergency-alert-url}) as a JSON POST; a 2xx answer acknowledges it, anything else (or no answer within
 * 10 s) leaves it for a later try. Alerts are read from the database, so one raised before a restart is sent
 * after it.
 */
public final class WebhookDelivery implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HotdeskCore core;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = new ObjectMapper();
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "emergency-alerts");
        t.setDaemon(true);
        return t;
    });

    public WebhookDelivery(HotdeskCore core) {
        this.core = core;
    }

    /** Looks for due alerts every {@code interval}. */
    public WebhookDelivery start(Duration interval) {
        loop.scheduleWithFixedDelay(() -> {
            try {
                deliverDue();
            } catch (RuntimeException e) {
                log.error("emergency alert delivery failed", e);
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One round: every due alert is tried once. Returns how many were acknowledged. */
    public int deliverDue() {
        int delivered = 0;
        for (EmergencyAlert alert : core.emergency().due(100)) {
            if (deliver(alert)) delivered++;
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
        try {
            byte[] body = json.writeValueAsBytes(AlertPayload.of(alert, tenant.domain()));
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                            .header("Content-Type", "application/json")
                            .header("User-Agent", "hotdesk emergency alert")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                core.emergency().delivered(alert);
                return true;
            }
            core.emergency().failed(alert, "HTTP " + response.statusCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            core.emergency().failed(alert, "interrupted");
        } catch (Exception e) {
            core.emergency().failed(alert, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        return false;
    }

    @Override
    public void close() {
        loop.shutdownNow();
    }
}
