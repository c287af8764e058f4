package org.hotdesk.sip.registrar;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hotdesk.core.registration.Registration;
import org.hotdesk.core.registration.Registrations;
import org.hotdesk.sip.transport.NetworkAddress;

/**
 * The bindings of every account, in memory. A binding is replaced by one with the same {@code +sip.instance}
 * (the same phone after a reboot with a new port) or the same contact, and disappears when it expires.
 */
public final class LocationService implements Registrations {
    private final Clock clock;
    private final Map<String, List<Registration>> byAccount = new ConcurrentHashMap<>();

    public LocationService(Clock clock) {
        this.clock = clock;
    }

    public List<Registration> bindings(String accountKey) {
        Instant now = clock.instant();
        return byAccount.getOrDefault(accountKey, List.of()).stream().filter(r -> r.expiresAt().isAfter(now)).toList();
    }

    public void put(String accountKey, Registration binding) {
        byAccount.compute(accountKey, (k, old) -> {
            List<Registration> kept = new ArrayList<>();
            Instant now = clock.instant();
            for (Registration r : old == null ? List.<Registration>of() : old) {
                boolean sameInstance = binding.instanceId() != null && binding.instanceId().equals(r.instanceId());
                if (!sameInstance && !sameContact(r.contact(), binding.contact()) && r.expiresAt().isAfter(now)) {
                    kept.add(r);
                }
            }
            kept.add(binding);
            return List.copyOf(kept);
        });
    }

    public void remove(String accountKey, String contact) {
        byAccount.computeIfPresent(accountKey, (k, old) -> {
            List<Registration> kept = old.stream().filter(r -> !sameContact(r.contact(), contact)).toList();
            return kept.isEmpty() ? null : kept;
        });
    }

    public void removeAll(String accountKey) {
        byAccount.remove(accountKey);
    }

    /** Drops expired bindings; returns how many. */
    public int purgeExpired() {
        Instant now = clock.instant();
        int[] dropped = {0};
        for (String key : byAccount.keySet()) {
            byAccount.computeIfPresent(key, (k, old) -> {
                List<Registration> kept = old.stream().filter(r -> r.expiresAt().isAfter(now)).toList();
                dropped[0] += old.size() - kept.size();
                return kept.isEmpty() ? null : kept;
            });
        }
        return dropped[0];
    }

    /** Where requests for a registered contact go: the address its REGISTER came from. */
    public Optional<NetworkAddress> sourceOf(String user, String host, int port) {
        String wanted = contactKey(user, host, port);
        Instant now = clock.instant();
        for (List<Registration> list : byAccount.values()) {
            for (Registration r : list) {
                if (r.expiresAt().isAfter(now) && contactKey(r.contact()).equals(wanted)) {
                    int colon = r.source().lastIndexOf(':');
                    return Optional.of(new NetworkAddress(r.source().substring(0, colon),
                            Integer.parseInt(r.source().substring(colon + 1)), r.transport()));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public List<Registration> ofDevice(long deviceId) {
        return bindings("device:" + deviceId);
    }

    @Override
    public List<Registration> ofUser(long userId) {
        return bindings("user:" + userId);
    }

    @Override
    public List<Registration> inTenant(long tenantId) {
        Instant now = clock.instant();
        return byAccount.values().stream().flatMap(List::stream)
                .filter(r -> r.tenantId() == tenantId && r.expiresAt().isAfter(now)).toList();
    }

    private static boolean sameContact(String a, String b) {
        return contactKey(a).equals(contactKey(b));
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
        int port = hasPort ? Integer.parseInt(hostPort.substring(colon + 1)) : -1;
        return contactKey(user, host, port);
    }

    private static String contactKey(String user, String host, int port) {
        return Objects.toString(user, "") + "@" + host.toLowerCase(Locale.ROOT) + ":" + (port <= 0 ? 5060 : port);
    }
}
