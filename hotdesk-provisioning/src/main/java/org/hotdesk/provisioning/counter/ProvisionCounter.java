package org.hotdesk.provisioning.counter;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.audit.AuditLog;
import org.hotdesk.core.audit.AuditRecord;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceStore;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.transaction.Transactions;

/**
 * The B3Networks provision counter: every successful fetch of a device's settings counts; once the tenant's
 * limit (default 20) is reached, fetches are refused until an admin resets the counter. A phone that keeps
 * fetching (a loop, a cloned MAC, someone harvesting credentials) stops getting its password.
 * The lines of a gateway share one fetch, so they count together and are reset together.
 */
public final class ProvisionCounter {
    private final Transactions tx;
    private final DeviceStore devices;
    private final AuditLog audit;
    private final Clock clock;

    public ProvisionCounter(Transactions tx, DeviceStore devices, AuditLog audit, Clock clock) {
        this.tx = tx;
        this.devices = devices;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Counts one fetch of the settings of these devices (a phone, or all lines of a gateway); false, audited and
     * not counted, when the limit is already reached. A fetch the server asked for (its re-sync NOTIFY after a
     * login, a logout or an admin's edit) is served and not counted, even at the limit: the desk must follow its
     * sessions, and a shared desk changes hands many times a day.
     */
    public boolean count(Tenant tenant, List<Device> fetched, String source) {
        int limit = tenant.settings().provisioning().fetchLimit();
        return tx.inTransaction(() -> {
            Device first = devices.lockForUpdate(fetched.get(0).id()).orElseThrow();
            if (askedFor(fetched)) {
                audit.append(AuditRecord.of(tenant.id(), clock.instant(), Actor.device(first.mac().value()),
                        "provisioning.fetched", subject(first), "RESYNC",
                        "count=" + first.provisionCount() + " (asked by the server, not counted) source=" + source));
                return true;
            }
            if (first.provisionCount() >= limit) {
                audit.append(AuditRecord.of(tenant.id(), clock.instant(), Actor.device(first.mac().value()),
                        "provisioning.refused", subject(first), "LIMIT_REACHED",
                        "count=" + first.provisionCount() + " limit=" + limit + " source=" + source));
                return false;
            }
            int count = 0;
            for (Device d : fetched) {
                count = devices.countProvisioning(d.id());
            }
            audit.append(AuditRecord.of(tenant.id(), clock.instant(), Actor.device(first.mac().value()),
                    "provisioning.fetched", subject(first), null, "count=" + count + " source=" + source));
            return true;
        });
    }

    /**
     * Takes one re-sync request of the fetched devices. One only: a change to a whole gateway asks each registered
     * line, the gateway fetches once per NOTIFY, and each of those fetches is one that was asked for.
     */
    private boolean askedFor(List<Device> fetched) {
        for (Device d : fetched) {
            if (devices.takeResyncRequest(d.id())) return true;
        }
        return false;
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
        return tx.inTransaction(() -> {
            Set<Device> targets = new LinkedHashSet<>();
            for (long id : deviceIds) {
                Device d = devices.findById(id).filter(x -> x.tenantId() == tenantId)
                        .orElseThrow(() -> new NotFoundException("device", id));
                targets.addAll(d.isGatewayLine() ? devices.linesOf(d.gatewayId()) : List.of(d));
            }
            List<Device> reset = new ArrayList<>(targets);
            for (Device d : reset) {
                devices.resetProvisionCount(d.id());
                audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "provisioning.counter_reset",
                        subject(d), null, "was " + d.provisionCount()));
            }
            return reset.size();
        });
    }

    private static String subject(Device d) {
        return "device:" + d.id() + "/" + d.label();
    }
}
