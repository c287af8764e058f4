package org.hotdesk.app.cli;

import java.util.concurrent.Callable;
import org.hotdesk.app.Wiring;
import org.hotdesk.core.emergency.EmergencyAlert;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.tenant.Tenant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "emergency", mixinStandardHelpOptions = true,
        description = "Emergency calls made from the tenant's desks, newest first, with the on-site alert's delivery.")
final class EmergencyCommand extends AdminCommand implements Callable<Integer> {
    @Option(names = {"-t", "--tenant"}, required = true)
    String tenant;

    @Option(names = "--limit", defaultValue = "100", description = "at most this many calls (default ${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() {
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            Table table = new Table("TIME", "DIALLED", "DESK", "USER", "LOCATION", "CALLBACK", "ALERT");
            for (EmergencyAlert a : w.core().emergency().list(t.id(), limit)) {
                CivicAddress l = a.location();
                String alert = a.isDelivered() ? "delivered " + a.deliveredAt()
                        : "pending, " + a.attempts() + " tries" + (a.lastError() == null ? "" : ": " + a.lastError());
                table.row(a.occurredAt(), a.dialled(), a.deviceMac() + " " + a.deviceName(),
                        a.userExtension() == null ? "-" : a.userExtension() + " " + a.userName(),
                        DevicesCommand.emergencyLocation(l), l.callbackNumber() == null ? "-" : l.callbackNumber(), alert);
            }
            table.print(out());
        }
        return 0;
    }
}
