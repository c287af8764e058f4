package org.hotdesk.sip.registrar;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import java.util.TimeZone;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.UserAgentHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.hotdesk.core.location.ContactKey;
import org.hotdesk.core.location.LocationService;
import org.hotdesk.core.location.Registration;
import org.hotdesk.sip.SipConfig;
import org.hotdesk.sip.transport.NetworkAddress;
import org.hotdesk.sip.transport.SipEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** RFC 3261 §10 registrar: digest-authenticated REGISTER adds, refreshes, removes and lists bindings. */
public final class Registrar {
    private static final Logger log = LoggerFactory.getLogger(Registrar.class);
    /** More contacts than this for one account is a misconfigured or hostile client, not a desk. */
    private static final int MAX_BINDINGS = 10;

    private final SipEndpoint sip;
    private final Authentication auth;
    private final LocationService location;
    private final SipConfig config;
    private final Clock clock;

    /** Phone-key logouts follow from the removals (see {@link PhoneKeyLogins} as a location listener). */
    public Registrar(SipEndpoint sip, Authentication auth, LocationService location, SipConfig config, Clock clock) {
        this.sip = sip;
        this.auth = auth;
        this.location = location;
        this.config = config;
        this.clock = clock;
    }

    public void register(RequestEvent event) {
        Request request = event.getRequest();
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        if (!(to.getAddress().getURI() instanceof SipURI aor) || aor.getUser() == null) {
            sip.reply(event, Response.BAD_REQUEST, "To must be a sip: URI with a user");
            return;
        }
        Optional<SipAccount> authenticated = auth.authenticate(event, aor.getUser(), aor.getHost());
        if (authenticated.isEmpty()) return;
        SipAccount account = authenticated.get();
        MDC.put("tenant", account.tenant().domain());
        MDC.put("account", account.username());

        List<ContactHeader> contacts = contacts(request);
        ExpiresHeader expiresHeader = request.getExpires();
        boolean wildcard = contacts.stream().anyMatch(ContactHeader::isWildCard);
        if (wildcard) {
            if (contacts.size() != 1 || expiresHeader == null || expiresHeader.getExpires() != 0) {
                sip.reply(event, Response.BAD_REQUEST, "Contact * needs Expires: 0 and no other contact");
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
            log.debug("unregistered all source={}", SipEndpoint.sourceOf(request));
            answer(event, account);
            return;
        }

        List<Change> changes = new ArrayList<>();
        for (ContactHeader contact : contacts) {
            if (contact.getAddress().getURI().toString().length() > 500) {
                sip.reply(event, Response.BAD_REQUEST, "Contact too long");
                return;
            }
            int asked = contact.getExpires() >= 0 ? contact.getExpires()
                    : expiresHeader != null ? expiresHeader.getExpires() : config.defaultExpires();
            if (asked > 0 && asked < config.minExpires()) {
                sip.reply(event, Response.INTERVAL_TOO_BRIEF, null, r -> {
                    try {
                        r.addHeader(sip.headers().createMinExpiresHeader(config.minExpires()));
                    } catch (InvalidArgumentException e) {
                        throw new IllegalStateException(e);
                    }
                });
                return;
            }
            changes.add(new Change(contact, Math.min(asked, config.maxExpires())));
        }
        if (ownBindings(account).size() + changes.size() > MAX_BINDINGS
                && changes.stream().anyMatch(c -> c.expires > 0 && isNew(account, c.contact))) {
            sip.reply(event, Response.FORBIDDEN, "Too many contacts");
            return;
        }

        NetworkAddress source = SipEndpoint.sourceOf(request);
        UserAgentHeader ua = (UserAgentHeader) request.getHeader(UserAgentHeader.NAME);
        String userAgent = ua == null ? "" : String.join(" ", iterable(ua.getProduct()));
        List<String> path = headerValues(request, "Path");
        Instant now = clock.instant();
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        for (Change change : changes) {
            String contactUri = change.contact.getAddress().getURI().toString();
            if (change.expires == 0) {
                location.remove(account.key(), contactUri);
                log.debug("unregistered contact={} source={}", contactUri, source);
                continue;
            }
            String instance = change.contact.getParameter("+sip.instance");
            Instant expiresAt = now.plusSeconds(change.expires);
            location.put(account.key(), new Registration(account.tenant().id(), deviceIdOf(account), userIdOf(account),
                    account.username(), contactUri, source.host() + ":" + source.port(), source.transport(), userAgent,
                    instance, path, now, expiresAt, callId));
            // per message: DEBUG only, the registrar's hot path logs nothing at INFO
            log.debug("registered contact={} source={} expires={} ua=\"{}\"", contactUri, source, change.expires, userAgent);
        }
        answer(event, account, path);
    }

    private void answer(RequestEvent event, SipAccount account) {
        answer(event, account, List.of());
    }

    /** 200 OK listing every current binding with its remaining time (RFC 3261 §10.3 step 8). */
    private void answer(RequestEvent event, SipAccount account, List<String> path) {
        Instant now = clock.instant();
        sip.reply(event, Response.OK, null, r -> {
            try {
                for (Registration b : ownBindings(account)) {
                    ContactHeader c = sip.headers().createContactHeader(sip.address(b.contact()));
                    c.setExpires((int) Math.max(1, b.expiresAt().getEpochSecond() - now.getEpochSecond()));
                    if (b.instanceId() != null) {
                        // "<urn:...>" must be quoted on the wire (RFC 5626); the stack keeps it unquoted
                        ((gov.nist.javax.sip.header.ParametersHeader) c).setQuotedParameter("+sip.instance", b.instanceId());
                    }
                    r.addHeader(c);
                }
                for (String p : path) sip.addHeader(r, "Path", p);
                sip.addHeader(r, "Supported", "path");
                Calendar date = Calendar.getInstance(TimeZone.getTimeZone("GMT"));
                date.setTimeInMillis(now.toEpochMilli());
                r.addHeader(sip.headers().createDateHeader(date));
            } catch (Exception e) {
                throw new IllegalStateException("cannot write REGISTER answer", e);
            }
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

    private boolean isNew(SipAccount account, ContactHeader contact) {
        String key = ContactKey.of(contact.getAddress().getURI().toString());
        return ownBindings(account).stream().noneMatch(b -> b.contactKey().equals(key));
    }

    private record Change(ContactHeader contact, int expires) {
    }

    private static List<ContactHeader> contacts(Request request) {
        List<ContactHeader> list = new ArrayList<>();
        ListIterator<?> it = request.getHeaders(ContactHeader.NAME);
        while (it.hasNext()) list.add((ContactHeader) it.next());
        return list;
    }

    /** Header values as written, e.g. each Path address. */
    static List<String> headerValues(Request request, String name) {
        List<String> values = new ArrayList<>();
        ListIterator<?> it = request.getHeaders(name);
        while (it.hasNext()) {
            String text = it.next().toString().trim();
            int colon = text.indexOf(':');
            values.add(colon >= 0 && text.substring(0, colon).trim().equalsIgnoreCase(name)
                    ? text.substring(colon + 1).trim() : text);
        }
        return values;
    }

    private static List<String> iterable(ListIterator<?> it) {
        List<String> list = new ArrayList<>();
        while (it != null && it.hasNext()) list.add(it.next().toString());
        return list;
    }
}
