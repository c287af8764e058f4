package org.hotdesk.core.device;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.bulk.ImportCounts;
import org.hotdesk.core.audit.AuditLog;
import org.hotdesk.core.audit.AuditRecord;
import org.hotdesk.core.error.ConflictException;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.core.event.ConfigChanges;
import org.hotdesk.core.policy.DevicePolicyOverride;
import org.hotdesk.core.session.LogoutReason;
import org.hotdesk.core.site.Site;
import org.hotdesk.core.session.SessionDeadlines;
import org.hotdesk.core.session.SessionService;
import org.hotdesk.core.tenant.TenantService;
import org.hotdesk.core.transaction.Transactions;

/** Adding, changing and removing shared phones and PSTN gateway lines. */
public final class DeviceService {
    private final Transactions tx;
    private final DeviceStore devices;
    private final TenantService tenants;
    private final SessionService sessions;
    private final SessionDeadlines deadlines;
    private final DeviceAccounts accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final ConfigChanges configChanges;

    public DeviceService(Transactions tx, DeviceStore devices, TenantService tenants, SessionService sessions,
                         SessionDeadlines deadlines, DeviceAccounts accounts, AuditLog audit, Clock clock,
                         ConfigChanges configChanges) {
        this.tx = tx;
        this.devices = devices;
        this.tenants = tenants;
        this.sessions = sessions;
        this.deadlines = deadlines;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.configChanges = configChanges;
    }

    /** Adds a phone with a freshly generated device account; the answer is the only place its password is shown to an admin. */
    /** Adds a desk at a site (null: at none); a desk whose site cannot be set is not left behind. */
    public Device add(long tenantId, NewDevice request, Site site, Actor actor) {
        return tx.inTransaction(() -> {
            Device added = add(tenantId, request, actor);
            return site == null ? added : setSite(tenantId, added.id(), site, actor);
        });
    }

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

    /**
     * A bulk import (B3 "import MAC CSV", "bulk provision"): adds the new phones and brings each existing desk to
     * what its row asks, all in one transaction, so a row that fails undoes every row before it. Each change is
     * made (and audited) by the same method an admin's single edit uses; a desk already as asked is not touched.
     */
    public ImportCounts importDevices(long tenantId, List<DeviceImportRow> rows, Actor actor) {
        tenants.get(tenantId);
        return tx.inTransaction(() -> {
            ImportCounts counts = ImportCounts.NONE;
            for (DeviceImportRow row : rows) {
                NewDevice wanted = row.device();
                Optional<Device> current = devices.findByMac(wanted.mac(), row.linePort())
                        .filter(d -> d.tenantId() == tenantId);
                if (current.isPresent()) {
                    counts = importInto(tenantId, current.get(), row, actor) ? counts.plusUpdated() : counts.plusUnchanged();
                } else if (row.linePort() != 0) {
                    throw new NotFoundException("gateway line", wanted.mac().colonSeparated() + " port " + row.linePort());
                } else {
                    Device added = add(tenantId, wanted, actor);
                    if (row.site() != null) {
                        setSite(tenantId, added.id(), row.site(), actor);
                    }
                    counts = counts.plusAdded();
                }
            }
            return counts;
        });
    }

    /** Brings an existing desk to the row's state; answers whether anything changed. */
    private boolean importInto(long tenantId, Device device, DeviceImportRow row, Actor actor) {
        NewDevice wanted = row.device();
        if (wanted.vendor() != device.vendor()) {
            throw new InvalidInputException("vendor", device.label() + " is a " + device.vendor().id()
                    + " device; an import cannot change its vendor (remove it and add it again)");
        }
        boolean changed = false;
        if (!wanted.name().equals(device.name()) || !Objects.equals(wanted.model(), device.model())) {
            rename(tenantId, device.id(), wanted.name(), wanted.model(), actor);
            changed = true;
        }
        if (!wanted.location().equals(device.location())) {
            setLocation(tenantId, device.id(), wanted.location(), actor);
            changed = true;
        }
        Long siteId = row.site() == null ? null : row.site().id();
        if (!Objects.equals(siteId, device.siteId())) {
            setSite(tenantId, device.id(), row.site(), actor);
            changed = true;
        }
        // a gateway line takes its gateway's provisioning: that is the gateway import's to change
        if (!device.isGatewayLine() && !wanted.provisioning().equals(device.provisioning())) {
            setProvisioning(tenantId, device.id(), wanted.provisioning(), actor);
            changed = true;
        }
        return changed;
    }

