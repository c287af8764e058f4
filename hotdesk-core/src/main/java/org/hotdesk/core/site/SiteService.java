package org.hotdesk.core.site;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.audit.AuditLog;
import org.hotdesk.core.audit.AuditRecord;
import org.hotdesk.core.error.ConflictException;
import org.hotdesk.core.error.HotdeskException;
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
            requireFree(tenantId, clean, null);
            Site site = sites.insert(tenantId, clean, location == null ? CivicAddress.NONE : location, clock.instant());
            audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "site.created", subject(site), null, null));
            return site;
        });
    }

    /**
     * Everything that would stop {@link #create} (or, with {@code siteId}, {@link #update} of that site) for these
     * fields, all at once, so a form names every wrong field: the name, each address field, a name already taken.
     *
     * @param address the address fields by their names in {@link CivicAddress#FIELDS}
     */
    public List<HotdeskException> problemsOf(long tenantId, Long siteId, String name, Function<String, String> address) {
        List<HotdeskException> problems = new ArrayList<>();
        try {
            String clean = requireName(name);
            sites.findByName(tenantId, clean).filter(s -> !Objects.equals(s.id(), siteId))
                    .ifPresent(s -> problems.add(taken(clean)));
        } catch (InvalidInputException e) {
            problems.add(e);
        }
        problems.addAll(CivicAddress.problemsOf(address));
        return problems;
    }

    public Site setLocation(long tenantId, long siteId, CivicAddress location, Actor actor) {
        return update(tenantId, siteId, null, location == null ? CivicAddress.NONE : location, actor);
    }

    /**
     * Renames the site and (or) replaces its address; null keeps that part. Desks at the site take the new address
     * at once, for every field they leave empty.
     */
    public Site update(long tenantId, long siteId, String name, CivicAddress location, Actor actor) {
        String clean = name == null ? null : requireName(name);
        return tx.inTransaction(() -> {
            Site site = get(tenantId, siteId);
            if (clean != null && !clean.equals(site.name())) {
                requireFree(tenantId, clean, siteId);
                sites.rename(siteId, clean);
                audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "site.renamed", subject(site), null,
                        "name=" + clean));
            }
            if (location != null && !location.equals(site.location())) {
                sites.setLocation(siteId, location);
                audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "site.location_changed",
                        "site:" + siteId + "/" + (clean == null ? site.name() : clean), null, null));
            }
            return get(tenantId, siteId);
        });
    }

    /** Removes a site no desk is at any more; while desks are there it is refused, saying how many. */
    public void remove(long tenantId, long siteId, Actor actor) {
        tx.inTransaction(() -> {
            Site site = sites.lockForUpdate(siteId).filter(s -> s.tenantId() == tenantId)
                    .orElseThrow(() -> new NotFoundException("site", siteId));
            int desks = sites.deskCount(siteId);
            if (desks > 0) {
                throw new ConflictException("site '" + site.name() + "' is still the site of " + desks
                        + (desks == 1 ? " desk" : " desks") + ": move " + (desks == 1 ? "it" : "them")
                        + " to another site (or to none) first");
            }
            sites.delete(siteId);
            audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "site.removed", subject(site), null, null));
            return null;
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

    /** How many desks are at each of the tenant's sites, by site id; a site without desks is not in the map. */
    public Map<Long, Integer> deskCounts(long tenantId) {
        return sites.deskCounts(tenantId);
    }

    /** How many desks are at the site. */
    public int deskCount(long tenantId, long siteId) {
        return sites.deskCount(get(tenantId, siteId).id());
    }

    private void requireFree(long tenantId, String name, Long siteId) {
        if (sites.findByName(tenantId, name).filter(s -> !Objects.equals(s.id(), siteId)).isPresent()) {
            throw taken(name);
        }
    }

    private static ConflictException taken(String name) {
        return new ConflictException("site '" + name + "' already exists");
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
