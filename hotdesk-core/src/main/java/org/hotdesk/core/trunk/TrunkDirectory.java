package org.hotdesk.core.trunk;

import java.util.List;
import java.util.Optional;

/**
 * Every tenant's trunks, held in memory for the router: an INVITE's source address is looked up here on every
 * unauthenticated call, which must not cost a database round trip. {@link TrunkService} reloads it after each
 * change it commits.
 */
public final class TrunkDirectory {
    private final TrunkStore store;
    private volatile List<Trunk> trunks;

    public TrunkDirectory(TrunkStore store) {
        this.store = store;
    }

    /** The trunk an INVITE from {@code address} to {@code number} comes in on, if that number is one of its DIDs. */
    public Optional<Trunk> trunkFor(String address, PhoneNumber number) {
        for (Trunk t : all()) {
            if (t.isSource(address) && t.extensionFor(number) != null) return Optional.of(t);
        }
        return Optional.empty();
    }

    /** The trunks whose networks {@code address} is in (an INVITE from a carrier to a number it has not got here). */
    public List<Trunk> fromAddress(String address) {
        return all().stream().filter(t -> t.isSource(address)).toList();
    }

    public void reload() {
        trunks = List.copyOf(store.all());
    }

    private List<Trunk> all() {
        List<Trunk> current = trunks;
        if (current == null) {
            reload();
            current = trunks;
        }
        return current;
    }
}
