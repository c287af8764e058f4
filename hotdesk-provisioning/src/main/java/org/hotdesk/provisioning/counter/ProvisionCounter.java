package org.hotdesk.provisioning.counter;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.audit.AuditLog;
import org.hotdesk.core.audit.AuditRecord;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceStore;
import org.hotdesk.core.device.GatewayStore;
import org.hotdesk.core.device.ProvisionCountStore;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.core.event.DeviceEvent;
import org.hotdesk.core.event.ResyncRequestStore;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.transaction.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The B3Networks provision counter: every successful fetch of a device's settings counts; once the tenant's
 * limit (default 20) is reached, fetches are refused until an admin resets the counter. A phone that keeps
 * fetching (a loop, a cloned MAC, someone harvesting credentials) stops getting its password.
 * The lines of a gateway share one fetch, so they count together and are reset together.
 *
 * <p>Counts are held in memory (loaded from the devices table on a desk's first fetch) and written behind in
 * batches by {@link #flush} (every second, and at shutdown: {@link CountWriter}); a crash loses at most the fetches
 * of the last second, which a phone then gets once more. The limit is exact per desk within this process; while
 * other servers count on the same database (a cluster's live nodes), each fetch is counted in the database instead,
 * so it is exact across them. An admin
 * reset here takes effect at once; one made by another process (the command line) shows at the next write-behind
 * of that desk: each write reads the stored counts back, and a desk at its limit is read back every time.
 */
public final class ProvisionCounter {
    private static final Logger log = LoggerFactory.getLogger(ProvisionCounter.class);

    private final Transactions tx;
    private final DeviceStore devices;
    private final GatewayStore gateways;
    private final ProvisionCountStore countStore;
    private final ResyncRequestStore resyncs;
    private final AuditLog audit;
    private final Clock clock;
    private final java.util.function.BooleanSupplier exactAcrossServers;
    private final ConcurrentHashMap<Long, DeskCount> counts = new ConcurrentHashMap<>();
    /** The desk each counted device belongs to: a phone is its own desk, a gateway line its gateway's first line. */
    private final ConcurrentHashMap<Long, Long> deskOf = new ConcurrentHashMap<>();
    /** One write-behind at a time, and none while a reset is written: a reset must not be undone by old counts. */
    private final ReentrantLock writing = new ReentrantLock();

    public ProvisionCounter(Transactions tx, DeviceStore devices, GatewayStore gateways, ProvisionCountStore countStore,
                            ResyncRequestStore resyncs, AuditLog audit, Clock clock) {
        this(tx, devices, gateways, countStore, resyncs, audit, clock, () -> false);
    }

    /**
     * @param exactAcrossServers whether other servers count fetches on the same database now (the live nodes of a
     *                           cluster): then each fetch is counted in the database, so the limit holds across them
     */
    public ProvisionCounter(Transactions tx, DeviceStore devices, GatewayStore gateways, ProvisionCountStore countStore,
                            ResyncRequestStore resyncs, AuditLog audit, Clock clock,
                            java.util.function.BooleanSupplier exactAcrossServers) {
        this.exactAcrossServers = exactAcrossServers;
        this.tx = tx;
        this.devices = devices;
        this.gateways = gateways;
        this.countStore = countStore;
        this.resyncs = resyncs;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Counts one fetch of the settings of these devices (a phone, or all lines of a gateway); false, and not
     * counted, when the limit is already reached (audited at the first refusal after the count was below the limit,
     * not at every retry of a phone stuck there). A fetch the server asked for (its re-sync NOTIFY after a login, a
     * logout or an admin's edit) is served and not counted, even at the limit: the desk must follow its sessions,
     * and a shared desk changes hands many times a day.
     */
    public boolean count(Tenant tenant, List<Device> fetched, String source) {
        return count(tenant.id(), tenant.settings().provisioning().fetchLimit(), fetched, source);
    }

    /** As {@link #count(Tenant, List, String)}, with the tenant's id and limit. */
    public boolean count(long tenantId, int limit, List<Device> fetched, String source) {
        Device first = fetched.get(0);
        DeskCount c = deskCount(fetched);
        synchronized (c) {
            if (c.resync != DeskCount.Resync.NONE) {
                if (askedFor(fetched)) {
                    // rare (once per re-sync), and the admin's answer to "why did this fetch not count"
                    audit.append(AuditRecord.of(tenantId, clock.instant(), Actor.device(first.mac().value()),
                            "provisioning.fetched", subject(first), "RESYNC",
                            "count=" + c.value + " (asked by the server, not counted) source=" + source));
                    // a gateway's other lines may hold a request too: the next fetch asks again
                    return true;
                }
                c.resync = DeskCount.Resync.NONE;
            }
            if (exactAcrossServers.getAsBoolean()) {
                return countInDatabase(tenantId, limit, fetched, source, c);
            }
            if (c.value >= limit) {
                refuse(tenantId, limit, first, source, c);
                return false;
            }
            if (c.lines.size() != fetched.size()) {
                // a line was added to the gateway since
                c.lines = ids(fetched);
                c.lines.forEach(id -> deskOf.put(id, c.key));
            }
            c.value++;
            c.unwritten++;
            return true;
        }
    }

    /**
     * Another server counts this tenant's desks too (a cluster: a phone's fetches may reach any node): the stored
     * row decides, so the limit holds across the servers, at the price of a database write per fetch. What was
     * counted here before (one server alone, written behind) goes to the database first.
     */
    private boolean countInDatabase(long tenantId, int limit, List<Device> fetched, String source, DeskCount c) {
        if (c.lines.size() != fetched.size()) {
            c.lines = ids(fetched);
            c.lines.forEach(id -> deskOf.put(id, c.key));
        }
        int pending = c.unwritten;
        int result = tx.inTransaction(() -> {
            if (pending > 0) {
                Map<Long, Integer> add = new HashMap<>();
                for (long id : c.lines) add.put(id, pending);
                countStore.addProvisionCounts(add);
            }
            return countStore.countIfBelow(c.key, c.lines, limit);
        });
        c.unwritten = 0;
        if (result < 0) {
            setValue(c, -result - 1);
            refuse(tenantId, limit, fetched.get(0), source, c);
            return false;
        }
        setValue(c, result);
        return true;
    }

    /** At the limit: audited at the first refusal after the count was below it, not at every retry. */
    private void refuse(long tenantId, int limit, Device first, String source, DeskCount c) {
        c.refusedSinceWrite = true;
        if (!c.refusing) {
            c.refusing = true;
            audit.append(AuditRecord.of(tenantId, clock.instant(), Actor.device(first.mac().value()),
                    "provisioning.refused", subject(first), "LIMIT_REACHED",
                    "count=" + c.value + " limit=" + limit + " source=" + source
                            + " (further refusals until a reset are not audited)"));
            log.warn("provisioning: provision counter limit reached tenant={} mac={} count={} source={}",
                    tenantId, first.mac(), c.value, source);
        } else {
            log.debug("provisioning: still at the limit tenant={} mac={} source={}", tenantId, first.mac(), source);
        }
    }

    /**
     * The server asked the device to fetch again (every {@link DeviceEvent} follows such a request): its next fetch
     * asks the database whether it is the one asked for. Call before the phone is told (subscribe first).
     */
    public void onDeviceEvent(DeviceEvent event) {
        Long desk = deskOf.get(event.device().id());
        DeskCount c = desk == null ? null : counts.get(desk);
        if (c != null) {
            synchronized (c) {
                c.resync = DeskCount.Resync.REQUESTED;
            }
        }
    }

    /**
     * Takes one re-sync request of the fetched devices. One only: a change to a whole gateway asks each registered
     * line, the gateway fetches once per NOTIFY, and each of those fetches is one that was asked for.
     */
    private boolean askedFor(List<Device> fetched) {
        for (Device d : fetched) {
            if (resyncs.takeResyncRequest(d.id())) return true;
        }
        return false;
    }

    private DeskCount deskCount(List<Device> fetched) {
        long key = fetched.get(0).id();
        DeskCount held = counts.get(key);
        if (held != null) {
            return held;
        }
        // outside the map's lock: a database read; two first fetches at once load twice and one load wins
        int stored = devices.findById(key).map(Device::provisionCount).orElse(fetched.get(0).provisionCount());
        DeskCount loaded = new DeskCount(key, ids(fetched), stored);
        DeskCount raced = counts.putIfAbsent(key, loaded);
        if (raced != null) {
            return raced;
        }
        loaded.lines.forEach(id -> deskOf.put(id, key));
        return loaded;
    }

    /**
     * Writes the fetches counted since the last call, in one transaction, and reads the stored counts of those desks
     * (and of desks at their limit) back, so a reset made by another process takes effect here. Called every
     * second and at shutdown; on a database error the counts stay unwritten for the next call.
     *
     * @return how many desks were written or read back
     */
    public int flush() {
        writing.lock();
        try {
            Map<Long, Integer> add = new HashMap<>();
            Map<DeskCount, Integer> taken = new HashMap<>();
            for (DeskCount c : counts.values()) {
                synchronized (c) {
                    if (c.unwritten == 0 && !c.refusedSinceWrite && !c.refusing) {
                        continue;
                    }
                    taken.put(c, c.unwritten);
                    for (long id : c.lines) {
                        add.merge(id, c.unwritten, Integer::sum);
                    }
                    add.putIfAbsent(c.key, 0);
                    c.unwritten = 0;
                    c.refusedSinceWrite = false;
                }
            }
            if (taken.isEmpty()) {
                return 0;
            }
            Map<Long, Integer> stored;
            try {
                stored = tx.inTransaction(() -> countStore.addProvisionCounts(add));
            } catch (RuntimeException e) {
                taken.forEach((c, n) -> {
                    synchronized (c) {
                        c.unwritten += n;
                    }
                });
                throw e;
            }
            taken.forEach((c, n) -> {
                synchronized (c) {
                    Integer now = stored.get(c.key);
                    if (now != null) {
                        // what is stored, plus what was counted here while it was written
                        setValue(c, now + c.unwritten);
                    }
                }
            });
            return taken.size();
        } finally {
            writing.unlock();
        }
    }

    private static void setValue(DeskCount c, int value) {
        if (value < c.value) {
            c.refusing = false;
        }
        c.value = value;
    }

    /** Resets one device's counter (all lines, for a gateway line). */
    public void reset(long tenantId, long deviceId, Actor actor) {
        resetAll(tenantId, List.of(deviceId), actor);
    }

    /**
     * B3 "Bulk Reset Provision Counter": every id is checked first, so one unknown id changes nothing.
     *
     * @return how many devices were reset (gateway lines included)
     */
    public int resetAll(long tenantId, List<Long> deviceIds, Actor actor) {
        if (deviceIds == null || deviceIds.isEmpty()) {
            throw new InvalidInputException("devices", "name at least one device");
        }
        writing.lock();
        try {
            List<Device> reset = tx.inTransaction(() -> {
                Set<Device> targets = new LinkedHashSet<>();
                for (long id : deviceIds) {
                    Device d = devices.findById(id).filter(x -> x.tenantId() == tenantId)
                            .orElseThrow(() -> new NotFoundException("device", id));
                    targets.addAll(d.isGatewayLine() ? gateways.linesOf(d.gatewayId()) : List.of(d));
                }
                List<Device> done = new ArrayList<>(targets);
                for (Device d : done) {
                    countStore.resetProvisionCount(d.id());
                    audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "provisioning.counter_reset",
                            subject(d), null, "was " + current(d)));
                }
                return done;
            });
            // committed: what was counted here before the reset and not yet written goes with it
            for (Device d : reset) {
                DeskCount c = counts.get(deskOf.getOrDefault(d.id(), d.id()));
                if (c != null) {
                    synchronized (c) {
                        c.unwritten = 0;
                        setValue(c, 0);
                    }
                }
            }
            return reset.size();
        } finally {
            writing.unlock();
        }
    }

    /** The count as this process knows it: stored, plus counted here and not yet written. */
    private int current(Device d) {
        DeskCount c = counts.get(deskOf.getOrDefault(d.id(), d.id()));
        if (c == null) {
            return d.provisionCount();
        }
        synchronized (c) {
            return c.value;
        }
    }

    private static List<Long> ids(List<Device> fetched) {
        List<Long> ids = new ArrayList<>(fetched.size());
        for (Device d : fetched) {
            ids.add(d.id());
        }
        return List.copyOf(ids);
    }

    private static String subject(Device d) {
        return "device:" + d.id() + "/" + d.label();
    }
}
