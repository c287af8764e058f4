package org.hotdesk.core.device;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.audit.AuditLog;
import org.hotdesk.core.audit.AuditRecord;
import org.hotdesk.core.error.ConflictException;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.core.policy.DevicePolicyOverride;
import org.hotdesk.core.policy.SessionPolicy;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.site.Site;
import org.hotdesk.core.site.SiteStore;
import org.hotdesk.core.tenant.TenantService;
import org.hotdesk.core.transaction.Transactions;

/**
 * Adding, changing and removing desks: shared phones, and the lines of PSTN gateways as far as each is a desk
 * (a gateway itself is {@link GatewayService}'s, imports are {@link DeviceImport}'s).
 */
public final class DeviceService {
    private final Transactions tx;
    private final DeviceStore devices;
    private final SiteStore sites;
    private final TenantService tenants;
    private final DeviceAccounts accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final DeviceListener listener;

    public DeviceService(Transactions tx, DeviceStore devices, SiteStore sites, TenantService tenants,
                         DeviceAccounts accounts, AuditLog audit, Clock clock, DeviceListener listener) {
        this.tx = tx;
        this.devices = devices;
        this.sites = sites;
        this.tenants = tenants;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.listener = listener;
    }

    /** Adds a desk at a site (null: at none); a desk whose site cannot be set is not left behind. */
    public Device add(long tenantId, NewDevice request, Site site, Actor actor) {
        return tx.inTransaction(() -> {
            Device added = add(tenantId, request, actor);
            return site == null ? added : setSite(tenantId, added.id(), site, actor);
        });
    }