    /**
     * A bulk import of PSTN gateways: adds the new ones with their lines, and sets the provisioning of existing
     * ones, all in one transaction. An existing gateway's vendor, name, model and port count must match its row:
     * an import re-provisions a gateway, it does not rebuild it.
     */
    public ImportCounts importGateways(long tenantId, List<GatewayImportRow> rows, Actor actor) {
        tenants.get(tenantId);
        return tx.inTransaction(() -> {
            ImportCounts counts = ImportCounts.NONE;
            for (GatewayImportRow row : rows) {
                NewDevice wanted = row.gateway();
                Optional<Gateway> current = devices.findGatewayByMac(wanted.mac()).filter(g -> g.tenantId() == tenantId);
                if (current.isEmpty()) {
                    addGateway(tenantId, wanted, row.ports(), actor);
                    counts = counts.plusAdded();
                    continue;
                }
                Gateway gateway = current.get();
                String mac = gateway.mac().colonSeparated();
                requireUnchanged("vendor", gateway.vendor().id(), wanted.vendor().id(), mac);
                requireUnchanged("name", gateway.name(), wanted.name(), mac);
                requireUnchanged("model", gateway.model(), wanted.model(), mac);
                requireUnchanged("ports", linesOf(gateway).size(), row.ports(), mac);
                if (wanted.provisioning().equals(gateway.provisioning())) {
                    counts = counts.plusUnchanged();
                } else {
                    setGatewayProvisioning(tenantId, gateway.id(), wanted.provisioning(), actor);
                    counts = counts.plusUpdated();
                }
            }
            return counts;
        });
    }

    private static void requireUnchanged(String field, Object current, Object wanted, String mac) {
        if (!Objects.equals(current, wanted)) {
            throw new InvalidInputException(field, "gateway " + mac + " has " + field + " '" + current
                    + "'; an import cannot change it (only mode, transport, sip_port, sip_domain and ntp_server)");
        }
    }

