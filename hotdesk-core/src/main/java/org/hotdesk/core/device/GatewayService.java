package org.hotdesk.core.device;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.audit.AuditLog;
import org.hotdesk.core.audit.AuditRecord;
import org.hotdesk.core.error.ConflictException;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.tenant.TenantService;
import org.hotdesk.core.transaction.Transactions;

/**
 * PSTN gateways (analog telephone adapters) with their lines: one desk per analog port, all provisioned by the
 * gateway's one file, so its SIP profile is set here for every line at once.
 */
public final class GatewayService {
    private final Transactions tx;
    private final DeviceStore devices;
    private final GatewayStore gateways;
    private final TenantService tenants;
    private final DeviceService desks;
    private final DeviceAccounts accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final DeviceListener listener;

    public GatewayService(Transactions tx, DeviceStore devices, GatewayStore gateways, TenantService tenants,
                          DeviceService desks, DeviceAccounts accounts, AuditLog audit, Clock clock, DeviceListener listener) {
        this.tx = tx;
        this.devices = devices;
        this.gateways = gateways;
        this.tenants = tenants;
        this.desks = desks;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.listener = listener;
    }

    /** A gateway has 1 to 48 analog ports (the largest FXS gateways sold). */
    public static void requirePorts(int ports) {
        if (ports < 1 || ports > 48) {
            throw new InvalidInputException("ports", "must be between 1 and 48, was " + ports);
        }
    }

    /**
     * Adds a PSTN gateway and one hot-desk device per analog port; a known model takes no more lines than it has
     * ports (fewer is fine: the others can be added later).
     */
    public List<Device> add(long tenantId, NewDevice request, int ports, Actor actor) {
        requirePorts(ports);
        GatewayModel.of(request.vendor(), request.model()).ifPresent(m -> m.requireLines(ports));
        tenants.get(tenantId);
        return tx.inTransaction(() -> {
            desks.requireFreeMac(request.mac());
            if (request.provisioning().mode() == ProvisioningMode.PHONE_KEY) {
                throw new InvalidInputException("mode", "an analog port has no hot-desk key; gateways use dial-codes");
            }
            Gateway gateway = gateways.insertGateway(tenantId, request.mac(), request.name(), request.vendor(),
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

    public Gateway get(long tenantId, long gatewayId) {
        return gateways.findGateway(gatewayId).filter(g -> g.tenantId() == tenantId)
                .orElseThrow(() -> new NotFoundException("gateway", gatewayId));
    }

    public Gateway byMac(long tenantId, MacAddress mac) {
        return gateways.findGatewayByMac(mac).filter(g -> g.tenantId() == tenantId)
                .orElseThrow(() -> new NotFoundException("gateway", mac.colonSeparated()));
    }

    public List<Gateway> list(long tenantId) {
        return gateways.listGateways(tenantId);
    }

    /** The gateway with this MAC in any tenant, if any of its lines is in use: a MAC is global. */
    public Optional<Gateway> findByMac(MacAddress mac) {
        return gateways.findGatewayByMac(mac);
    }

    /** The gateway's lines that are still in use, by port. */
    public List<Device> linesOf(Gateway gateway) {
        return gateways.linesOf(gateway.id());
    }

    /** The protocol, SIP domain and NTP server of all the gateway's lines (B3 "single PSTN update actions"). */
    public Gateway setProvisioning(long tenantId, long gatewayId, DeviceProvisioning provisioning, Actor actor) {
        if (provisioning == null) throw new InvalidInputException("provisioning", "is required");
        if (provisioning.mode() == ProvisioningMode.PHONE_KEY) {
            throw new InvalidInputException("mode", "an analog port has no hot-desk key; gateways use dial-codes");
        }
        return tx.inTransaction(() -> {
            Gateway gateway = get(tenantId, gatewayId);
            gateways.setGatewayProvisioning(gatewayId, provisioning);
            audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "gateway.provisioning_changed",
                    "gateway:" + gatewayId + "/" + gateway.mac().value(), null, provisioning.auditText()));
            gateways.linesOf(gatewayId).forEach(line -> listener.configChanged(line, "gateway provisioning"));
            return get(tenantId, gatewayId);
        });
    }

    /**
     * Renames a gateway (its lines keep their own names) and/or changes its lines' provisioning, together or
     * not at all; a null part stays as it is, and an unchanged name is not written again.
     */
    public Gateway update(long tenantId, long gatewayId, String name, DeviceProvisioning provisioning,
                                 Actor actor) {
        String clean = name == null ? null : name.trim();
        if (clean != null && (clean.isEmpty() || clean.length() > 100)) {
            throw new InvalidInputException("name", "must be 1 to 100 characters");
        }
        return tx.inTransaction(() -> {
            Gateway gateway = get(tenantId, gatewayId);
            if (clean != null && !clean.equals(gateway.name())) {
                gateways.setGatewayName(gatewayId, clean);
                audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "gateway.renamed",
                        "gateway:" + gatewayId + "/" + gateway.mac().value(), null, "name=" + clean));
                // an analog gateway's screen title is its name
                gateways.linesOf(gatewayId).forEach(line -> listener.configChanged(line, "gateway name"));
            }
            return provisioning == null ? get(tenantId, gatewayId)
                    : setProvisioning(tenantId, gatewayId, provisioning, actor);
        });
    }

    /** Removes a gateway: each of its lines is removed as a device (whoever is logged in there is logged out). */
    public List<Device> remove(long tenantId, long gatewayId, Actor actor) {
        return tx.inTransaction(() -> {
            Gateway gateway = get(tenantId, gatewayId);
            List<Device> lines = linesOf(gateway);
            for (Device line : lines) {
                desks.remove(tenantId, line.id(), actor);
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
    public Device addLine(long tenantId, long gatewayId, int port, String name, Actor actor) {
        if (port < 1 || port > 48) {
            throw new InvalidInputException("port", "must be between 1 and 48, was " + port);
        }
        return tx.inTransaction(() -> {
            Gateway gateway = get(tenantId, gatewayId);
            GatewayModel.of(gateway.vendor(), gateway.model()).ifPresent(m -> m.requirePort(port));
            if (devices.findByMac(gateway.mac(), port).isPresent()) {
                throw new ConflictException("port " + port + " of gateway " + gateway.mac().colonSeparated()
                        + " is already a line");
            }
            CivicAddress location = linesOf(gateway).stream().findFirst().map(Device::location).orElse(CivicAddress.NONE);
            NewDevice line = new NewDevice(gateway.mac(), name == null || name.isBlank()
                    ? gateway.name() + " line " + port : name, gateway.vendor(), gateway.model(), location, null);
            Device device = devices.insert(tenantId, line, port, gateway.id(), accounts.username(gateway.mac(), port),
                    accounts.password(), clock.instant());
            audit.append(AuditRecord.of(tenantId, clock.instant(), actor, "gateway.line_added", DeviceService.subject(device), null,
                    "name=" + device.name()));
            // the gateway's one file configures every port: the new line is in it from now on, and whatever holds
            // that file knows it by the lines it had
            gateways.linesOf(gatewayId).forEach(l -> listener.configChanged(l, "gateway line added"));
            return device;
        });
    }
}
