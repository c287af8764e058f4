package org.hotdesk.app.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.hotdesk.app.Wiring;
import org.hotdesk.core.call.CallRecord;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.tenant.Tenant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "calls", mixinStandardHelpOptions = true,
        description = "Call history, newest first: a user's calls from any desk and to them with --extension.")
final class CallsCommand extends AdminCommand implements Callable<Integer> {
    @Option(names = {"-t", "--tenant"}, required = true)
    String tenant;

    @Option(names = "--extension", description = "only calls made by or to this user")
    String extension;

    @Option(names = "--limit", defaultValue = "100", description = "at most this many calls (default ${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() {
        try (Wiring w = open()) {
            Tenant t = tenant(w, tenant);
            Long userId = extension == null ? null : w.core().users().byExtension(t.id(), extension).id();
            Table table = new Table("STARTED", "FROM", "DESK", "TO", "ANSWERED_ON", "TALK", "OUTCOME");
            for (CallRecord c : w.core().calls().history(t.id(), userId, limit)) {
                Duration talk = c.answeredAt() == null || c.endedAt() == null ? null
                        : Duration.between(c.answeredAt(), c.endedAt());
                table.row(c.startedAt(), c.caller(), label(w, c.callerDeviceId()), c.dialled(),
                        label(w, c.answeredDeviceId()), talk == null ? null : talk.toSeconds() + "s",
                        c.outcome() == null ? "IN_PROGRESS" : c.outcome());
            }
            table.print(out());
        }
        return 0;
    }

    private static String label(Wiring w, Long deviceId) {
        if (deviceId == null) return null;
        return w.core().devices().findById(deviceId).map(Device::label).orElse("#" + deviceId);
    }
}
