package org.hotdesk.core.webhook;

import java.time.Instant;
import java.util.Set;

/**
 * A URL a tenant wants told of events, each POST signed with its secret (HMAC-SHA256).
 *
 * @param secret        the signing key; shown to the admin once, when the webhook is made
 * @param lastAttemptAt the last delivery tried, with its HTTP status (null: no answer) and error; null before any
 */
public record Webhook(long id, long tenantId, String url, Set<WebhookEvent> events, String description, String secret,
                      Instant createdAt, Instant lastAttemptAt, Integer lastStatus, String lastError) {

    public Webhook {
        events = Set.copyOf(events);
    }

    public boolean wants(WebhookEvent event) {
        return events.contains(event);
    }

    /** The events' wire names, in the order {@link WebhookEvent} declares them (the API, the console, the audit). */
    public java.util.List<String> eventNames() {
        return events.stream().sorted().map(WebhookEvent::wireName).toList();
    }
}
