package org.hotdesk.core.voicemail;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hotdesk.core.event.SessionEvent;
import org.hotdesk.core.location.LocationService;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.session.SessionService;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.tenant.TenantService;
import org.hotdesk.core.user.User;
import org.hotdesk.core.user.UserService;

/**
 * Message-waiting lights that follow the person (DESIGN.md "Voicemail"): the tenant's voicemail server tells hotdesk
 * of a person's mailbox; every desk they are logged in at and each of their own phones shows it; a desk shows the
 * light of whoever sits there, and none while idle.
 *
 * <p>Each person's last state is kept in memory only: after a restart a desk shows no light until the voicemail
 * server next reports that mailbox (each new or listened-to message does).
 */
public final class MessageWaiting {
    /** Turns a host name into its addresses; a literal address is returned as it is, without a look-up. */
    @FunctionalInterface
    public interface Resolver {
        List<String> addresses(String host) throws UnknownHostException;
    }

    /** The system's resolver (DNS, /etc/hosts). */
    public static final Resolver SYSTEM = host -> Arrays.stream(InetAddress.getAllByName(host))
            .map(InetAddress::getHostAddress).toList();

    private final TenantService tenants;
    private final UserService users;
    private final SessionService sessions;
    private final Resolver resolver;
    /** user id → what their voicemail server last said */
    private final Map<Long, MailboxState> lastKnown = new ConcurrentHashMap<>();

    public MessageWaiting(TenantService tenants, UserService users, SessionService sessions, Resolver resolver) {
        this.tenants = tenants;
        this.users = users;
        this.sessions = sessions;
        this.resolver = resolver;
    }

    /**
     * The tenant a voicemail server's report is for: the first of the names it wrote (Request-URI host, To host)
     * that is a tenant's domain; failing that (servers often write this server's address), the one tenant whose
     * voicemail server is at {@code source}. That look-up reads every tenant's settings, so it runs only for a report
     * that names no domain.
     */
    public Optional<Tenant> tenantOf(List<String> domains, String source) {
        for (String domain : domains) {
            if (domain == null || domain.isBlank()) continue;
            Optional<Tenant> tenant = tenants.findByDomain(domain.toLowerCase(Locale.ROOT));
            if (tenant.isPresent()) return tenant;
        }
        List<Tenant> servedFrom = new ArrayList<>();
        for (Tenant t : tenants.list()) {
            if (isVoicemailServer(t, source)) servedFrom.add(t);
        }
        return servedFrom.size() == 1 ? Optional.of(servedFrom.get(0)) : Optional.empty();
    }

    /**
     * Is {@code source} (an IP address) the tenant's voicemail server? Only that server may light a person's lamp: a
     * report from anywhere else would let anyone on the network flash every desk. Its host name is resolved on each
     * check, so a server that moved is followed at once.
     */
    public boolean isVoicemailServer(Tenant tenant, String source) {
        String host = hostOf(tenant.settings().routing().voicemailUri());
        if (host == null || source == null) return false;
        try {
            String normalised = InetAddress.getByName(source).getHostAddress();
            for (String address : resolver.addresses(host)) {
                if (InetAddress.getByName(address).getHostAddress().equals(normalised)) return true;
            }
            return false;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * The voicemail server reported a person's mailbox: remembered, and where it shows (every desk they are logged in
     * at, and their own phones). Empty when the tenant has no such extension.
     */
    public Optional<Lights> reported(Tenant tenant, String extension, MailboxState state) {
        Optional<User> user = extension == null ? Optional.empty() : users.findByExtension(tenant.id(), extension);
        if (user.isEmpty()) return Optional.empty();
        long userId = user.get().id();
        lastKnown.put(userId, state);
        List<String> accounts = new ArrayList<>();
        for (Session s : sessions.openSessionsOfUser(userId)) {
            if (s.tenantId() == tenant.id()) accounts.add(LocationService.deviceKey(s.deviceId()));
        }
        accounts.add(LocationService.userKey(userId));
        return Optional.of(new Lights(Optional.of(state), accounts));
    }

    /** What a desk shows now: the mailbox of whoever is logged in there; nothing while idle. */
    public Optional<MailboxState> shownAtDesk(long deviceId) {
        return sessions.openSessionOf(deviceId).flatMap(s -> Optional.ofNullable(lastKnown.get(s.userId())));
    }

    /** What a person's own phones show. */
    public Optional<MailboxState> shownOnOwnPhones(long userId) {
        return Optional.ofNullable(lastKnown.get(userId));
    }

    /**
     * What the desk shows once a session began (the person's last known mailbox, at once) or ended (no light, whatever
     * the reason: logout, timer, displacement, an admin).
     */
    public Lights afterSessionChange(SessionEvent event) {
        String desk = LocationService.deviceKey(event.device().id());
        return switch (event) {
            case SessionEvent.Started started ->
                    new Lights(Optional.ofNullable(lastKnown.get(started.session().userId())), List.of(desk));
            case SessionEvent.Ended ended -> new Lights(Optional.empty(), List.of(desk));
        };
    }

    /**
     * May a phone watch the mailbox its SUBSCRIBE names? Each phone watches its own light (a desk's is whoever sits
     * there): phones write their own address or the voicemail number there, which is fine, but a colleague's
     * extension is refused, so nobody learns whether a colleague has messages.
     *
     * @param ownUserId the person the phone speaks for (their own phone, or their phone-key login), null for a desk
     * @param resource  the user part of the SUBSCRIBE's Request-URI, or null
     */
    public boolean mayWatch(Tenant tenant, Long ownUserId, String resource) {
        if (resource == null || resource.isEmpty()) return true;
        Optional<User> named = users.findByExtension(tenant.id(), resource);
        return named.isEmpty() || (ownUserId != null && named.get().id() == ownUserId);
    }

    /** The host of a {@code sip:[user@]host[:port][;params]} URI (validated by {@code CallRouting}), or null. */
    static String hostOf(String uri) {
        if (uri == null) return null;
        String rest = uri.substring(uri.indexOf(':') + 1);
        int at = rest.indexOf('@');
        if (at >= 0) rest = rest.substring(at + 1);
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            return close < 0 ? null : rest.substring(1, close);
        }
        int end = rest.length();
        for (char c : new char[] {':', ';', '?'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) end = i;
        }
        return rest.substring(0, end);
    }
}
