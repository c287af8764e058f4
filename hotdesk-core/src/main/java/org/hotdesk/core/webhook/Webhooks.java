package org.hotdesk.core.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.audit.AuditLog;
import org.hotdesk.core.audit.AuditRecord;
import org.hotdesk.core.delivery.RetrySchedule;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceStore;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.core.location.LocationListener;
import org.hotdesk.core.location.Registration;
import org.hotdesk.core.session.LogoutReason;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.session.SessionListener;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.tenant.TenantStore;
import org.hotdesk.core.transaction.Transactions;
import org.hotdesk.core.user.User;
import org.hotdesk.core.user.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Event webhooks: a tenant's admins register URLs for events (logins, logouts, displacements, lockouts, emergency
 * calls, desks registering and unregistering); each event is written to an outbox in the same transaction as the
 * change it reports (a rolled-back login sends nothing, a committed one is sent even across a crash), and sent
 * from there until the receiver answers 2xx, on the {@link RetrySchedule} emergency alerts use too.
 */
public final class Webhooks implements SessionListener, LocationListener {
    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);
    private static final int MAX_PER_TENANT = 20;

    private final Transactions tx;
    private final WebhookStore store;
    private final TenantStore tenants;
    private final DeviceStore devices;
    private final UserStore users;
    private final AuditLog audit;
    private final Clock clock;
    private final RandomGenerator random;
    /** Each tenant's webhooks, read once: every login asks, and nearly all tenants have none. Dropped on an edit. */
    private final Map<Long, List<Webhook>> byTenant = new ConcurrentHashMap<>();

    public Webhooks(Transactions tx, WebhookStore store, TenantStore tenants, DeviceStore devices, UserStore users,
                    AuditLog audit, Clock clock, RandomGenerator random) {
        this.tx = tx;
        this.store = store;
        this.tenants = tenants;
        this.devices = devices;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
    }

    /** Everything wrong with a webhook's fields at once (URL, events, description), empty when {@link #create} may go on. */
    public static List<InvalidInputException> problemsOf(String url, List<String> events, String description) {
        List<InvalidInputException> problems = new ArrayList<>();
        for (Runnable check : List.<Runnable>of(() -> checkUrl(url), () -> checkEvents(events),
                () -> checkDescription(description))) {
            try {
                check.run();
            } catch (InvalidInputException e) {
                problems.add(e);
            }
        }
        return problems;
    }

    /** A new webhook; its secret is in the returned value and never shown again. */
    public Webhook create(long tenantId, String url, List<String> events, String description, Actor actor) {
        String checkedUrl = checkUrl(url);
        Set<WebhookEvent> checkedEvents = checkEvents(events);
        String checkedDescription = checkDescription(description);
        byte[] key = new byte[32];
        random.nextBytes(key);
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        Webhook made = tx.inTransaction(() -> {
            if (store.list(tenantId).size() >= MAX_PER_TENANT) {
                throw new InvalidInputException("url", "a tenant has at most " + MAX_PER_TENANT
                        + " webhooks; remove one first");
            }
            Webhook w = store.insert(tenantId, checkedUrl, checkedEvents, checkedDescription, secret, clock.instant());
            audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "webhook.created", "webhook:" + w.id(),
                    null, "url=" + checkedUrl + " events=" + names(checkedEvents)));
            return w;
        });
        byTenant.remove(tenantId);
        return made;
    }

    public List<Webhook> list(long tenantId) {
        return store.list(tenantId);
    }

    public Webhook get(long tenantId, long id) {
        return store.find(tenantId, id).orElseThrow(() -> new NotFoundException("webhook", id));
    }

    /** Deliveries of the webhook not yet acknowledged. */
    public int pending(long webhookId) {
        return store.pending(webhookId);
    }

    /** Changes what is given (null leaves a field as it is). */
    public Webhook update(long tenantId, long id, String url, List<String> events, String description, Actor actor) {
        String checkedUrl = url == null ? null : checkUrl(url);
        Set<WebhookEvent> checkedEvents = events == null ? null : checkEvents(events);
        String checkedDescription = description == null ? null : checkDescription(description);
        Webhook updated = tx.inTransaction(() -> {
            Webhook w = get(tenantId, id);
            store.update(id, checkedUrl == null ? w.url() : checkedUrl,
                    checkedEvents == null ? w.events() : checkedEvents,
                    checkedDescription == null ? w.description() : checkedDescription);
            audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "webhook.updated", "webhook:" + id, null,
                    "url=" + (checkedUrl == null ? w.url() : checkedUrl)));
            return get(tenantId, id);
        });
        byTenant.remove(tenantId);
        return updated;
    }

    public void delete(long tenantId, long id, Actor actor) {
        tx.run(() -> {
            if (!store.delete(tenantId, id)) throw new NotFoundException("webhook", id);
            audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "webhook.deleted", "webhook:" + id, null, null));
        });
        byTenant.remove(tenantId);
    }

    /**
     * Queues the event for every webhook of the tenant that wants it, in the caller's transaction if there is one.
     * Free when none does (the usual case): no database work at all.
     */
    public void publish(long tenantId, WebhookEvent event, Map<String, String> data) {
        List<Webhook> wanting = webhooksOf(tenantId).stream().filter(w -> w.wants(event)).toList();
        if (wanting.isEmpty()) return;
        Instant at = clock.instant();
        String eventId = UUID.randomUUID().toString();
        tx.run(() -> {
            String domain = tenants.findById(tenantId).map(Tenant::domain).orElse(String.valueOf(tenantId));
            String body = EventBody.of(eventId, event, at, domain, data);
            for (Webhook w : wanting) store.enqueue(w.id(), tenantId, eventId, event, body, at);
        });
    }

    public List<PendingDelivery> due(int limit) {
        return store.due(clock.instant(), limit);
    }

    public void delivered(PendingDelivery d, int status) {
        store.delivered(d.id(), d.webhookId(), clock.instant(), status);
        log.debug("webhook delivered tenant={} webhook={} event={} id={}", d.tenantId(), d.webhookId(),
                d.event().wireName(), d.eventId());
    }

    /** The receiver did not acknowledge ({@code status} null: no answer at all): sent again later. */
    public void failed(PendingDelivery d, Integer status, String error) {
        int attempts = d.attempts() + 1;
        Instant now = clock.instant();
        String reason = RetrySchedule.shortened(error);
        store.failed(d.id(), d.webhookId(), attempts, now, now.plus(RetrySchedule.after(attempts)), status, reason);
        log.warn("webhook not delivered tenant={} webhook={} event={} attempts={} status={} error={}", d.tenantId(),
                d.webhookId(), d.event().wireName(), attempts, status, reason);
    }

    /** Acknowledged deliveries are kept a week for the record, then forgotten. */
    public int prune() {
        return store.pruneDelivered(clock.instant().minus(java.time.Duration.ofDays(7)));
    }

    /** A desk ({@code device}) or a person was locked after {@code failures} wrong PINs or codes. */
    public void lockout(long tenantId, boolean device, long id, Instant until, int failures) {
        if (webhooksOf(tenantId).stream().noneMatch(w -> w.wants(WebhookEvent.LOCKED))) return;
        Map<String, String> data = new LinkedHashMap<>();
        data.put("locked", device ? "device" : "user");
        if (device) {
            devices.findById(id).ifPresent(d -> {
                data.put("deviceMac", d.label());
                data.put("deviceName", d.name());
            });
        } else {
            users.findById(id).ifPresent(u -> {
                data.put("extension", u.extension());
                data.put("userName", u.name());
            });
        }
        data.put("failures", String.valueOf(failures));
        data.put("until", until.toString());
        publish(tenantId, WebhookEvent.LOCKED, data);
    }

    @Override
    public void started(Session session, Device device) {
        publish(session.tenantId(), WebhookEvent.LOGIN, sessionData(session, device));
    }

    @Override
    public void ended(Session session, Device device) {
        WebhookEvent event = session.endReason() == LogoutReason.DISPLACED ? WebhookEvent.DISPLACED : WebhookEvent.LOGOUT;
        publish(session.tenantId(), event, sessionData(session, device));
    }

    @Override
    public void inserted(Registration binding) {
        registration(binding, WebhookEvent.DEVICE_REGISTERED, null);
    }

    @Override
    public void removed(Registration binding) {
        registration(binding, WebhookEvent.DEVICE_UNREGISTERED, "removed");
    }

    @Override
    public void expired(Registration binding) {
        registration(binding, WebhookEvent.DEVICE_UNREGISTERED, "expired");
    }

    private void registration(Registration binding, WebhookEvent event, String why) {
        if (binding.deviceId() == null || webhooksOf(binding.tenantId()).stream().noneMatch(w -> w.wants(event))) return;
        Map<String, String> data = new LinkedHashMap<>();
        devices.findById(binding.deviceId()).ifPresent(d -> {
            data.put("deviceMac", d.label());
            data.put("deviceName", d.name());
        });
        data.put("contact", binding.contact());
        data.put("source", binding.source());
        data.put("transport", binding.transport());
        data.put("userAgent", binding.userAgent());
        data.put("reason", why);
        try {
            publish(binding.tenantId(), event, data);
        } catch (RuntimeException e) {
            // the registrar goes on whatever happens here
            log.warn("webhook event not queued tenant={} event={}: {}", binding.tenantId(), event.wireName(), e.toString());
        }
    }

    private Map<String, String> sessionData(Session session, Device device) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("sessionId", String.valueOf(session.id()));
        data.put("deviceMac", device.label());
        data.put("deviceName", device.name());
        users.findById(session.userId()).ifPresent(u -> {
            data.put("extension", u.extension());
            data.put("userName", u.name());
        });
        data.put("method", session.method().name().toLowerCase(Locale.ROOT));
        if (session.endReason() != null) data.put("reason", session.endReason().name().toLowerCase(Locale.ROOT));
        if (session.endedBy() != null) data.put("endedBy", session.endedBy());
        return data;
    }

    private List<Webhook> webhooksOf(long tenantId) {
        return byTenant.computeIfAbsent(tenantId, store::list);
    }

    private static String checkUrl(String url) {
        String u = url == null ? "" : url.trim();
        if (u.isEmpty()) throw new InvalidInputException("url", "is required, e.g. https://hooks.example.com/hotdesk");
        if (u.length() > 500) throw new InvalidInputException("url", "is longer than 500 characters");
        java.net.URI parsed;
        try {
            parsed = new java.net.URI(u);
        } catch (java.net.URISyntaxException e) {
            throw new InvalidInputException("url", "'" + u + "' is not a URL");
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || parsed.getHost() == null) {
            throw new InvalidInputException("url", "'" + u + "' is not an http:// or https:// URL with a host");
        }
        if (parsed.getUserInfo() != null) {
            throw new InvalidInputException("url", "must not carry a user name or password; each POST is signed instead");
        }
        return u;
    }

    private static Set<WebhookEvent> checkEvents(List<String> events) {
        if (events == null || events.isEmpty()) {
            throw new InvalidInputException("events", "name at least one of: " + names(EnumSet.allOf(WebhookEvent.class)));
        }
        Set<WebhookEvent> set = EnumSet.noneOf(WebhookEvent.class);
        for (String name : events) {
            set.add(WebhookEvent.byWireName(name == null ? "" : name.trim()).orElseThrow(() -> new InvalidInputException(
                    "events", "unknown event '" + name + "'; known: " + names(EnumSet.allOf(WebhookEvent.class)))));
        }
        return set;
    }

    private static String checkDescription(String description) {
        String d = description == null ? "" : description.strip();
        if (d.length() > 200) throw new InvalidInputException("description", "is longer than 200 characters");
        return d;
    }

    static String names(Set<WebhookEvent> events) {
        List<String> names = new ArrayList<>();
        for (WebhookEvent e : WebhookEvent.values()) if (events.contains(e)) names.add(e.wireName());
        return String.join(", ", names);
    }
}
