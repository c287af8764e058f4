package org.hotdesk.sip.blf;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.hotdesk.core.dialog.DialogWatch;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
import org.hotdesk.core.user.UserService;
import org.hotdesk.sip.registrar.SipAccount;
import org.hotdesk.sip.subscribe.ActiveSubscriptions;
import org.hotdesk.sip.subscribe.EventPackage;
import org.hotdesk.sip.subscribe.Notifier;
import org.hotdesk.sip.subscribe.SubscribeRefusal;
import org.hotdesk.sip.subscribe.Subscription;

/**
 * The {@code dialog} event package (RFC 4235): a busy-lamp-field key watches a colleague's extension and lights as
 * their calls ring, are answered and end, at whatever desk they sit (the dialog watch follows the person, not a
 * phone). Any desk or person's phone of the same company may watch any of its extensions.
 */
public final class DialogPackage implements EventPackage, DialogWatch.Listener {
    public static final String NAME = "dialog";

    private final UserService users;
    private final DialogWatch dialogs;
    private final ActiveSubscriptions active;
    private final Notifier notifier;
    /** Each subscription's document version (RFC 4235 §4.1: one more with every NOTIFY). */
    private final Map<Subscription, AtomicLong> versions = new ConcurrentHashMap<>();

    public DialogPackage(UserService users, DialogWatch dialogs, ActiveSubscriptions active, Notifier notifier) {
        this.users = users;
        this.dialogs = dialogs;
        this.active = active;
        this.notifier = notifier;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String contentType() {
        return DialogInfo.CONTENT_TYPE;
    }

    /** Half an hour, what Yealink and Poly phones ask for their BLF keys. */
    @Override
    public int defaultExpires() {
        return 1800;
    }

    @Override
    public Optional<SubscribeRefusal> refusal(SipAccount subscriber, String resource) {
        if (resource == null || users.findByExtension(subscriber.tenant().id(), resource).isEmpty()) {
            return Optional.of(new SubscribeRefusal(404, "No such extension"));
        }
        return Optional.empty();
    }

    @Override
    public String state(Subscription subscription) {
        Tenant tenant = subscription.subscriber().tenant();
        Optional<User> user = users.findByExtension(tenant.id(), subscription.resource());
        return document(subscription, tenant, user.map(u -> u.id()).orElse(-1L), null);
    }

    /** A call of someone changed: every watcher of their extension is told. */
    @Override
    public void changed(DialogWatch.Dialog dialog) {
        Optional<User> user = users.findById(dialog.userId());
        if (user.isEmpty()) return;
        for (Subscription s : active.ofPackage(NAME)) {
            Tenant tenant = s.subscriber().tenant();
            if (tenant.id() != user.get().tenantId() || !user.get().extension().equals(s.resource())) continue;
            notifier.update(s, document(s, tenant, user.get().id(),
                    dialog.state() == DialogWatch.State.TERMINATED ? dialog : null));
        }
        versions.keySet().removeIf(s -> !s.isActive());
    }

    private String document(Subscription s, Tenant tenant, long userId, DialogWatch.Dialog ended) {
        long version = versions.computeIfAbsent(s, k -> new AtomicLong(-1)).incrementAndGet();
        return DialogInfo.of("sip:" + s.resource() + "@" + tenant.domain(), version, dialogs.of(userId), ended,
                tenant.domain());
    }
}
