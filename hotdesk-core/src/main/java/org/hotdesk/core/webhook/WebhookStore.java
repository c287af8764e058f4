package org.hotdesk.core.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Persistence port for webhooks and their outbox of deliveries. */
public interface WebhookStore {
    Webhook insert(long tenantId, String url, Set<WebhookEvent> events, String description, String secret, Instant at);

    List<Webhook> list(long tenantId);

    Optional<Webhook> find(long tenantId, long id);

    void update(long id, String url, Set<WebhookEvent> events, String description);

    /** Removes the webhook and whatever it had not delivered yet. */
    boolean delete(long tenantId, long id);

    /** Queues one event for one webhook, in the caller's transaction. */
    void enqueue(long webhookId, long tenantId, String eventId, WebhookEvent event, String body, Instant at);

    /** Deliveries not yet acknowledged whose next attempt is due, oldest first. */
    List<PendingDelivery> due(Instant now, int limit);

    /** Deliveries of the webhook still waiting. */
    int pending(long webhookId);

    void delivered(long deliveryId, long webhookId, Instant at, int status);

    void failed(long deliveryId, long webhookId, int attempts, Instant at, Instant nextAttemptAt, Integer status, String error);

    /** Forgets acknowledged deliveries older than {@code before}; returns how many. */
    int pruneDelivered(Instant before);
}