    /** Adds a phone with a freshly generated device account; the answer is the only place its password is shown to an admin. */
    public Device add(long tenantId, NewDevice request, Actor actor) {
        request.provisioning().mode().requireAllowedBy(tenants.get(tenantId).settings());
        return tx.inTransaction(() -> {
            requireFreeMac(request.mac());
            Device device = devices.insert(tenantId, request, 0, null, accounts.username(request.mac(), 0),
                    accounts.password(), clock.instant());
            audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "device.added", subject(device), null,
                    "name=" + device.name() + " vendor=" + device.vendor().id()));
            return device;
        });
    }

    public Device get(long tenantId, long deviceId) {
        return devices.findById(deviceId).filter(d -> d.tenantId() == tenantId)
                .orElseThrow(() -> new NotFoundException("device", deviceId));
    }

    public Device byMac(long tenantId, MacAddress mac, int linePort) {
        return devices.findByMac(mac, linePort).filter(d -> d.tenantId() == tenantId)
                .orElseThrow(() -> new NotFoundException("device", mac.colonSeparated() + (linePort == 0 ? "" : " port " + linePort)));
    }

    /** Where the desk is for an emergency call: each field the desk leaves empty comes from its site. */
    public CivicAddress addressOf(Device device) {
        if (device.siteId() == null) return device.location();
        return sites.findById(device.siteId()).map(s -> device.location().withDefaults(s.location()))
                .orElse(device.location());
    }

    /** The desk with this id in any tenant, if not removed: for ids the caller already holds (a session's desk). */
    public Optional<Device> findById(long deviceId) {
        return devices.findById(deviceId);
    }

    /** The desk with this MAC (and line port; 0 for a phone), in any tenant: a MAC is global. */
    public Optional<Device> findByMac(MacAddress mac, int linePort) {
        return devices.findByMac(mac, linePort);
    }

    /** The desk whose device account this is (the registrar's look-up; served from memory). */
    public Optional<Device> findBySipUsername(String sipUsername) {
        return devices.findBySipUsername(sipUsername);
    }

    /** Whether any phone or gateway of any tenant has this MAC. */
    public boolean macInUse(MacAddress mac) {
        return devices.macInUse(mac);
    }

    public List<Device> list(long tenantId) {
        return devices.list(tenantId);
    }

    /**
     * Changes how the desk's configuration is rendered (mode, SIP profile, domain, NTP); a registered phone is told
     * to fetch it again. A gateway line takes its gateway's profile: change that with {@link #setGatewayProvisioning}.
     */
    public Device setProvisioning(long tenantId, long deviceId, DeviceProvisioning provisioning, Actor actor) {
        return tx.inTransaction(() -> {
            Device changed = writeProvisioning(tenantId, deviceId, provisioning, actor);
            listener.configChanged(changed, "provisioning");
            return changed;
        });
    }

    private Device writeProvisioning(long tenantId, long deviceId, DeviceProvisioning provisioning, Actor actor) {
        if (provisioning == null) throw new InvalidInputException("provisioning", "is required");
        return tx.inTransaction(() -> {
            Device device = devices.lockForUpdate(deviceId).filter(d -> d.tenantId() == tenantId)
                    .orElseThrow(() -> new NotFoundException("device", deviceId));
            if (device.isGatewayLine()) {
                throw new InvalidInputException("device", device.label() + " is a gateway line; change its gateway "
                        + device.mac().colonSeparated() + " instead");
            }
            device.vendor().requireSupports(provisioning.mode());
            if (provisioning.mode() != device.provisioning().mode()) {
                provisioning.mode().requireAllowedBy(tenants.get(tenantId).settings());
            }
            devices.setProvisioning(deviceId, provisioning);
            audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "device.provisioning_changed", subject(device),
                    null, provisioning.auditText()));
            return get(tenantId, deviceId);
        });
    }

    /** Removes a device; a user logged in there is logged out with {@code DEVICE_REMOVED}. History is kept. */
    public void remove(long tenantId, long deviceId, Actor actor) {
        tx.run(() -> {
            Device device = get(tenantId, deviceId);
            listener.removing(device, actor);
            // announced like an edit, also from the command line, so the server stops serving its configuration
            listener.configChanged(device, "device removed");
            devices.markRemoved(deviceId, clock.instant());
            audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "device.removed", subject(device), null, null));
        });
    }

    /** Renames the desk (an idle desk shows its name) and corrects its model; a null model leaves it unknown. */
    public Device rename(long tenantId, long deviceId, String name, String model, Actor actor) {
        return tx.inTransaction(() -> {
            Device renamed = writeName(tenantId, deviceId, name, model, actor);
            listener.configChanged(renamed, "desk name");
            return renamed;
        });
    }

    private Device writeName(long tenantId, long deviceId, String name, String model, Actor actor) {
        return tx.inTransaction(() -> {
            Device device = devices.lockForUpdate(deviceId).filter(d -> d.tenantId() == tenantId)
                    .orElseThrow(() -> new NotFoundException("device", deviceId));
            // the same rules as a new device: NewDevice checks name and model
            NewDevice checked = new NewDevice(device.mac(), name, device.vendor(), model, null, null);
            devices.setName(deviceId, checked.name(), checked.model());
            audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "device.renamed", subject(device), null,
                    "name=" + checked.name() + (checked.model() == null ? "" : " model=" + checked.model())));
            return get(tenantId, deviceId);
        });
    }

    /** A disabled device refuses logins; disabling it logs out whoever is there. */
    public Device setEnabled(long tenantId, long deviceId, boolean enabled, Actor actor) {
        Device result = tx.inTransaction(() -> {
            Device device = devices.lockForUpdate(deviceId).filter(d -> d.tenantId() == tenantId)
                    .orElseThrow(() -> new NotFoundException("device", deviceId));
            if (!enabled) {
                listener.logoutRequested(device, actor);
            }
            devices.setEnabled(deviceId, enabled);
            audit.append(AuditRecord.of(tenantId, clock.instant(), actor, enabled ? "device.enabled" : "device.disabled",
                    subject(device), null, null));
            return get(tenantId, deviceId);
        });
        return result;
    }

    /** Changes this device's timer overrides; a session open on it gets its timers recomputed. */
    public Device setPolicy(long tenantId, long deviceId, DevicePolicyOverride policy, Actor actor) {
        return tx.inTransaction(() -> {
            Device device = devices.lockForUpdate(deviceId).filter(d -> d.tenantId() == tenantId)
                    .orElseThrow(() -> new NotFoundException("device", deviceId));
            devices.setPolicy(deviceId, policy == null ? DevicePolicyOverride.NONE : policy);
            audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "device.policy_changed", subject(device), null,
                    String.valueOf(policy)));
            listener.policyChanged(deviceId);
            return get(tenantId, deviceId);
        });
    }

    /** The timers a session at this desk runs by: the desk's overrides, the tenant's settings for the rest. */
    public SessionPolicy effectiveTimers(Device device) {
        return tenants.get(device.tenantId()).settings().sessionPolicy().overriddenBy(device.policy());
    }

    /**
     * Gives the desk's device account a new random password: REGISTERs with the old one fail from now on, and the
     * phone is told to fetch its configuration, which carries the new one. The answer is the only place it is shown.
     */
    public Device resetSipPassword(long tenantId, long deviceId, Actor actor) {
        return tx.inTransaction(() -> {
            Device device = devices.lockForUpdate(deviceId).filter(d -> d.tenantId() == tenantId)
                    .orElseThrow(() -> new NotFoundException("device", deviceId));
            devices.setSipPassword(deviceId, accounts.password());
            // never the password itself in the audit trail
            audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "device.sip_password_reset", subject(device),
                    null, "account=" + device.sipUsername()));
            Device changed = get(tenantId, deviceId);
            listener.configChanged(changed, "SIP password");
            return changed;
        });
    }

    /** Where the desk is, for emergency calls from it; audited, as responders are sent by it. */
    public Device setLocation(long tenantId, long deviceId, CivicAddress location, Actor actor) {
        return tx.inTransaction(() -> {
            Device device = devices.lockForUpdate(deviceId).filter(d -> d.tenantId() == tenantId)
                    .orElseThrow(() -> new NotFoundException("device", deviceId));
            CivicAddress changed = location == null ? CivicAddress.NONE : location;
            devices.setLocation(deviceId, changed);
            audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "device.location_changed", subject(device),
                    null, changed.isDispatchable() ? null : "no emergency location"));
            return get(tenantId, deviceId);
        });
    }

    /** Puts the desk at a site (null: at none); the site's location fills what the desk's own leaves empty. */
    public Device setSite(long tenantId, long deviceId, Site site, Actor actor) {
        if (site != null && site.tenantId() != tenantId) throw new NotFoundException("site", site.id());
        return tx.inTransaction(() -> {
            Device device = devices.lockForUpdate(deviceId).filter(d -> d.tenantId() == tenantId)
                    .orElseThrow(() -> new NotFoundException("device", deviceId));
            devices.setSite(deviceId, site == null ? null : site.id());
            audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "device.site_changed", subject(device), null,
                    site == null ? "no site" : "site=" + site.name()));
            return get(tenantId, deviceId);
        });
    }

    /**
     * Applies several changes to one desk in one transaction: every value is checked before anything is written,
     * and a change that fails leaves the desk as it was.
     */
    public Device update(long tenantId, long deviceId, DeviceChanges changes, Actor actor) {
        Device before = get(tenantId, deviceId);
        if (changes.name() != null || changes.model() != null) {
            new NewDevice(before.mac(), changes.name() == null ? before.name() : changes.name(), before.vendor(),
                    changes.model() == null ? before.model() : changes.model(), null, null);
        }
        if (changes.provisioning() != null) {
            requireOwnProvisioning(before);
            before.vendor().requireSupports(changes.provisioning().mode());
        }
        if (changes.changeSite() && changes.site() != null && changes.site().tenantId() != tenantId) {
            throw new NotFoundException("site", changes.site().id());
        }
        return tx.inTransaction(() -> {
            if (changes.name() != null || changes.model() != null) {
                writeName(tenantId, deviceId, changes.name() == null ? before.name() : changes.name(),
                        changes.model() == null ? before.model() : changes.model(), actor);
            }
            if (changes.location() != null) {
                setLocation(tenantId, deviceId, changes.location(), actor);
            }
            if (changes.changeSite()) {
                setSite(tenantId, deviceId, changes.site(), actor);
            }
            if (changes.provisioning() != null) {
                writeProvisioning(tenantId, deviceId, changes.provisioning(), actor);
            }
            if (changes.timers() != null && !changes.timers().equals(before.policy())) {
                setPolicy(tenantId, deviceId, changes.timers(), actor);
            }
            if (changes.enabled() != null && changes.enabled() != before.enabled()) {
                setEnabled(tenantId, deviceId, changes.enabled(), actor);
            }
            Device after = get(tenantId, deviceId);
            // one re-sync for the whole edit, not one per part of it, and none when a form was saved unchanged
            if (!after.name().equals(before.name()) || !Objects.equals(after.model(), before.model())
                    || !after.provisioning().equals(before.provisioning())) {
                listener.configChanged(after, "desk settings");
            }
            return after;
        });
    }

    /**
     * The tenant's devices with these ids, in the order given (duplicates once); every unknown id is named in one
     * error, so an admin fixes a bulk request in one go.
     */
    public List<Device> getAll(long tenantId, List<Long> deviceIds) {
        if (deviceIds == null || deviceIds.isEmpty()) {
            throw new InvalidInputException("deviceIds", "name at least one device");
        }
        List<Device> found = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (Long id : new java.util.LinkedHashSet<>(deviceIds)) {
            if (id == null) {
                throw new InvalidInputException("deviceIds", "an id is missing (null)");
            }
            devices.findById(id).filter(d -> d.tenantId() == tenantId).ifPresentOrElse(found::add,
                    () -> unknown.add(id));
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("deviceIds", "no device " + joinIds(unknown) + " in this tenant;"
                    + " nothing was changed");
        }
        return found;
    }

    /** Asks the desk's phone to fetch its configuration now (a re-sync NOTIFY once this commits). */
    public Device resync(long tenantId, long deviceId, Actor actor) {
        get(tenantId, deviceId); // an unknown desk is 404 here, not a bad list entry as in a bulk action
        return bulk(tenantId, List.of(deviceId), new BulkAction.Resync(), actor).get(0);
    }

    /**
     * One action on many desks (B3Networks bulk remove, logout, SIP domain, NTP): all of them or, when any id is
     * unknown or any desk cannot take the change, none.
     *
     * @return the devices the action applied to, as they are afterwards (removed ones as they were)
     */
    public List<Device> bulk(long tenantId, List<Long> deviceIds, BulkAction action, Actor actor) {
        if (action == null) throw new InvalidInputException("action", "is required");
        return tx.inTransaction(() -> {
            List<Device> targets = getAll(tenantId, deviceIds);
            if (action instanceof BulkAction.SetSipDomain || action instanceof BulkAction.SetNtpServer) {
                List<Long> lines = targets.stream().filter(Device::isGatewayLine).map(Device::id).toList();
                if (!lines.isEmpty()) {
                    throw new InvalidInputException("deviceIds", "device " + joinIds(lines) + " is a gateway line;"
                            + " change its gateway instead; nothing was changed");
                }
            }
            List<Device> after = new ArrayList<>();
            for (Device d : targets) {
                switch (action) {
                    case BulkAction.Remove r -> {
                        remove(tenantId, d.id(), actor);
                        after.add(d);
                    }
                    case BulkAction.Logout l -> {
                        listener.logoutRequested(d, actor);
                        after.add(d);
                    }
                    case BulkAction.Resync r -> {
                        listener.configChanged(d, "re-sync asked for by " + actor);
                        audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "device.resync_requested",
                                "device:" + d.id() + "/" + d.label(), null, null));
                        after.add(d);
                    }
                    case BulkAction.SetSipDomain s -> after.add(setProvisioning(tenantId, d.id(),
                            d.provisioning().withSipDomain(s.domain()), actor));
                    case BulkAction.SetNtpServer n -> after.add(setProvisioning(tenantId, d.id(),
                            d.provisioning().withNtpServer(n.server()), actor));
                }
            }
            return after;
        });
    }

    private static void requireOwnProvisioning(Device device) {
        if (device.isGatewayLine()) {
            throw new InvalidInputException("provisioning", device.label() + " is a gateway line; change its gateway "
                    + device.mac().colonSeparated() + " instead");
        }
    }

    private static String joinIds(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
    }

    void requireFreeMac(MacAddress mac) {
        if (devices.macInUse(mac)) {
            throw new ConflictException("MAC " + mac.colonSeparated() + " is already registered");
        }
    }

    static String subject(Device device) {
        return "device:" + device.id() + "/" + device.label();
    }
}