    /**
     * Adds a PSTN gateway and one hot-desk device per analog port; a known model takes no more lines than it has
     * ports (fewer is fine: the others can be added later).
     */
    public List<Device> addGateway(long tenantId, NewDevice request, int ports, Actor actor) {
        if (ports < 1 || ports > 48) {
            throw new InvalidInputException("ports", "must be between 1 and 48, was " + ports);
        }
        GatewayModel.of(request.vendor(), request.model()).ifPresent(m -> m.requireLines(ports));
        tenants.get(tenantId);
        return tx.inTransaction(() -> {
            requireFreeMac(request.mac());
            if (request.provisioning().mode() == ProvisioningMode.PHONE_KEY) {
                throw new InvalidInputException("mode", "an analog port has no hot-desk key; gateways use dial-codes");
            }
            Gateway gateway = devices.insertGateway(tenantId, request.mac(), request.name(), request.vendor(),
                    request.model(), request.provisioning(), clock.instant());
            List<Device> lines = new ArrayList<>();
            for (int port = 1; port <= ports; port++) {
                NewDevice line = new NewDevice(request.mac(), request.name() + " line " + port, request.vendor(),
                        request.model(), request.location(), request.policy());
                lines.add(devices.insert(tenantId, line, port, gateway.id(), accounts.username(request.mac(), port),
                        accounts.password(), clock.instant()));
            }
            audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "gateway.added", "gateway:" + gateway.id(),
                    null, "mac=" + request.mac() + " ports=" + ports));
            return lines;
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

    public List<Device> list(long tenantId) {
        return devices.list(tenantId);
    }

    public Gateway gateway(long tenantId, long gatewayId) {
        return devices.findGateway(gatewayId).filter(g -> g.tenantId() == tenantId)
                .orElseThrow(() -> new NotFoundException("gateway", gatewayId));
    }

    public Gateway gatewayByMac(long tenantId, MacAddress mac) {
        return devices.findGatewayByMac(mac).filter(g -> g.tenantId() == tenantId)
                .orElseThrow(() -> new NotFoundException("gateway", mac.colonSeparated()));
    }

    public List<Gateway> gateways(long tenantId) {
        return devices.listGateways(tenantId);
    }

    /** The gateway's lines that are still in use, by port. */
    public List<Device> linesOf(Gateway gateway) {
        return devices.linesOf(gateway.id());
    }

    /**
     * Changes how the desk's configuration is rendered (mode, SIP profile, domain, NTP); a registered phone is told
     * to fetch it again. A gateway line takes its gateway's profile: change that with {@link #setGatewayProvisioning}.
     */
    public Device setProvisioning(long tenantId, long deviceId, DeviceProvisioning provisioning, Actor actor) {
        return tx.inTransaction(() -> {
            Device changed = writeProvisioning(tenantId, deviceId, provisioning, actor);
            configChanges.ofDevice(changed, "provisioning");
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
                    null, describe(provisioning)));
            return get(tenantId, deviceId);
        });
    }

    /** The protocol, SIP domain and NTP server of all the gateway's lines (B3 "single PSTN update actions"). */
    public Gateway setGatewayProvisioning(long tenantId, long gatewayId, DeviceProvisioning provisioning, Actor actor) {
        if (provisioning == null) throw new InvalidInputException("provisioning", "is required");
        if (provisioning.mode() == ProvisioningMode.PHONE_KEY) {
            throw new InvalidInputException("mode", "an analog port has no hot-desk key; gateways use dial-codes");
        }
        return tx.inTransaction(() -> {
            Gateway gateway = gateway(tenantId, gatewayId);
            devices.setGatewayProvisioning(gatewayId, provisioning);
            audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "gateway.provisioning_changed",
                    "gateway:" + gatewayId + "/" + gateway.mac().value(), null, describe(provisioning)));
            devices.linesOf(gatewayId).forEach(line -> configChanges.ofDevice(line, "gateway provisioning"));
            return gateway(tenantId, gatewayId);
        });
    }

    /**
     * Renames a gateway (its lines keep their own names) and/or changes its lines' provisioning, together or
     * not at all; a null part stays as it is, and an unchanged name is not written again.
     */
    public Gateway updateGateway(long tenantId, long gatewayId, String name, DeviceProvisioning provisioning,
                                 Actor actor) {
        String clean = name == null ? null : name.trim();
        if (clean != null && (clean.isEmpty() || clean.length() > 100)) {
            throw new InvalidInputException("name", "must be 1 to 100 characters");
        }
        return tx.inTransaction(() -> {
            Gateway gateway = gateway(tenantId, gatewayId);
            if (clean != null && !clean.equals(gateway.name())) {
                devices.setGatewayName(gatewayId, clean);
                audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "gateway.renamed",
                        "gateway:" + gatewayId + "/" + gateway.mac().value(), null, "name=" + clean));
                // an analog gateway's screen title is its name
                devices.linesOf(gatewayId).forEach(line -> configChanges.ofDevice(line, "gateway name"));
            }
            return provisioning == null ? gateway(tenantId, gatewayId)
                    : setGatewayProvisioning(tenantId, gatewayId, provisioning, actor);
        });
    }

    private static String describe(DeviceProvisioning p) {
        return "mode=" + p.mode().id() + " transport=" + p.transport().id()
                + (p.sipPort() == 0 ? "" : " port=" + p.sipPort())
                + (p.sipDomain() == null ? "" : " domain=" + p.sipDomain())
                + (p.ntpServer() == null ? "" : " ntp=" + p.ntpServer());
    }

    /** Removes a device; a user logged in there is logged out with {@code DEVICE_REMOVED}. History is kept. */
    public void remove(long tenantId, long deviceId, Actor actor) {
        tx.run(() -> {
            Device device = get(tenantId, deviceId);
            sessions.endOpenSessionOf(device, LogoutReason.DEVICE_REMOVED, actor);
            // announced like an edit, also from the command line, so the server stops serving its configuration
            configChanges.ofDevice(device, "device removed");
            devices.markRemoved(deviceId, clock.instant());
            audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "device.removed", subject(device), null, null));
        });
    }

    /** Renames the desk (an idle desk shows its name) and corrects its model; a null model leaves it unknown. */
    public Device rename(long tenantId, long deviceId, String name, String model, Actor actor) {
        return tx.inTransaction(() -> {
            Device renamed = writeName(tenantId, deviceId, name, model, actor);
            configChanges.ofDevice(renamed, "desk name");
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
                sessions.endOpenSessionOf(device, LogoutReason.ADMIN, actor);
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
            deadlines.recomputeForDevice(deviceId);
            return get(tenantId, deviceId);
        });
    }

    /** Where the desk is, for emergency calls from it; audited, as responders are sent by it. */
    public Device setLocation(long tenantId, long deviceId, Location location, Actor actor) {
        return tx.inTransaction(() -> {
            Device device = devices.lockForUpdate(deviceId).filter(d -> d.tenantId() == tenantId)
                    .orElseThrow(() -> new NotFoundException("device", deviceId));
            Location changed = location == null ? Location.NONE : location;
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
            if (changes.enabled() != null && changes.enabled() != before.enabled()) {
                setEnabled(tenantId, deviceId, changes.enabled(), actor);
            }
            Device after = get(tenantId, deviceId);
            // one re-sync for the whole edit, not one per part of it, and none when a form was saved unchanged
            if (!after.name().equals(before.name()) || !Objects.equals(after.model(), before.model())
                    || !after.provisioning().equals(before.provisioning())) {
                configChanges.ofDevice(after, "desk settings");
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
                        sessions.endOpenSessionOf(d, LogoutReason.ADMIN, actor);
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

    /** Removes a gateway: each of its lines is removed as a device (whoever is logged in there is logged out). */
    public List<Device> removeGateway(long tenantId, long gatewayId, Actor actor) {
        return tx.inTransaction(() -> {
            Gateway gateway = gateway(tenantId, gatewayId);
            List<Device> lines = linesOf(gateway);
            for (Device line : lines) {
                remove(tenantId, line.id(), actor);
            }
            audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "gateway.removed",
                    "gateway:" + gatewayId + "/" + gateway.mac().value(), null, "lines=" + lines.size()));
            return lines;
        });
    }

    /**
     * Adds a line on a free port of a gateway (a port added later, or one whose line was removed), with a fresh
     * device account; the answer is the only place its password is shown. It takes the location of the gateway's
     * first line, as the ports of one box sit in one place.
     */
    public Device addGatewayLine(long tenantId, long gatewayId, int port, String name, Actor actor) {
        if (port < 1 || port > 48) {
            throw new InvalidInputException("port", "must be between 1 and 48, was " + port);
        }
        return tx.inTransaction(() -> {
            Gateway gateway = gateway(tenantId, gatewayId);
            GatewayModel.of(gateway.vendor(), gateway.model()).ifPresent(m -> m.requirePort(port));
            if (devices.findByMac(gateway.mac(), port).isPresent()) {
                throw new ConflictException("port " + port + " of gateway " + gateway.mac().colonSeparated()
                        + " is already a line");
            }
            Location location = linesOf(gateway).stream().findFirst().map(Device::location).orElse(Location.NONE);
            NewDevice line = new NewDevice(gateway.mac(), name == null || name.isBlank()
                    ? gateway.name() + " line " + port : name, gateway.vendor(), gateway.model(), location, null);
            Device device = devices.insert(tenantId, line, port, gateway.id(), accounts.username(gateway.mac(), port),
                    accounts.password(), clock.instant());
            audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "gateway.line_added", subject(device), null,
                    "name=" + device.name()));
            // the gateway's one file configures every port: the new line is in it from now on, and whatever holds
            // that file knows it by the lines it had
            devices.linesOf(gatewayId).forEach(l -> configChanges.ofDevice(l, "gateway line added"));
            return device;
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

    private void requireFreeMac(MacAddress mac) {
        if (devices.macInUse(mac)) {
            throw new ConflictException("MAC " + mac.colonSeparated() + " is already registered");
        }
    }

    static String subject(Device device) {
        return "device:" + device.id() + "/" + device.label();
    }
}
