package org.hotdesk.sip.registrar;

import java.util.Optional;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.tenant.Tenant;

/** Finds the account a SIP username names. */
public final class SipAccounts {
    private final HotdeskCore core;

    public SipAccounts(HotdeskCore core) {
        this.core = core;
    }

    /**
     * Device usernames are unique across tenants, so a device account is found whatever host the phone
     * wrote (many are set up with the server's IP address). A user's own account is found by extension in
     * the tenant whose domain the phone used.
     */
    public Optional<SipAccount> find(String username, String domain) {
        if (username == null || username.isBlank()) return Optional.empty();
        var device = core.ports().devices().findBySipUsername(username);
        if (device.isPresent()) {
            return core.ports().tenants().findById(device.get().tenantId())
                    .map(t -> new SipAccount.DeviceAccount(t, device.get()));
        }
        return tenant(domain).flatMap(t -> core.ports().users().findByExtension(t.id(), username)
                .filter(u -> u.hasOwnSipAccount())
                .map(u -> new SipAccount.UserAccount(t, u)));
    }

    public Optional<Tenant> tenant(String domain) {
        return domain == null ? Optional.empty() : core.ports().tenants().findByDomain(domain.toLowerCase());
    }
}
