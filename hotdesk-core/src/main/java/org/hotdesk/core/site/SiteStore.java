package org.hotdesk.core.site;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Persistence port for sites. */
public interface SiteStore {
    Site insert(long tenantId, String name, CivicAddress location, Instant createdAt);

    Optional<Site> findById(long id);

    /** The site, its row locked until the transaction ends: no desk can be put there meanwhile. */
    Optional<Site> lockForUpdate(long id);

    Optional<Site> findByName(long tenantId, String name);

    List<Site> list(long tenantId);

    void setLocation(long id, CivicAddress location);

    void rename(long id, String name);

    /** How many desks (not removed ones) are at each of the tenant's sites; a site without desks is left out. */
    Map<Long, Integer> deskCounts(long tenantId);

    /** How many desks (not removed ones) are at the site. */
    int deskCount(long id);

    /** Deletes the site; desks removed earlier forget that they were there (current desks must have left it). */
    void delete(long id);
}
