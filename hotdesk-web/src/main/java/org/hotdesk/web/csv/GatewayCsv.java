package org.hotdesk.web.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.device.DeviceProvisioning;
import org.hotdesk.core.device.Gateway;
import org.hotdesk.core.device.GatewayImportRow;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.NewDevice;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.error.HotdeskException;

/**
 * The tenant's PSTN gateways as CSV: a new MAC adds a gateway with {@code ports} lines; an existing one gets the
 * row's provisioning (B3 "single PSTN update actions" in bulk). Its vendor, name, model and ports must match.
 */
public final class GatewayCsv {
    static final List<String> COLUMNS = Stream.of(List.of("mac", "name", "vendor", "model", "ports"),
            ProvisioningCells.COLUMNS).flatMap(List::stream).toList();

    private final HotdeskCore core;

    public GatewayCsv(HotdeskCore core) {
        this.core = core;
    }

    public String export(long tenantId) {
        core.tenants().get(tenantId);
        CsvWriter csv = new CsvWriter(COLUMNS);
        for (Gateway g : core.gateways().list(tenantId)) {
            List<String> cells = new ArrayList<>(Arrays.asList(g.mac().colonSeparated(), g.name(), g.vendor().id(),
                    g.model(), Integer.toString(core.gateways().linesOf(g).size())));
            cells.addAll(ProvisioningCells.write(g.provisioning()));
            csv.row(cells);
        }
        return csv.toString();
    }

    public ImportReport importCsv(long tenantId, String text, Actor actor) {
        core.tenants().get(tenantId);
        CsvTable table = CsvTable.read(text, COLUMNS, List.of("mac"));
        CsvProblems problems = table.problems();
        Map<MacAddress, Gateway> gateways = new HashMap<>();
        core.gateways().list(tenantId).forEach(g -> gateways.put(g.mac(), g));
        Map<MacAddress, Integer> firstLine = new HashMap<>();
        List<GatewayImportRow> rows = new ArrayList<>();
        for (CsvRow row : table.rows()) {
            int line = row.line();
            if (problems.hasLine(line)) continue;
            MacAddress mac = problems.check(line, "mac", () -> MacAddress.parse(row.get("mac")));
            Gateway current = mac == null ? null : gateways.get(mac);
            if (mac != null) {
                Integer first = firstLine.putIfAbsent(mac, line);
                if (first != null) {
                    problems.add(line, "mac", "mac " + mac.colonSeparated() + " is already on line " + first);
                } else if (current == null && core.devices().macInUse(mac)) {
                    problems.add(line, "mac", "mac " + mac.colonSeparated() + " is already registered"
                            + (isOwnPhone(tenantId, mac) ? " as a phone; change it with devices.csv" : ""));
                }
            }
            Vendor vendor = current == null ? Vendor.GENERIC : current.vendor();
            if (row.get("vendor") != null) {
                Vendor given = problems.check(line, "vendor", () -> Vendor.parse(row.get("vendor")));
                vendor = given == null ? vendor : given;
            }
            String name = row.get("name") != null ? row.get("name") : current == null ? null : current.name();
            String model = row.getOr("model", current == null ? null : current.model());
            Integer ports = Numbers.parse(row, "ports", null, problems);
            if (current == null && ports == null && !problems.hasLine(line)) {
                problems.add(line, "ports", "ports is required for a new gateway (1 to 48)");
            } else if (ports != null && (ports < 1 || ports > 48)) {
                problems.add(line, "ports", "ports must be between 1 and 48, was " + ports);
            }
            DeviceProvisioning provisioning = ProvisioningCells.read(row,
                    current == null ? null : current.provisioning(), problems);
            if (provisioning != null && provisioning.mode() != org.hotdesk.core.device.ProvisioningMode.DIAL_CODES) {
                problems.add(line, "mode", "mode: an analog port has no hot-desk key; gateways use dial-codes");
            }
            if (mac == null || problems.hasLine(line)) continue;
            Vendor v = vendor;
            NewDevice gateway = problems.check(line, "name", () -> new NewDevice(mac, name, v, model, null, null,
                    provisioning));
            if (gateway == null) continue;
            int portCount = ports != null ? ports : core.gateways().linesOf(current).size();
            if (current != null) {
                unchanged(problems, line, "vendor", current.vendor().id(), gateway.vendor().id());
                unchanged(problems, line, "name", current.name(), gateway.name());
                unchanged(problems, line, "model", current.model(), gateway.model());
                unchanged(problems, line, "ports", core.gateways().linesOf(current).size(), portCount);
            }
            rows.add(new GatewayImportRow(gateway, portCount));
        }
        problems.throwIfAny(table.rows().size());
        try {
            return ImportReport.of(core.imports().gateways(tenantId, rows, actor));
        } catch (HotdeskException e) {
            throw CsvRejected.file("the import failed: " + e.getMessage(), List.of());
        }
    }

    private static void unchanged(CsvProblems problems, int line, String column, Object current, Object wanted) {
        if (!Objects.equals(current, wanted)) {
            problems.add(line, column, column + " of an existing gateway cannot be changed by an import (it is '"
                    + current + "'); only mode, transport, sip_port, sip_domain and ntp_server can");
        }
    }

    private boolean isOwnPhone(long tenantId, MacAddress mac) {
        return core.devices().list(tenantId).stream().anyMatch(d -> d.mac().equals(mac) && !d.isGatewayLine());
    }
}
