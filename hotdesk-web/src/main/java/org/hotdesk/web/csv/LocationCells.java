package org.hotdesk.web.csv;

import java.util.ArrayList;
import java.util.List;
import org.hotdesk.core.site.CivicAddress;

/** The location columns shared by the device and gateway line files, in the order the files use. */
final class LocationCells {
    static final List<String> COLUMNS = List.of("description", "country", "region", "city", "street", "house_number",
            "postal_code", "building", "floor", "room", "callback_number");

    private LocationCells() {
    }

    static List<String> write(CivicAddress l) {
        List<String> cells = new ArrayList<>();
        cells.add(l.description());
        cells.add(l.country());
        cells.add(l.region());
        cells.add(l.city());
        cells.add(l.street());
        cells.add(l.houseNumber());
        cells.add(l.postalCode());
        cells.add(l.building());
        cells.add(l.floor());
        cells.add(l.room());
        cells.add(l.callbackNumber());
        return cells;
    }

    /** The row's location: each column the file has replaces the current value; the others stay. */
    static CivicAddress read(CsvRow row, CivicAddress current, CsvProblems problems) {
        CivicAddress c = current == null ? CivicAddress.NONE : current;
        return problems.check(row.line(), "location", () -> new CivicAddress(row.getOr("description", c.description()),
                row.getOr("country", c.country()), row.getOr("region", c.region()), row.getOr("city", c.city()),
                row.getOr("street", c.street()), row.getOr("house_number", c.houseNumber()),
                row.getOr("postal_code", c.postalCode()), row.getOr("building", c.building()),
                row.getOr("floor", c.floor()), row.getOr("room", c.room()),
                row.getOr("callback_number", c.callbackNumber())));
    }
}
