package org.hotdesk.core.site;

import java.time.Clock;
import java.util.List;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.audit.AuditLog;
import org.hotdesk.core.audit.AuditRecord;
import org.hotdesk.core.error.ConflictException;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.core.transaction.Transactions;

/** Sites and the location a desk really has: its own fields, the rest from its site. */
public final class SiteService {
    private final Transactions tx;
    private final SiteStore sites;
    private final AuditLog audit;
    private final Clock clock;

    public SiteService(Transactions tx, SiteStore sites, AuditLog audit, Clock clock) {
        this.tx = tx;
        this.sites = sites;
        this.audit = audit;
        this.clock = clock;
    }

    public Site create(long tenantId, String name, CivicAddress location, Actor actor) {
        String clean = requireName(name);
        return tx.inTransaction(() -> {
            if (sites.findByName(tenantId, clean).isPresent()) {
                throw new ConflictException("site '" + clean + "' already exists");
            }
            Site site = sites.insert(tenantId, clean, location == null ? CivicAddress.NONE : location, clock.instant());
            audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "site.created", subject(site), null, null));
            return site;
        });
    }

    public Site setLocation(long tenantId, long siteId, CivicAddress location, Actor actor) {
        return tx.inTransaction(() -> {
            Site site = get(tenantId, siteId);
            sites.setLocation(site.id(), location == null ? CivicAddress.NONE : location);
            audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "site.location_changed", subject(site), null, null));
            return get(tenantId, siteId);
        });
    }

    public Site get(long tenantId, long siteId) {
        return sites.findById(siteId).filter(s -> s.tenantId() == tenantId)
                .orElseThrow(() -> new NotFoundException("site", siteId));
    }

    public Site byName(long tenantId, String name) {
        return sites.findByName(tenantId, requireName(name))
                .orElseThrow(() -> new NotFoundException("site", name));
    }

    public List<Site> list(long tenantId) {
        return sites.list(tenantId);
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) throw new InvalidInputException("name", "is required");
        String clean = name.trim();
        if (clean.length() > 100) throw new InvalidInputException("name", "must be at most 100 characters");
        return clean;
    }

    private static String subject(Site site) {
        return "site:" + site.id() + "/" + site.name();
    }
}
