package org.hotdesk.sip.registrar;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.hotdesk.core.location.ContactKey;
import org.hotdesk.core.location.LocationService;
import org.hotdesk.core.location.Registration;
import org.hotdesk.core.location.RegistrationExpiry;
import org.hotdesk.sip.message.NameAddr;
import org.hotdesk.sip.message.SipRequest;
import org.hotdesk.sip.message.SipUri;
import org.hotdesk.sip.network.Peer;
import org.hotdesk.sip.stack.ServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * RFC 3261 §10 registrar: digest-authenticated REGISTER adds, refreshes, removes and lists bindings.
 *
 * <p>Every answer goes out without a transaction, as Kamailio's registrar does: a REGISTER repeated because its
 * answer was lost is simply processed again (a refresh changes nothing twice); its reused nonce-count makes the
 * digest stale, so the phone is challenged once more rather than refused.
 */
public final class Registrar {
    private static final Logger log = LoggerFactory.getLogger(Registrar.class);
    /** More contacts than this for one account is a misconfigured or hostile client, not a desk. */
    private static final int MAX_BINDINGS = 10;
    /** RFC 3261 §20.17: rfc1123-date with a two-digit day, always GMT. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private final Authentication auth;
    private final LocationService location;
    private final RegistrationExpiry expiry;
    private final Clock clock;

    /** Phone-key logouts follow from the removals (see {@link PhoneKeyLogins} as a location listener). */
    public Registrar(Authentication auth, LocationService location, RegistrationExpiry expiry, Clock clock) {
        this.auth = auth;
        this.location = location;
        this.expiry = expiry;
        this.clock = clock;
    }

    public void register(ServerRequest request) {
        SipRequest message = request.request();
        SipUri aor = message.to().uri();
        if (!aor.isSip() || aor.user() == null) {
            request.replyStatelessly(400, "To must be a sip: URI with a user", r -> { });
            return;
        }
        Optional<SipAccount> authenticated = auth.authenticate(request, aor.user(), aor.host());
        if (authenticated.isEmpty()) return;
        SipAccount account = authenticated.get();
        MDC.put("tenant", account.tenant().domain());
        MDC.put("account", account.username());

        List<NameAddr> contacts = message.contacts();
        OptionalInt expiresHeader = message.expires();
        boolean wildcard = contacts.stream().anyMatch(NameAddr::isWildcard);
        if (wildcard) {
            if (contacts.size() != 1 || expiresHeader.isEmpty() || expiresHeader.getAsInt() != 0) {
                request.replyStatelessly(400, "Contact * needs Expires: 0 and no other contact", r -> { });
                return;
            }
            if (account instanceof SipAccount.PhoneKeyAccount) {
                // the desk's own bindings are not the user's to remove
                for (Registration b : location.bindings(account.key())) {
                    if (account.owns(b)) location.remove(account.key(), b.contact());
                }
            } else {
                location.removeAll(account.key());
            }
            log.debug("unregistered all source={}", request.source());
            answer(request, account, List.of());
            return;
        }

        List<Change> changes = new ArrayList<>();
        for (NameAddr contact : contacts) {
            if (contact.uriText().length() > 500) {
                request.replyStatelessly(400, "Contact too long", r -> { });
                return;
            }
            int own = ContactParams.expires(contact);
            switch (expiry.grant(own >= 0 ? OptionalInt.of(own) : expiresHeader, account.tenant())) {
                case RegistrationExpiry.Grant.TooBrief brief -> {
                    request.replyStatelessly(423, null, r -> r.addLast("Min-Expires", String.valueOf(brief.minSeconds())));
                    return;
                }
                case RegistrationExpiry.Grant.Granted granted -> changes.add(new Change(contact, granted.seconds()));
            }
        }
        if (ownBindings(account).size() + changes.size() > MAX_BINDINGS
                && changes.stream().anyMatch(c -> c.expires > 0 && isNew(account, c.contact))) {
            request.replyStatelessly(403, "Too many contacts", r -> { });
            return;
        }

        Peer source = request.source();
        String userAgent = Optional.ofNullable(message.header("User-Agent")).orElse("");
        List<String> path = message.headers("Path");
        Instant now = clock.instant();
        String callId = message.callId();
        for (Change change : changes) {
            String contactUri = change.contact.uriText();
            if (change.expires == 0) {
                location.remove(account.key(), contactUri);
                log.debug("unregistered contact={} source={}", contactUri, source);
                continue;
            }
            Instant expiresAt = now.plusSeconds(change.expires);
            location.put(account.key(), new Registration(account.tenant().id(), deviceIdOf(account), userIdOf(account),
                    account.username(), contactUri, source.host() + ":" + source.port(), source.transport(), userAgent,
                    ContactParams.instance(change.contact), path, now, expiresAt, callId));
            // per message: DEBUG only, the registrar's hot path logs nothing at INFO
            log.debug("registered contact={} source={} expires={} ua=\"{}\"", contactUri, source, change.expires, userAgent);
        }
        answer(request, account, path);
    }

    /** 200 OK listing every current binding with its remaining time (RFC 3261 §10.3 step 8). */
    private void answer(ServerRequest request, SipAccount account, List<String> path) {
        Instant now = clock.instant();
        request.replyStatelessly(200, null, r -> {
            for (Registration b : ownBindings(account)) {
                long left = Math.max(1, b.expiresAt().getEpochSecond() - now.getEpochSecond());
                // "<urn:...>" is quoted on the wire (RFC 5626 §4.1)
                String instance = b.instanceId() == null ? "" : ";+sip.instance=\"" + b.instanceId() + "\"";
                r.addLast("Contact", "<" + b.contact() + ">;expires=" + left + instance);
            }
            for (String p : path) r.addLast("Path", p);
            r.addLast("Supported", "path");
            r.addLast("Date", DATE.format(now));
        });
    }

    private List<Registration> ownBindings(SipAccount account) {
        return location.bindings(account.key()).stream().filter(account::owns).toList();
    }

    private static Long deviceIdOf(SipAccount account) {
        return switch (account) {
            case SipAccount.DeviceAccount d -> d.device().id();
            case SipAccount.PhoneKeyAccount p -> p.device().id();
            case SipAccount.UserAccount u -> null;
        };
    }

    private static Long userIdOf(SipAccount account) {
        return switch (account) {
            case SipAccount.DeviceAccount d -> null;
            case SipAccount.PhoneKeyAccount p -> p.user().id();
            case SipAccount.UserAccount u -> u.user().id();
        };
    }

    private boolean isNew(SipAccount account, NameAddr contact) {
        String key = ContactKey.of(contact.uriText());
        return ownBindings(account).stream().noneMatch(b -> b.contactKey().equals(key));
    }

    private record Change(NameAddr contact, int expires) {
    }
}
