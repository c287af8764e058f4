package org.hotdesk.app.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotdesk.app.Wiring;
import org.hotdesk.core.cluster.ClusterMember;
import picocli.CommandLine.Command;

@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "The hotdesk nodes sharing this database (several nodes behind a SIP edge).")
final class ClusterCommand extends AdminCommand {

    @Command(name = "status", description = "Every node that has run on this database: LIVE when it wrote its "
            + "heartbeat within the last 15 s (every 5 s while it runs), GONE when it stopped or died.")
    int status() {
        try (Wiring w = open()) {
            Instant now = w.clock().instant();
            List<ClusterMember> members = w.clusterMembers().all();
            Table table = new Table("NODE", "STATE", "SIP", "HTTP", "STARTED", "LAST_SEEN");
            long live = 0;
            for (ClusterMember m : members) {
                boolean isLive = m.isLive(now);
                if (isLive) live++;
                table.row(m.nodeId(), isLive ? "LIVE" : "GONE", m.sipAddress(), m.httpAddress(), m.startedAt(),
                        Duration.between(m.lastSeen(), now).toSeconds() + "s ago");
            }
            table.print(out());
            out().printf("%d of %d nodes live%n", live, members.size());
        }
        return 0;
    }

    @Command(name = "forget", description = "Take the GONE nodes off the list (a node that comes back adds itself again).")
    int forget() {
        try (Wiring w = open()) {
            int forgotten = w.clusterMembers().forgetSilentSince(w.clock().instant().minus(ClusterMember.SILENCE));
            out().printf("%d gone node(s) forgotten%n", forgotten);
        }
        return 0;
    }
}
