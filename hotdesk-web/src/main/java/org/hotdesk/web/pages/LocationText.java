package org.hotdesk.web.pages;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hotdesk.core.site.CivicAddress;

/** A desk's location as the pages show it in one line, the same on every page. */
public final class LocationText {
    private LocationText() {
    }

    /** The street line for tables: "Friedrichstraße 68, Berlin". */
    public static String address(CivicAddress l) {
        return join(", ", join(" ", l.street(), l.houseNumber()), l.city());
    }

    /** Inside the building: "Floor 2 · Room 2.14 · by the window". */
    public static String place(CivicAddress l) {
        return join(" · ", l.building(), l.floor() == null ? null : "Floor " + l.floor(),
                l.room() == null ? null : "Room " + l.room(), l.description());
    }

    /** Where someone sits, in a few words: the description an admin typed, else what the address says. */
    public static String where(CivicAddress l) {
        if (l == null) {
            return "";
        }
        if (l.description() != null) {
            return l.description();
        }
        return join(", ", l.building(), l.floor() == null ? null : "floor " + l.floor(),
                l.room() == null ? null : "room " + l.room(), l.street(), l.city());
    }

    /**
     * Everything known, in one line, as sent with an emergency call: "Reception desk, Room 4.12, Floor 4, Building B,
     * Main St 5, 10115 Berlin, BE, DE", leaving out what is unknown; null when nothing is.
     */
    public static String full(CivicAddress l) {
        String all = join(", ", l.description(), l.room() == null ? null : "Room " + l.room(),
                l.floor() == null ? null : "Floor " + l.floor(), l.building(), join(" ", l.street(), l.houseNumber()),
                join(" ", l.postalCode(), l.city()), l.region(), l.country());
        return all.isEmpty() ? null : all;
    }

    private static String join(String separator, String... parts) {
        return Stream.of(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(separator));
    }
}
