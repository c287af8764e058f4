package org.hotdesk.app.cli;

import org.hotdesk.app.Wiring;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.site.Site;
import org.hotdesk.core.tenant.Tenant;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sites", mixinStandardHelpOptions = true,
        description = "Buildings and offices: their address is the default for the desks there (devices set-site).")
final class SitesCommand extends AdminCommand {

    @Command(name = "add", description = "Add a site with its address.")
    int add(@Option(names = {"-t", "--tenant"}, required = true) String tenant,
            @Option(names = "--name", required = true) String name,
            @ArgGroup(exclusive = false) DevicesCommand.LocationOptions location) {
        CivicAddress where = location == null ? CivicAddress.NONE : location.toLocation();
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            Site site = w.core().sites().create(t.id(), name, where, CLI);
            out().printf("site %d created: %s (%s)%n", site.id(), site.name(), DevicesCommand.emergencyLocation(site.location()));
        }
        return 0;
    }

    @Command(name = "list", description = "A tenant's sites.")
    int list(@Option(names = {"-t", "--tenant"}, required = true) String tenant) {
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            Table table = new Table("ID", "NAME", "LOCATION");
            for (Site s : w.core().sites().list(t.id())) {
                table.row(s.id(), s.name(), DevicesCommand.emergencyLocation(s.location()));
            }
            table.print(out());
        }
        return 0;
    }

    @Command(name = "set-location", description = "Change a site's address; fields not given are cleared.")
    int setLocation(@Option(names = {"-t", "--tenant"}, required = true) String tenant,
                    @Option(names = "--name", required = true) String name,
                    @ArgGroup(exclusive = false) DevicesCommand.LocationOptions location) {
        CivicAddress where = location == null ? CivicAddress.NONE : location.toLocation();
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            Site site = w.core().sites().setLocation(t.id(), w.core().sites().byName(t.id(), name).id(), where, CLI);
            out().printf("site %s: %s%n", site.name(), DevicesCommand.emergencyLocation(site.location()));
        }
        return 0;
    }
}
