package org.hotdesk.core.device;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.bulk.ImportCounts;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.core.tenant.TenantService;
import org.hotdesk.core.transaction.Transactions;

/**
 * Bulk imports of desks and gateways (B3Networks "import MAC CSV", "bulk provision"): each row is made by the same
 * method an admin's single edit uses, so the same rules and audit apply, and a file is applied whole or not at all.
 */
public final class DeviceImport {
    private final Transactions tx;
    private final DeviceStore devices;
    private final GatewayStore gatewayRows;
    private final TenantService tenants;
    private final DeviceService desks;
    private final GatewayService gateways;

    public DeviceImport(Transactions tx, DeviceStore devices, GatewayStore gatewayRows, TenantService tenants,
                        DeviceService desks, GatewayService gateways) {
        this.tx = tx;
        this.devices = devices;
        this.gatewayRows = gatewayRows;
        this.tenants = tenants;
        this.desks = desks;
        this.gateways = gateways;
    }

    /**
     * A bulk import (B3 "import MAC CSV", "bulk provision"): adds the new phones and brings each existing desk to
     * what its row asks, all in one transaction, so a row that fails undoes every row before it. Each change is
     * made (and audited) by the same method an admin's single edit uses; a desk already as asked is not touched.
     */
    public ImportCounts desks(long tenantId, List<DeviceImportRow> rows, Actor actor) {
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
                    Device added = desks.add(tenantId, wanted, actor);
                    if (row.site() != null) {
                        desks.setSite(tenantId, added.id(), row.site(), actor);
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
            desks.rename(tenantId, device.id(), wanted.name(), wanted.model(), actor);
            changed = true;
        }
        if (!wanted.location().equals(device.location())) {
            desks.setLocation(tenantId, device.id(), wanted.location(), actor);
            changed = true;
        }
        Long siteId = row.site() == null ? null : row.site().id();
        if (!Objects.equals(siteId, device.siteId())) {
            desks.setSite(tenantId, device.id(), row.site(), actor);
            changed = true;
        }
        // a gateway line takes its gateway's provisioning: that is the gateway import's to change
        if (!device.isGatewayLine() && !wanted.provisioning().equals(device.provisioning())) {
            desks.setProvisioning(tenantId, device.id(), wanted.provisioning(), actor);
            changed = true;
        }
        return changed;
    }

    /**
     * A bulk import of PSTN gateways: adds the new ones with their lines, and sets the provisioning of existing
     * ones, all in one transaction. An existing gateway's vendor, name, model and port count must match its row:
     * an import re-provisions a gateway, it does not rebuild it.
     */
    public ImportCounts gateways(long tenantId, List<GatewayImportRow> rows, Actor actor) {
        tenants.get(tenantId);
        return tx.inTransaction(() -> {
            ImportCounts counts = ImportCounts.NONE;
            for (GatewayImportRow row : rows) {
                NewDevice wanted = row.gateway();
                Optional<Gateway> current = gatewayRows.findGatewayByMac(wanted.mac()).filter(g -> g.tenantId() == tenantId);
                if (current.isEmpty()) {
                    gateways.add(tenantId, wanted, row.ports(), actor);
                    counts = counts.plusAdded();
                    continue;
                }
                Gateway gateway = current.get();
                String mac = gateway.mac().colonSeparated();
                requireUnchanged("vendor", gateway.vendor().id(), wanted.vendor().id(), mac);
                requireUnchanged("name", gateway.name(), wanted.name(), mac);
                requireUnchanged("model", gateway.model(), wanted.model(), mac);
                requireUnchanged("ports", gateways.linesOf(gateway).size(), row.ports(), mac);
                if (wanted.provisioning().equals(gateway.provisioning())) {
                    counts = counts.plusUnchanged();
                } else {
                    gateways.setProvisioning(tenantId, gateway.id(), wanted.provisioning(), actor);
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
}
