package org.hotdesk.core.trunk;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.audit.AuditLog;
import org.hotdesk.core.audit.AuditRecord;
import org.hotdesk.core.error.ConflictException;
import org.hotdesk.core.error.HotdeskException;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.core.tenant.Cidr;
import org.hotdesk.core.transaction.Transactions;
import org.hotdesk.core.user.UserStore;

/** A tenant's inbound trunks and their DIDs: added, changed and removed by admins. */
public final class TrunkService {
    private final Transactions tx;
    private final TrunkStore trunks;
    private final UserStore users;
    private final TrunkDirectory directory;
    private final AuditLog audit;
    private final Clock clock;

    public TrunkService(Transactions tx, TrunkStore trunks, UserStore users, TrunkDirectory directory, AuditLog audit,
                        Clock clock) {
        this.tx = tx;
        this.trunks = trunks;
        this.users = users;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Adds a trunk.
     *
     * @param sourceCidrs the networks its INVITEs come from (at least one)
     * @param dids        each DID and the extension it rings
     */
    public Trunk create(long tenantId, String name, List<String> sourceCidrs, Map<String, String> dids, Actor actor) {
        Trunk created = tx.inTransaction(() -> {
            Checked c = check(tenantId, null, name, sourceCidrs, dids);
            Trunk trunk = trunks.insert(tenantId, c.name(), c.cidrs(), c.dids(), clock.instant());
            audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "trunk.created", subject(trunk), null,
                    describe(trunk)));
            return trunk;
        });
        directory.reload();
        return created;
    }

    /** Changes what is given (a null argument keeps that part): the DIDs given replace all of them. */
    public Trunk update(long tenantId, long trunkId, String name, List<String> sourceCidrs, Map<String, String> dids,
                        Actor actor) {
        Trunk updated = tx.inTransaction(() -> {
            Trunk current = get(tenantId, trunkId);
            Checked c = check(tenantId, trunkId, name == null ? current.name() : name,
                    sourceCidrs == null ? current.sourceCidrs() : sourceCidrs,
                    dids == null ? current.dids() : dids);
            trunks.update(trunkId, c.name(), c.cidrs(), c.dids());
            Trunk trunk = get(tenantId, trunkId);
            audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "trunk.changed", subject(trunk), null,
                    describe(trunk)));
            return trunk;
        });
        directory.reload();
        return updated;
    }

    public void remove(long tenantId, long trunkId, Actor actor) {
        tx.inTransaction(() -> {
            Trunk trunk = get(tenantId, trunkId);
            trunks.delete(trunkId);
            audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "trunk.removed", subject(trunk), null, null));
            return null;
        });
        directory.reload();
    }

    public Trunk get(long tenantId, long trunkId) {
        return trunks.findById(trunkId).filter(t -> t.tenantId() == tenantId)
                .orElseThrow(() -> new NotFoundException("trunk", trunkId));
    }

    public List<Trunk> list(long tenantId) {
        return trunks.list(tenantId);
    }

    /**
     * Everything that would stop {@link #create} (or, with {@code trunkId}, {@link #update} of that trunk), all at
     * once, so a form names every wrong field: the name, each network, each DID and its extension, a name or DID
     * already taken.
     */
    public List<HotdeskException> problemsOf(long tenantId, Long trunkId, String name, List<String> sourceCidrs,
                                             Map<String, String> dids) {
        List<HotdeskException> problems = new ArrayList<>();
        collect(tenantId, trunkId, name, sourceCidrs, dids, problems);
        return problems;
    }

    private record Checked(String name, List<String> cidrs, Map<PhoneNumber, String> dids) {
    }

    private Checked check(long tenantId, Long trunkId, String name, List<String> sourceCidrs, Map<String, String> dids) {
        List<HotdeskException> problems = new ArrayList<>();
        Checked checked = collect(tenantId, trunkId, name, sourceCidrs, dids, problems);
        if (!problems.isEmpty()) throw problems.get(0);
        return checked;
    }

    private Checked collect(long tenantId, Long trunkId, String name, List<String> sourceCidrs,
                            Map<String, String> dids, List<HotdeskException> problems) {
        String cleanName = null;
        if (name == null || name.isBlank()) {
            problems.add(new InvalidInputException("name", "is required"));
        } else if (name.trim().length() > 100) {
            problems.add(new InvalidInputException("name", "must be at most 100 characters"));
        } else {
            cleanName = name.trim();
            String n = cleanName;
            if (trunks.list(tenantId).stream().anyMatch(t -> t.name().equals(n) && !Objects.equals(t.id(), trunkId))) {
                problems.add(new ConflictException("trunk '" + cleanName + "' already exists"));
            }
        }
        List<String> cidrs = new ArrayList<>();
        if (sourceCidrs == null || sourceCidrs.isEmpty()) {
            problems.add(new InvalidInputException("sourceCidrs",
                    "at least one network is needed: the addresses the trunk's calls come from, e.g. 192.0.2.10/32"));
        } else {
            for (String raw : sourceCidrs) {
                try {
                    cidrs.add(Cidr.parse(raw, "sourceCidrs").toString());
                } catch (InvalidInputException e) {
                    problems.add(e);
                }
            }
        }
        Map<PhoneNumber, String> checkedDids = new LinkedHashMap<>();
        Map<String, String> seen = new HashMap<>();
        for (Map.Entry<String, String> did : (dids == null ? Map.<String, String>of() : dids).entrySet()) {
            PhoneNumber number;
            try {
                number = PhoneNumber.parse(did.getKey(), "dids");
            } catch (InvalidInputException e) {
                problems.add(e);
                continue;
            }
            String field = "dids." + number.text();
            if (seen.put(number.digits(), number.text()) != null) {
                problems.add(new InvalidInputException(field, number.text() + " is given twice"));
                continue;
            }
            String extension = did.getValue() == null ? "" : did.getValue().trim();
            if (extension.isEmpty()) {
                problems.add(new InvalidInputException(field, "names no extension to ring"));
                continue;
            }
            if (users.findByExtension(tenantId, extension).isEmpty()) {
                problems.add(new InvalidInputException(field, "no one has extension " + extension));
                continue;
            }
            Optional<Trunk> holder = trunks.findByDid(number).filter(t -> !Objects.equals(t.id(), trunkId));
            if (holder.isPresent()) {
                problems.add(new ConflictException("DID " + number.text() + " is already on "
                        + (holder.get().tenantId() == tenantId ? "trunk '" + holder.get().name() + "'"
                                : "another company's trunk") + "; a number can ring only one place"));
                continue;
            }
            checkedDids.put(number, extension);
        }
        return new Checked(cleanName, cidrs, checkedDids);
    }

    private static String subject(Trunk trunk) {
        return "trunk:" + trunk.id() + "/" + trunk.name();
    }

    private static String describe(Trunk trunk) {
        return "sources=" + String.join(",", trunk.sourceCidrs()) + " dids=" + trunk.dids().size();
    }
}
