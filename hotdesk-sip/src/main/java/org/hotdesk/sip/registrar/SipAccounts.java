package org.hotdesk.sip.registrar;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.location.LocationService;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;

/** Finds the account a SIP username names. */
public final class SipAccounts {
    private final HotdeskCore core;
    private final LocationService location;

    public SipAccounts(HotdeskCore core, LocationService location) {
        this.core = core;
        this.location = location;
    }

    /**
     * Every account a request from {@code source} naming {@code username} may speak for, in the order their
     * passwords are tried: the device account, or the user's own account and then, outside REGISTER, the
     * desks the user's phone-key logins registered from this very address.
     */
    public List<SipAccount> candidates(String username, String domain, String source, boolean register) {
        List<SipAccount> found = new ArrayList<>();
        Optional<SipAccount> own = find(username, domain);
        own.ifPresent(found::add);
        if (register || own.filter(a -> a instanceof SipAccount.DeviceAccount).isPresent()) return found;
        Optional<Tenant> tenant = tenant(domain);
        Optional<User> user = tenant.flatMap(t -> core.users().findByExtension(t.id(), username));
        if (user.isEmpty()) return found;
        for (Session s : core.sessions().openSessionsOfUser(user.get().id())) {
            if (s.method() != LoginMethod.PHONE_KEY) continue;
            boolean fromThere = location.ofDevice(s.deviceId()).stream().anyMatch(b ->
                    b.userId() != null && b.userId() == user.get().id() && b.sourceHost().equals(source));
            if (fromThere) {
                core.devices().findById(s.deviceId())
                        .ifPresent(d -> found.add(new SipAccount.PhoneKeyAccount(tenant.get(), user.get(), d)));
            }
        }
        return found;
    }

    /** Is there a user with this extension in the tenant of this domain (a phone-key login could name them)? */
    public boolean isUser(String username, String domain) {
        return username != null && tenant(domain)
                .flatMap(t -> core.users().findByExtension(t.id(), username)).isPresent();
    }

    /**
     * Device usernames are unique across tenants, so a device account is found whatever host the phone
     * wrote (many are set up with the server's IP address). A user's own account is found by extension in
     * the tenant whose domain the phone used.
     */
    public Optional<SipAccount> find(String username, String domain) {
        if (username == null || username.isBlank()) return Optional.empty();
        var device = core.devices().findBySipUsername(username);
        if (device.isPresent()) {
            return core.tenants().findById(device.get().tenantId())
                    .map(t -> new SipAccount.DeviceAccount(t, device.get()));
        }
        return tenant(domain).flatMap(t -> core.users().findByExtension(t.id(), username)
                .filter(u -> u.hasOwnSipAccount())
                .map(u -> new SipAccount.UserAccount(t, u)));
    }

    public Optional<Tenant> tenant(String domain) {
        return domain == null ? Optional.empty() : core.tenants().findByDomain(domain.toLowerCase());
    }
}
