package org.hotdesk.web.csv;

import java.util.List;
import java.util.function.LongFunction;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.audit.Actor;

/**
 * One kind of CSV file the API and the console offer: its name ({@code devices.csv}), how it is exported and,
 * unless it is export-only, how it is imported.
 *
 * @param importer null for an export-only file
 */
public record CsvFile(String name, String summary, LongFunction<String> exporter, Importer importer) {

    @FunctionalInterface
    public interface Importer {
        ImportReport importCsv(long tenantId, String text, Actor actor);
    }

    /** Every file, in the order the API documents them. */
    public static List<CsvFile> all(HotdeskCore core) {
        DeviceCsv devices = new DeviceCsv(core);
        GatewayCsv gateways = new GatewayCsv(core);
        GatewayLineCsv lines = new GatewayLineCsv(core);
        UserCsv users = new UserCsv(core);
        return List.of(
                new CsvFile("devices.csv", "phones", devices::export, devices::importCsv),
                new CsvFile("sip-accounts.csv", "device SIP accounts (no passwords)", devices::exportSipAccounts, null),
                new CsvFile("gateways.csv", "PSTN gateways", gateways::export, gateways::importCsv),
                new CsvFile("gateway-lines.csv", "gateway lines", lines::export, lines::importCsv),
                new CsvFile("users.csv", "users (PINs are never exported)", users::export, users::importCsv));
    }

    public static CsvFile named(List<CsvFile> files, String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no CSV file " + name));
    }

    /** What a download is saved as: {@code acme.example-devices.csv}. */
    public String downloadName(String tenantDomain) {
        return tenantDomain + "-" + name;
    }
}
