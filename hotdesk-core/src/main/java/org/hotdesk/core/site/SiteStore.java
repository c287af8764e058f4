package org.hotdesk.core.site;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persistence port for sites. */
public interface SiteStore {
    Site insert(long tenantId, String name, CivicAddress location, Instant createdAt);

    Optional<Site> findById(long id);

    Optional<Site> findByName(long tenantId, String name);

    List<Site> list(long tenantId);

    void setLocation(long id, CivicAddress location);
}
