package org.hotdesk.sip.subscribe;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.sip.message.NameAddr;
import org.hotdesk.sip.message.SipRequest;
import org.hotdesk.sip.message.SipResponse;
import org.hotdesk.sip.message.SipUri;
import org.hotdesk.sip.registrar.Authentication;
import org.hotdesk.sip.registrar.SipAccount;
import org.hotdesk.sip.stack.ServerRequest;
import org.hotdesk.sip.stack.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SUBSCRIBE (RFC 6665 §4.2.1), whatever the package: the {@code Event} picks one of {@link EventPackages} (489 with
 * {@code Allow-Events} for any other), a new subscription is authenticated like every other request of a phone and
 * checked by its package, its length kept within {@link ExpiryBounds}; then 200 and at once a NOTIFY with the
 * current state. In the dialog a SUBSCRIBE refreshes it, or ends it with {@code Expires: 0} (a last NOTIFY,
 * {@code terminated}); unrefreshed, it ends when its time runs out.
 */
public final class SubscribeHandler {
    private static final Logger log = LoggerFactory.getLogger(SubscribeHandler.class);

    private final Authentication auth;
    private final EventPackages packages;
    private final ActiveSubscriptions active;
    private final Notifier notifier;
    private final ExpiryBounds bounds;
    private final SipStack stack;

    private final Function<String, Optional<Tenant>> tenantOfDomain;

    /** @param tenantOfDomain the company whose domain a Request-URI names, if any */
    public SubscribeHandler(SipStack stack, Authentication auth, EventPackages packages, ActiveSubscriptions active,
                            Notifier notifier, ExpiryBounds bounds, Function<String, Optional<Tenant>> tenantOfDomain) {
        this.tenantOfDomain = tenantOfDomain;
        this.stack = stack;
        this.auth = auth;
        this.packages = packages;
        this.active = active;
        this.notifier = notifier;
        this.bounds = bounds;
    }

    public void subscribe(ServerRequest event) {
        SipRequest request = event.request();
        String header = request.header("Event");
        if (header == null) {
            // RFC 6665 §8.2.1: SUBSCRIBE carries exactly one Event header
            event.reply(400, "Missing Event header");
            return;
        }
        EventType type = EventType.parse(header);
        EventPackage eventPackage = packages.find(type.name());
        if (eventPackage == null) {
            event.reply(489, null, r -> r.addLast("Allow-Events", packages.allowEvents()));
            return;
        }
        if (request.inDialog()) {
            refresh(event, eventPackage, type);
        } else {
            create(event, eventPackage, type);
        }
    }

    private void create(ServerRequest event, EventPackage eventPackage, EventType type) {
        SipRequest request = event.request();
        SipUri from = request.from().uri();
        if (!from.isSip()) {
            event.reply(403, "From must be a sip: URI");
            return;
        }
        Optional<SipAccount> authenticated = auth.authenticate(event, from.user(), from.host());
        if (authenticated.isEmpty()) return;
        SipAccount account = authenticated.get();
        List<NameAddr> contacts = request.contacts();
        if (contacts.size() != 1 || contacts.get(0).isWildcard()) {
            // RFC 6665 §4.1.2: the Contact is where NOTIFYs go; exactly one
            event.reply(400, "One Contact needed");
            return;
        }
        OptionalInt expiresHeader = request.expires();
        int requested = expiresHeader.orElse(eventPackage.defaultExpires());
        if (tooBrief(event, requested)) return;
        SipUri requestUri = request.requestUri();
        String resource = requestUri.isSip() ? requestUri.decodedUser() : null;
        Optional<Tenant> named = requestUri.isSip() && requestUri.host() != null
                ? tenantOfDomain.apply(requestUri.host().toLowerCase(java.util.Locale.ROOT)) : Optional.empty();
        if (named.isPresent() && named.get().id() != account.tenant().id()) {
            // a company's phones watch their own colleagues only
            event.reply(403, "Another company's address");
            return;
        }
        Optional<SubscribeRefusal> refusal = eventPackage.refusal(account, resource);
        if (refusal.isPresent()) {
            event.reply(refusal.get().status(), refusal.get().reason());
            return;
        }
        int granted = Math.min(requested, bounds.max());
        SipResponse ok = event.response(200, null);
        ok.addLast("Expires", String.valueOf(granted));
        ok.addLast("Contact", OwnContact.on(stack.own(), event.transport()).toString());
        NameAddr local = ok.to();
        List<String> routeSet = request.headers("Record-Route");
        Subscription subscription = new Subscription(
                new DialogId(request.callId(), local.tag(), request.from().tag()), eventPackage, type, account,
                resource, local, request.from(), contacts.get(0).uri(), routeSet, event.source(),
                request.cseq().number());
        if (!event.send(ok)) return; // a copy of this request answered it already
        log.debug("subscribed event={} account={} expires={}", type.name(), account.username(), granted);
        if (granted == 0) {
            // a fetch (RFC 6665 §4.4.3): the state once, and the subscription is over
            notifier.end(subscription, Notice.Ending.TIMEOUT, eventPackage.state(subscription));
            return;
        }
        active.add(subscription);
        active.expireIn(subscription, granted, this::expired);
        notifier.update(subscription, eventPackage.state(subscription));
    }

    private void refresh(ServerRequest event, EventPackage eventPackage, EventType type) {
        SipRequest request = event.request();
        Subscription subscription = active.find(new DialogId(request.callId(), request.to().tag(), request.from().tag()));
        if (subscription == null || subscription.eventPackage() != eventPackage) {
            event.reply(481, "Subscription does not exist");
            return;
        }
        if (!subscription.flow().host().equals(event.source().host())) {
            // the dialog's tags are all that names it: from elsewhere it is someone guessing them
            event.reply(403, "Not from the subscriber");
            return;
        }
        int requested = request.expires().orElse(eventPackage.defaultExpires());
        if (tooBrief(event, requested)) return;
        List<NameAddr> contacts = request.contacts();
        SipUri target = contacts.size() == 1 && !contacts.get(0).isWildcard() ? contacts.get(0).uri() : null;
        if (!subscription.refreshedBy(request.cseq().number(), target)) {
            event.reply(500, "CSeq out of order");
            return;
        }
        int granted = Math.min(requested, bounds.max());
        event.reply(200, null, r -> {
            r.addLast("Expires", String.valueOf(granted));
            r.addLast("Contact", OwnContact.on(stack.own(), event.transport()).toString());
        });
        if (granted == 0) {
            log.debug("unsubscribed event={} account={}", type.name(), subscription.subscriber().username());
            notifier.end(subscription, Notice.Ending.UNSUBSCRIBED, eventPackage.state(subscription));
            return;
        }
        active.expireIn(subscription, granted, this::expired);
        // RFC 6665 §4.2.1.2: a refresh, like a new subscription, is answered with the current state
        notifier.update(subscription, eventPackage.state(subscription));
    }

    /** 423 with Min-Expires for a length below the minimum; 0 (end it now) is always allowed. */
    private boolean tooBrief(ServerRequest event, int requested) {
        if (requested == 0 || requested >= bounds.min()) return false;
        event.reply(423, null, r -> r.addLast("Min-Expires", String.valueOf(bounds.min())));
        return true;
    }

    private void expired(Subscription subscription) {
        log.debug("subscription expired subscription={}", subscription);
        notifier.end(subscription, Notice.Ending.TIMEOUT, subscription.eventPackage().state(subscription));
    }
}
