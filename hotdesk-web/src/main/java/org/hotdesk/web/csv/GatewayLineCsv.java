package org.hotdesk.web.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceImportRow;
import org.hotdesk.core.device.Gateway;
import org.hotdesk.core.device.MacAddress;
import org.hotdesk.core.device.NewDevice;
import org.hotdesk.core.error.HotdeskException;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.site.Site;

/**
 * The lines (analog ports) of the tenant's gateways as CSV: each line's name, site and emergency location.
 * Lines come with their gateway, so an import only updates existing ones.
 */
public final class GatewayLineCsv {
    static final List<String> COLUMNS = Stream.of(List.of("gateway_mac", "port", "name", "site"),
            LocationCells.COLUMNS).flatMap(List::stream).toList();

    private final HotdeskCore core;

    public GatewayLineCsv(HotdeskCore core) {
        this.core = core;
    }

    public String export(long tenantId) {
        core.tenants().get(tenantId);
        Map<Long, String> siteNames = core.sites().list(tenantId).stream().collect(Collectors.toMap(Site::id, Site::name));
        CsvWriter csv = new CsvWriter(COLUMNS);
        for (Gateway g : core.gateways().list(tenantId)) {
            for (Device line : core.gateways().linesOf(g)) {
                List<String> cells = new ArrayList<>(Arrays.asList(g.mac().colonSeparated(),
                        Integer.toString(line.linePort()), line.name(),
                        line.siteId() == null ? null : siteNames.get(line.siteId())));
                cells.addAll(LocationCells.write(line.location()));
                csv.row(cells);
            }
        }
        return csv.toString();
    }

    public ImportReport importCsv(long tenantId, String text, Actor actor) {
        core.tenants().get(tenantId);
        CsvTable table = CsvTable.read(text, COLUMNS, List.of("gateway_mac", "port"));
        CsvProblems problems = table.problems();
        Map<MacAddress, Map<Integer, Device>> lines = new HashMap<>();
        for (Gateway g : core.gateways().list(tenantId)) {
            Map<Integer, Device> ports = new HashMap<>();
            core.gateways().linesOf(g).forEach(d -> ports.put(d.linePort(), d));
            lines.put(g.mac(), ports);
        }
        DeviceCsv.Sites sites = new DeviceCsv.Sites(core.sites().list(tenantId));
        Map<String, Integer> firstLine = new HashMap<>();
        List<DeviceImportRow> rows = new ArrayList<>();
        for (CsvRow row : table.rows()) {
            int line = row.line();
            if (problems.hasLine(line)) continue;
            MacAddress mac = problems.check(line, "gateway_mac", () -> MacAddress.parse(row.get("gateway_mac")));
            Integer port = Numbers.parse(row, "port", null, problems);
            if (mac == null || port == null) {
                if (port == null && row.get("port") == null) problems.add(line, "port", "port is required");
                continue;
            }
            Map<Integer, Device> ports = lines.get(mac);
            Device current = ports == null ? null : ports.get(port);
            Integer first = firstLine.putIfAbsent(mac.value() + "/" + port, line);
            if (first != null) {
                problems.add(line, "port", "line " + mac.colonSeparated() + " port " + port + " is already on line " + first);
                continue;
            }
            if (ports == null) {
                problems.add(line, "gateway_mac", "gateway_mac " + mac.colonSeparated() + " is not a gateway of this tenant");
                continue;
            }
            if (current == null) {
                problems.add(line, "port", "port " + port + ": gateway " + mac.colonSeparated() + " has lines "
                        + ports.keySet().stream().sorted().map(String::valueOf).collect(Collectors.joining(", ")));
                continue;
            }
            String name = row.get("name") != null ? row.get("name") : current.name();
            Site site = current.siteId() == null ? null : sites.byId(current.siteId());
            if (row.has("site")) {
                site = row.get("site") == null ? null : sites.byName(row, problems);
            }
            CivicAddress location = LocationCells.read(row, current.location(), problems);
            if (problems.hasLine(line)) continue;
            NewDevice device = problems.check(line, "name", () -> new NewDevice(mac, name, current.vendor(),
                    current.model(), location, null, current.provisioning()));
            if (device != null) {
                rows.add(new DeviceImportRow(device, port, site));
            }
        }
        problems.throwIfAny(table.rows().size());
        try {
            return ImportReport.of(core.imports().desks(tenantId, rows, actor));
        } catch (HotdeskException e) {
            throw CsvRejected.file("the import failed: " + e.getMessage(), List.of());
        }
    }
}
