package org.hotdesk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.hotdesk.core.site.CivicAddress;
import org.jdbi.v3.core.statement.SqlStatement;

/** The {@code loc_*} columns a civic location is kept in, on devices and on emergency alerts alike. */
final class CivicAddressColumns {
    private CivicAddressColumns() {
    }

    /** The {@code SET} list of an UPDATE that writes a location bound by {@link #bind}. */
    static final String SET = """
            loc_description = :description, loc_country = :country, loc_region = :region, loc_city = :city,
            loc_street = :street, loc_house_number = :houseNumber, loc_postal_code = :postalCode,
            loc_building = :building, loc_floor = :floor, loc_room = :room, loc_callback = :callback""";

    static CivicAddress read(ResultSet rs) throws SQLException {
        return new CivicAddress(rs.getString("loc_description"), rs.getString("loc_country"), rs.getString("loc_region"),
                rs.getString("loc_city"), rs.getString("loc_street"), rs.getString("loc_house_number"),
                rs.getString("loc_postal_code"), rs.getString("loc_building"), rs.getString("loc_floor"),
                rs.getString("loc_room"), rs.getString("loc_callback"));
    }

    /** Binds {@code :description, :country, … :room, :callback}. */
    static <S extends SqlStatement<S>> S bind(S statement, CivicAddress l) {
        return statement.bind("description", l.description()).bind("country", l.country()).bind("region", l.region())
                .bind("city", l.city()).bind("street", l.street()).bind("houseNumber", l.houseNumber())
                .bind("postalCode", l.postalCode()).bind("building", l.building()).bind("floor", l.floor())
                .bind("room", l.room()).bind("callback", l.callbackNumber());
    }
}
