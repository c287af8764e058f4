package org.hotdesk.core.trunk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotdesk.core.tenant.Cidr;

/**
 * Every tenant's trunks, held in memory for the router: every INVITE that comes without credentials is looked up
 * here by its source address, which must cost neither a database round trip nor parsing each trunk's networks
 * again. {@link TrunkService} reloads it after each change it commits.
 */
public final class TrunkDirectory {
    /** A trunk with its networks parsed once. */
    private record Source(Trunk trunk, List<Cidr> networks) {
        boolean contains(String address) {
            for (Cidr c : networks) {
                if (c.contains(address)) return true;
            }
            return false;
        }
    }

    /** What a reload read: the trunks, and each DID's trunk by its digits (unique across tenants). */
    private record Snapshot(List<Source> sources, Map<String, Source> byDid) {
    }

    private final TrunkStore store;
    private volatile Snapshot snapshot;

    public TrunkDirectory(TrunkStore store) {
        this.store = store;
    }

    /** The trunk an INVITE from {@code address} to {@code number} comes in on, if that number is one of its DIDs. */
    public Optional<Trunk> trunkFor(String address, PhoneNumber number) {
        Source s = current().byDid().get(number.digits());
        return s != null && s.contains(address) ? Optional.of(s.trunk()) : Optional.empty();
    }

    /** The trunks whose networks {@code address} is in (an INVITE from a carrier to a number it has not got here). */
    public List<Trunk> fromAddress(String address) {
        List<Source> sources = current().sources();
        if (sources.isEmpty()) return List.of();
        List<Trunk> found = new ArrayList<>(1);
        for (Source s : sources) {
            if (s.contains(address)) found.add(s.trunk());
        }
        return found;
    }

    public void reload() {
        List<Source> sources = new ArrayList<>();
        Map<String, Source> byDid = new HashMap<>();
        for (Trunk t : store.all()) {
            Source s = new Source(t, t.sourceCidrs().stream().map(c -> Cidr.parse(c, "sourceCidrs")).toList());
            sources.add(s);
            for (String did : t.dids().keySet()) byDid.put(new PhoneNumber(did).digits(), s);
        }
        snapshot = new Snapshot(List.copyOf(sources), Map.copyOf(byDid));
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null) {
            reload();
            s = snapshot;
        }
        return s;
    }
}
