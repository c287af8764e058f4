package org.hotdesk.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotdesk.core.webhook.PendingDelivery;
import org.hotdesk.core.webhook.Webhook;
import org.hotdesk.core.webhook.WebhookEvent;
import org.hotdesk.core.webhook.WebhookStore;
import org.jdbi.v3.core.mapper.RowMapper;

public final class JdbiWebhookStore implements WebhookStore {
    private static final RowMapper<Webhook> WEBHOOK = (rs, ctx) -> new Webhook(rs.getLong("id"), rs.getLong("tenant_id"),
            rs.getString("url"), events(rs.getString("events")), rs.getString("description"), rs.getString("secret"),
            Columns.instant(rs, "created_at"), Columns.instant(rs, "last_attempt_at"),
            (Integer) rs.getObject("last_status", Integer.class), rs.getString("last_error"));
    private static final RowMapper<PendingDelivery> DELIVERY = (rs, ctx) -> new PendingDelivery(rs.getLong("id"),
            rs.getLong("webhook_id"), rs.getLong("tenant_id"), rs.getString("url"), rs.getString("secret"),
            rs.getString("event_id"), WebhookEvent.byWireName(rs.getString("event")).orElseThrow(), rs.getString("body"),
            rs.getInt("attempts"));

    private final JdbiTransactions db;

    public JdbiWebhookStore(JdbiTransactions db) {
        this.db = db;
    }

    /** Stored as the events' wire names, comma-separated. */
    private static Set<WebhookEvent> events(String stored) {
        Set<WebhookEvent> set = EnumSet.noneOf(WebhookEvent.class);
        Arrays.stream(stored.split(",")).map(String::trim).map(WebhookEvent::byWireName)
                .forEach(e -> e.ifPresent(set::add));
        return set;
    }

    private static String stored(Set<WebhookEvent> events) {
        return events.stream().sorted().map(WebhookEvent::wireName).collect(Collectors.joining(","));
    }

    @Override
    public Webhook insert(long tenantId, String url, Set<WebhookEvent> events, String description, String secret,
                          Instant at) {
        long id = db.withHandle(h -> h.createUpdate("""
                        INSERT INTO webhooks (tenant_id, url, events, description, secret, created_at)
                        VALUES (:tenant, :url, :events, :description, :secret, :at)""")
                .bind("tenant", tenantId).bind("url", url).bind("events", stored(events))
                .bind("description", description).bind("secret", secret).bind("at", at)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return find(tenantId, id).orElseThrow();
    }

    @Override
    public List<Webhook> list(long tenantId) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM webhooks WHERE tenant_id = :tenant ORDER BY id")
                .bind("tenant", tenantId).map(WEBHOOK).list());
    }

    @Override
    public Optional<Webhook> find(long tenantId, long id) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM webhooks WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenantId).bind("id", id).map(WEBHOOK).findOne());
    }

    @Override
    public void update(long id, String url, Set<WebhookEvent> events, String description) {
        db.withHandle(h -> h.createUpdate(
                        "UPDATE webhooks SET url = :url, events = :events, description = :description WHERE id = :id")
                .bind("id", id).bind("url", url).bind("events", stored(events)).bind("description", description)
                .execute());
    }

    @Override
    public boolean delete(long tenantId, long id) {
        return db.withHandle(h -> {
            h.createUpdate("DELETE FROM webhook_deliveries WHERE webhook_id = :id AND tenant_id = :tenant")
                    .bind("id", id).bind("tenant", tenantId).execute();
            return h.createUpdate("DELETE FROM webhooks WHERE id = :id AND tenant_id = :tenant")
                    .bind("id", id).bind("tenant", tenantId).execute() > 0;
        });
    }

    @Override
    public void enqueue(long webhookId, long tenantId, String eventId, WebhookEvent event, String body, Instant at) {
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO webhook_deliveries (webhook_id, tenant_id, event_id, event, body, created_at,
                          next_attempt_at)
                        VALUES (:webhook, :tenant, :eventId, :event, :body, :at, :at)""")
                .bind("webhook", webhookId).bind("tenant", tenantId).bind("eventId", eventId)
                .bind("event", event.wireName()).bind("body", body).bind("at", at).execute());
    }

    @Override
    public List<PendingDelivery> due(Instant now, int limit) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT d.id, d.webhook_id, d.tenant_id, w.url, w.secret, d.event_id, d.event, d.body, d.attempts
                        FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
                        WHERE d.delivered_at IS NULL AND d.next_attempt_at <= :now
                        ORDER BY d.created_at, d.id LIMIT :limit""")
                .bind("now", now).bind("limit", limit).map(DELIVERY).list());
    }

    @Override
    public int pending(long webhookId) {
        return db.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM webhook_deliveries WHERE webhook_id = :id AND delivered_at IS NULL")
                .bind("id", webhookId).mapTo(Integer.class).one());
    }

    @Override
    public void delivered(long deliveryId, long webhookId, Instant at, int status) {
        db.withHandle(h -> {
            h.createUpdate("UPDATE webhook_deliveries SET delivered_at = :at, attempts = attempts + 1, last_error = NULL "
                            + "WHERE id = :id AND delivered_at IS NULL").bind("id", deliveryId).bind("at", at).execute();
            return h.createUpdate("UPDATE webhooks SET last_attempt_at = :at, last_status = :status, last_error = NULL "
                    + "WHERE id = :id").bind("id", webhookId).bind("at", at).bind("status", status).execute();
        });
    }

    @Override
    public void failed(long deliveryId, long webhookId, int attempts, Instant at, Instant nextAttemptAt, Integer status,
                       String error) {
        db.withHandle(h -> {
            h.createUpdate("UPDATE webhook_deliveries SET attempts = :attempts, next_attempt_at = :next, "
                            + "last_error = :error WHERE id = :id AND delivered_at IS NULL")
                    .bind("id", deliveryId).bind("attempts", attempts).bind("next", nextAttemptAt).bind("error", error)
                    .execute();
            return h.createUpdate("UPDATE webhooks SET last_attempt_at = :at, last_status = :status, last_error = :error "
                    + "WHERE id = :id").bind("id", webhookId).bind("at", at).bind("status", status)
                    .bind("error", error).execute();
        });
    }

    @Override
    public int pruneDelivered(Instant before) {
        return db.withHandle(h -> h.createUpdate(
                        "DELETE FROM webhook_deliveries WHERE delivered_at IS NOT NULL AND delivered_at < :before")
                .bind("before", before).execute());
    }
}
