package org.hotdesk.app.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotdesk.app.Wiring;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.error.NotFoundException;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.trunk.Trunk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "trunks", mixinStandardHelpOptions = true,
        description = "Inbound trunks: calls from their networks to one of their numbers (DIDs) ring the extension "
                + "the number is mapped to.")
final class TrunksCommand extends AdminCommand {

    @Command(name = "list", description = "A tenant's trunks, with their networks and numbers.")
    int list(@Option(names = {"-t", "--tenant"}, required = true, description = "id or domain") String tenant) {
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            Table table = new Table("ID", "NAME", "NETWORKS", "DIDS");
            for (Trunk k : w.core().trunks().list(t.id())) {
                table.row(k.id(), k.name(), String.join(",", k.sourceCidrs()), dids(k));
            }
            table.print(out());
        }
        return 0;
    }

    @Command(name = "add", description = "Add a trunk.")
    int add(@Option(names = {"-t", "--tenant"}, required = true, description = "id or domain") String tenant,
            @Option(names = "--name", required = true) String name,
            @Option(names = "--source", required = true, paramLabel = "CIDR", description = "a network its calls "
                    + "come from, e.g. 192.0.2.10/32; repeat for more") List<String> sources,
            @Option(names = "--did", paramLabel = "NUMBER=EXT", description = "a number and the extension it rings, "
                    + "e.g. +14155550100=1001; repeat for more") List<String> dids) {
        Map<String, String> parsed = parse(dids);
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            Trunk k = w.core().trunks().create(t.id(), name, sources, parsed, CLI);
            out().printf("trunk %d created: %s (%s; %d numbers)%n", k.id(), k.name(),
                    String.join(",", k.sourceCidrs()), k.dids().size());
        }
        return 0;
    }

    @Command(name = "set", description = "Change a trunk; options not given keep their value, --did given replaces "
            + "all its numbers.")
    int set(@Option(names = {"-t", "--tenant"}, required = true, description = "id or domain") String tenant,
            @Parameters(paramLabel = "TRUNK", description = "id or name") String trunk,
            @Option(names = "--name", description = "a new name") String name,
            @Option(names = "--source", paramLabel = "CIDR", description = "replaces the networks; repeat for more")
            List<String> sources,
            @Option(names = "--did", paramLabel = "NUMBER=EXT", description = "replaces the numbers; repeat for more")
            List<String> dids,
            @Option(names = "--no-dids", description = "remove every number") boolean noDids) {
        Map<String, String> parsed = noDids ? Map.of() : dids == null ? null : parse(dids);
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            Trunk k = w.core().trunks().update(t.id(), find(w, t, trunk).id(), name, sources, parsed, CLI);
            out().printf("trunk %s: %s; %s%n", k.name(), String.join(",", k.sourceCidrs()), dids(k));
        }
        return 0;
    }

    @Command(name = "remove", description = "Remove a trunk: its numbers ring nowhere here any more.")
    int remove(@Option(names = {"-t", "--tenant"}, required = true, description = "id or domain") String tenant,
               @Parameters(paramLabel = "TRUNK", description = "id or name") String trunk) {
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            Trunk k = find(w, t, trunk);
            w.core().trunks().remove(t.id(), k.id(), CLI);
            out().printf("trunk %s removed%n", k.name());
        }
        return 0;
    }

    private static Trunk find(Wiring w, Tenant t, String idOrName) {
        return w.core().trunks().list(t.id()).stream()
                .filter(k -> k.name().equals(idOrName) || String.valueOf(k.id()).equals(idOrName))
                .findFirst().orElseThrow(() -> new NotFoundException("trunk", idOrName));
    }

    /** NUMBER=EXT options, read before the database is opened: one bad option changes nothing. */
    private static Map<String, String> parse(List<String> dids) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String d : dids == null ? List.<String>of() : dids) {
            int cut = d.indexOf('=');
            if (cut < 0) {
                throw new InvalidInputException("did", "'" + d + "' is not NUMBER=EXTENSION, e.g. +14155550100=1001");
            }
            parsed.put(d.substring(0, cut).trim(), d.substring(cut + 1).trim());
        }
        return parsed;
    }

    private static String dids(Trunk k) {
        if (k.dids().isEmpty()) return "none";
        StringBuilder s = new StringBuilder();
        k.dids().forEach((n, e) -> s.append(s.isEmpty() ? "" : ",").append(n).append("=").append(e));
        return s.toString();
    }
}
