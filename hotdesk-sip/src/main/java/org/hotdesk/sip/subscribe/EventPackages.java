package org.hotdesk.sip.subscribe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The event packages this server serves, by name: a SUBSCRIBE for any other gets 489 Bad Event, and every
 * {@code Allow-Events} header (RFC 6665 §8.2.2: in 489 answers and answers to OPTIONS) lists exactly these.
 */
public final class EventPackages {
    private final Map<String, EventPackage> byName = new LinkedHashMap<>();

    public EventPackages(List<EventPackage> packages) {
        for (EventPackage p : packages) {
            if (byName.putIfAbsent(p.name().toLowerCase(Locale.ROOT), p) != null) {
                throw new IllegalArgumentException("event package " + p.name() + " registered twice");
            }
        }
    }

    /** The package of this name, or null. */
    public EventPackage find(String name) {
        return byName.get(name.toLowerCase(Locale.ROOT));
    }

    /** The value of an {@code Allow-Events} header: every package served. */
    public String allowEvents() {
        return String.join(", ", byName.values().stream().map(EventPackage::name).toList());
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }
}
