package org.hotdesk.app.cli;

import java.util.concurrent.Callable;
import org.hotdesk.app.Wiring;
import org.hotdesk.core.audit.AuditRecord;
import org.hotdesk.core.tenant.Tenant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "audit", mixinStandardHelpOptions = true, description = "A tenant's audit log, newest first.")
final class AuditCommand extends AdminCommand implements Callable<Integer> {
    @Option(names = {"-t", "--tenant"}, required = true)
    String tenant;

    @Option(names = "--limit", defaultValue = "50")
    int limit;

    @Override
    public Integer call() {
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            Table table = new Table("AT", "ACTOR", "ACTION", "SUBJECT", "REASON", "DETAIL");
            for (AuditRecord r : w.core().auditTrail().newest(t.id(), limit)) {
                table.row(r.at(), r.actor(), r.action(), r.subject(), r.reason(), r.detail());
            }
            table.print(out());
        }
        return 0;
    }
}
