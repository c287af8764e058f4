package org.hotdesk.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.site.Site;
import org.hotdesk.core.site.SiteStore;
import org.jdbi.v3.core.mapper.RowMapper;

public final class JdbiSiteStore implements SiteStore {
    private static final RowMapper<Site> SITE = (rs, ctx) -> new Site(rs.getLong("id"), rs.getLong("tenant_id"),
            rs.getString("name"), CivicAddressColumns.read(rs), Columns.instant(rs, "created_at"));

    private final JdbiTransactions db;

    public JdbiSiteStore(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public Site insert(long tenantId, String name, CivicAddress location, Instant createdAt) {
        long id = db.withHandle(h -> CivicAddressColumns.bind(h.createUpdate("""
                        INSERT INTO sites (tenant_id, name, loc_description, loc_country, loc_region, loc_city, loc_street,
                          loc_house_number, loc_postal_code, loc_building, loc_floor, loc_room, loc_callback, created_at)
                        VALUES (:tenant, :name, :description, :country, :region, :city, :street, :houseNumber,
                          :postalCode, :building, :floor, :room, :callback, :createdAt)"""), location)
                .bind("tenant", tenantId).bind("name", name).bind("createdAt", createdAt)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return findById(id).orElseThrow();
    }

    @Override
    public Optional<Site> findById(long id) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM sites WHERE id = :id").bind("id", id).map(SITE).findOne());
    }

    @Override
    public Optional<Site> findByName(long tenantId, String name) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM sites WHERE tenant_id = :tenant AND name = :name")
                .bind("tenant", tenantId).bind("name", name).map(SITE).findOne());
    }

    @Override
    public List<Site> list(long tenantId) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM sites WHERE tenant_id = :tenant ORDER BY name")
                .bind("tenant", tenantId).map(SITE).list());
    }

    @Override
    public void setLocation(long id, CivicAddress location) {
        db.withHandle(h -> CivicAddressColumns.bind(
                        h.createUpdate("UPDATE sites SET " + CivicAddressColumns.SET + " WHERE id = :id"), location)
                .bind("id", id).execute());
    }

    @Override
    public Optional<Site> lockForUpdate(long id) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM sites WHERE id = :id FOR UPDATE").bind("id", id)
                .map(SITE).findOne());
    }

    @Override
    public void rename(long id, String name) {
        db.withHandle(h -> h.createUpdate("UPDATE sites SET name = :name WHERE id = :id").bind("id", id)
                .bind("name", name).execute());
    }

    @Override
    public Map<Long, Integer> deskCounts(long tenantId) {
        return db.withHandle(h -> {
            Map<Long, Integer> counts = new HashMap<>();
            h.createQuery("""
                            SELECT site_id, COUNT(*) AS desks FROM devices
                            WHERE tenant_id = :tenant AND site_id IS NOT NULL AND removed_at IS NULL GROUP BY site_id""")
                    .bind("tenant", tenantId)
                    .map((rs, ctx) -> Map.entry(rs.getLong("site_id"), rs.getInt("desks")))
                    .forEach(e -> counts.put(e.getKey(), e.getValue()));
            return counts;
        });
    }

    @Override
    public int deskCount(long id) {
        return db.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM devices WHERE site_id = :id AND removed_at IS NULL")
                .bind("id", id).mapTo(Integer.class).one());
    }

    @Override
    public void delete(long id) {
        db.withHandle(h -> {
            // removed desks keep their row (history names them) and with it the reference the key would defend
            h.createUpdate("UPDATE devices SET site_id = NULL WHERE site_id = :id AND removed_at IS NOT NULL")
                    .bind("id", id).execute();
            return h.createUpdate("DELETE FROM sites WHERE id = :id").bind("id", id).execute();
        });
    }
}
