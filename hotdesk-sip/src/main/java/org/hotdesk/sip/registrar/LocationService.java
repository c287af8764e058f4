package org.hotdesk.sip.registrar;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.hotdesk.core.registration.Registration;
import org.hotdesk.core.registration.RegistrationStore;
import org.hotdesk.core.registration.Registrations;
import org.hotdesk.core.registration.StoredRegistrations;
import org.hotdesk.sip.transport.NetworkAddress;

/**
 * The bindings of every account, kept in the database (see {@link RegistrationStore}). A binding is replaced
 * by one with the same {@code +sip.instance} (the same phone after a reboot with a new port) or the same
 * contact, and disappears when it expires.
 */
public final class LocationService implements Registrations {
    private final RegistrationStore store;
    private final Clock clock;
    /** One writer per account at a time: a phone's quick re-REGISTERs would otherwise race on its own binding. */
    private final Object[] writeLocks = new Object[64];

    public LocationService(RegistrationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        for (int i = 0; i < writeLocks.length; i++) writeLocks[i] = new Object();
    }

    private Object lockFor(String accountKey) {
        return writeLocks[Math.floorMod(accountKey.hashCode(), writeLocks.length)];
    }

    public List<Registration> bindings(String accountKey) {
        return store.ofAccount(accountKey, clock.instant());
    }

    public void put(String accountKey, Registration binding) {
        synchronized (lockFor(accountKey)) {
            store.save(accountKey, contactKey(binding.contact()), binding);
        }
    }

    public void remove(String accountKey, String contact) {
        synchronized (lockFor(accountKey)) {
            store.remove(accountKey, contactKey(contact));
        }
    }

    public void removeAll(String accountKey) {
        synchronized (lockFor(accountKey)) {
            store.removeAll(accountKey);
        }
    }

    /** Refuses the refresh of a phone-key binding (see {@link PhoneKeyLogins}) until it would have expired. */
    public void revoke(Registration binding) {
        if (binding.callId() == null || binding.deviceId() == null || binding.userId() == null) return;
        store.revoke(binding.deviceId(), binding.userId(), binding.callId(), binding.expiresAt());
    }

    public boolean isRevoked(long deviceId, long userId, String callId) {
        return store.isRevoked(deviceId, userId, callId, clock.instant());
    }

    /** Drops expired bindings; returns how many. */
    public int purgeExpired() {
        return store.purgeExpired(clock.instant());
    }

    /** Where requests for a registered contact go: the address its REGISTER came from. */
    public Optional<NetworkAddress> sourceOf(String user, String host, int port) {
        return store.byContact(contactKey(user, host, port), clock.instant()).map(r -> {
            int colon = r.source().lastIndexOf(':');
            return new NetworkAddress(r.source().substring(0, colon), Integer.parseInt(r.source().substring(colon + 1)),
                    r.transport());
        });
    }

    /** The IP address a binding's REGISTER came from. */
    public static String hostOf(Registration binding) {
        String source = binding.source();
        int colon = source.lastIndexOf(':');
        return colon < 0 ? source : source.substring(0, colon);
    }

    @Override
    public List<Registration> ofDevice(long deviceId) {
        return bindings(StoredRegistrations.deviceKey(deviceId));
    }

    @Override
    public List<Registration> ofUser(long userId) {
        return bindings(StoredRegistrations.userKey(userId));
    }

    @Override
    public List<Registration> inTenant(long tenantId) {
        return store.inTenant(tenantId, clock.instant());
    }

    /** {@code sip:alice@10.0.0.5:5062;transport=udp} and {@code <sip:alice@10.0.0.5:5062>} name the same contact. */
    static String contactKey(String contact) {
        String c = contact.trim();
        if (c.startsWith("<")) c = c.substring(1, c.indexOf('>'));
        int semicolon = c.indexOf(';');
        if (semicolon >= 0) c = c.substring(0, semicolon);
        c = c.replaceFirst("^sips?:", "");
        int at = c.lastIndexOf('@');
        String user = at >= 0 ? c.substring(0, at) : "";
        String hostPort = at >= 0 ? c.substring(at + 1) : c;
        int colon = hostPort.lastIndexOf(':');
        boolean hasPort = colon > 0 && !hostPort.endsWith("]");
        String host = hasPort ? hostPort.substring(0, colon) : hostPort;
        int port = -1;
        if (hasPort) {
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                host = hostPort;
            }
        }
        return contactKey(user, host, port);
    }

    private static String contactKey(String user, String host, int port) {
        return Objects.toString(user, "") + "@" + host.toLowerCase(Locale.ROOT) + ":" + (port <= 0 ? 5060 : port);
    }
}
