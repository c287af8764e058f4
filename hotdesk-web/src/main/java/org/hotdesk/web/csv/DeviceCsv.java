package org.hotdesk.web.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceImportRow;
import org.hotdesk.core.device.DeviceProvisioning;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.NewDevice;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.error.HotdeskException;
import org.hotdesk.core.location.Registration;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.site.Site;
import org.hotdesk.core.tenant.Tenant;

/**
 * The tenant's shared phones as CSV (B3 "Device Management": import MAC CSV, export current configuration,
 * bulk provision from a template). A row whose MAC is a phone of the tenant updates it, with only the columns
 * the file has; a new MAC is added. Every row is checked with the core's own rules before anything is written,
 * and the whole file is applied in one transaction.
 */
public final class DeviceCsv {
    static final List<String> COLUMNS = Stream.of(List.of("mac", "name", "vendor", "model", "site"),
            LocationCells.COLUMNS, ProvisioningCells.COLUMNS).flatMap(List::stream).toList();
    static final List<String> SIP_ACCOUNT_COLUMNS = List.of("mac", "name", "sip_username", "sip_domain", "transport",
            "port", "registered");

    private final HotdeskCore core;

    public DeviceCsv(HotdeskCore core) {
        this.core = core;
    }

    /** Every phone (gateway lines are in the gateway files) in the columns an import takes. */
    public String export(long tenantId) {
        core.tenants().get(tenantId);
        Map<Long, String> siteNames = core.sites().list(tenantId).stream().collect(Collectors.toMap(Site::id, Site::name));
        CsvWriter csv = new CsvWriter(COLUMNS);
        for (Device d : phones(tenantId)) {
            List<String> cells = new ArrayList<>(java.util.Arrays.asList(d.mac().colonSeparated(), d.name(),
                    d.vendor().id(), d.model(), d.siteId() == null ? null : siteNames.get(d.siteId())));
            cells.addAll(LocationCells.write(d.location()));
            cells.addAll(ProvisioningCells.write(d.provisioning()));
            csv.row(cells);
        }
        return csv.toString();
    }

    /** The device accounts (phones and gateway lines), for a PBX or an inventory; never their passwords. */
    public String exportSipAccounts(long tenantId) {
        Tenant tenant = core.tenants().get(tenantId);
        Set<Long> registered = core.registrations().inTenant(tenantId).stream().map(Registration::deviceId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        CsvWriter csv = new CsvWriter(SIP_ACCOUNT_COLUMNS);
        for (Device d : core.devices().list(tenantId)) {
            DeviceProvisioning p = d.provisioning();
            csv.row(java.util.Arrays.asList(d.mac().colonSeparated(), d.name(), d.sipUsername(),
                    p.sipDomain() == null ? tenant.domain() : p.sipDomain(), p.transport().id(),
                    p.sipPort() == 0 ? null : Integer.toString(p.sipPort()), Numbers.yesNo(registered.contains(d.id()))));
        }
        return csv.toString();
    }

    public ImportReport importCsv(long tenantId, String text, Actor actor) {
        core.tenants().get(tenantId);
        CsvTable table = CsvTable.read(text, COLUMNS, List.of("mac"));
        CsvProblems problems = table.problems();
        Map<MacAddress, Device> phones = new HashMap<>();
        phones(tenantId).forEach(d -> phones.put(d.mac(), d));
        Set<MacAddress> gateways = new HashSet<>();
        core.gateways().list(tenantId).forEach(g -> gateways.add(g.mac()));
        Sites sites = new Sites(core.sites().list(tenantId));
        Map<MacAddress, Integer> firstLine = new HashMap<>();
        List<DeviceImportRow> rows = new ArrayList<>();
        for (CsvRow row : table.rows()) {
            int line = row.line();
            if (problems.hasLine(line)) continue;
            MacAddress mac = problems.check(line, "mac", () -> MacAddress.parse(row.get("mac")));
            Device current = mac == null ? null : phones.get(mac);
            if (mac != null) {
                Integer first = firstLine.putIfAbsent(mac, line);
                if (first != null) {
                    problems.add(line, "mac", "mac " + mac.colonSeparated() + " is already on line " + first);
                } else if (current == null && gateways.contains(mac)) {
                    problems.add(line, "mac", "mac " + mac.colonSeparated() + " is a PSTN gateway; change it with the"
                            + " gateway files");
                } else if (current == null && core.devices().macInUse(mac)) {
                    // another tenant's device: say no more than that, tenants are sealed
                    problems.add(line, "mac", "mac " + mac.colonSeparated() + " is already registered");
                }
            }
            Vendor vendor = current == null ? Vendor.GENERIC : current.vendor();
            if (row.get("vendor") != null) {
                Vendor given = problems.check(line, "vendor", () -> Vendor.parse(row.get("vendor")));
                if (given != null && current != null && given != current.vendor()) {
                    problems.add(line, "vendor", "vendor: " + current.mac().colonSeparated() + " is a "
                            + current.vendor().id() + " device; remove it and add it again to change its vendor");
                }
                vendor = given == null ? vendor : given;
            }
            String name = row.get("name") != null ? row.get("name") : current == null ? null : current.name();
            String model = row.getOr("model", current == null ? null : current.model());
            Site site = current == null || current.siteId() == null ? null : sites.byId(current.siteId());
            if (row.has("site")) {
                site = row.get("site") == null ? null : sites.byName(row, problems);
            }
            CivicAddress location = LocationCells.read(row, current == null ? null : current.location(), problems);
            DeviceProvisioning provisioning = ProvisioningCells.read(row,
                    current == null ? null : current.provisioning(), problems);
            if (mac == null || problems.hasLine(line)) continue;
            Vendor v = vendor;
            NewDevice device = problems.check(line, "name",
                    () -> new NewDevice(mac, name, v, model, location, null, provisioning));
            if (device != null) {
                rows.add(new DeviceImportRow(device, 0, site));
            }
        }
        problems.throwIfAny(table.rows().size());
        try {
            return ImportReport.of(core.imports().desks(tenantId, rows, actor));
        } catch (HotdeskException e) {
            // changed since the check (another admin at the same moment): nothing was written
            throw CsvRejected.file("the import failed: " + e.getMessage(), List.of());
        }
    }

    private List<Device> phones(long tenantId) {
        return core.devices().list(tenantId).stream().filter(d -> !d.isGatewayLine()).toList();
    }

    /** The tenant's sites, found by name whatever the case. */
    static final class Sites {
        private final Map<String, Site> byName = new HashMap<>();
        private final Map<Long, Site> byId = new HashMap<>();

        Sites(List<Site> sites) {
            sites.forEach(s -> {
                byName.put(s.name().toLowerCase(Locale.ROOT), s);
                byId.put(s.id(), s);
            });
        }

        Site byId(long id) {
            return byId.get(id);
        }

        /** The site the row's {@code site} cell names; a problem when there is none of that name. */
        Site byName(CsvRow row, CsvProblems problems) {
            Site site = byName.get(row.get("site").toLowerCase(Locale.ROOT));
            if (site == null) {
                problems.add(row.line(), "site", "site '" + row.get("site") + "' does not exist"
                        + (byName.isEmpty() ? " (the tenant has no sites)" : ""));
            }
            return site;
        }
    }
}
