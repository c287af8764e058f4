package org.hotdesk.app.server;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotdesk.core.cluster.ClusterMember;
import org.hotdesk.core.cluster.ClusterMembers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the shared database, every {@link ClusterMember#HEARTBEAT}, that this node runs; a clean stop takes it off
 * the list. A node killed stops beating and shows as gone once {@link ClusterMember#SILENCE} has passed.
 */
final class ClusterHeartbeat implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ClusterHeartbeat.class);
    private final ClusterMembers members;
    private final Clock clock;
    private final ClusterMember self;
    private final java.util.concurrent.atomic.AtomicBoolean othersLive;
    private final ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cluster-heartbeat");
        t.setDaemon(true);
        return t;
    });

    /** @param othersLive set at every beat: whether another node of the cluster is live now */
    ClusterHeartbeat(ClusterMembers members, Clock clock, java.util.concurrent.atomic.AtomicBoolean othersLive,
                     String nodeId, String sipAddress, String httpAddress) {
        this.othersLive = othersLive;
        this.members = members;
        this.clock = clock;
        this.self = new ClusterMember(nodeId, sipAddress, httpAddress, clock.instant(), clock.instant());
        members.beat(self);
        look();
        long every = ClusterMember.HEARTBEAT.toMillis();
        beat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    String nodeId() {
        return self.nodeId();
    }

    private void beat() {
        try {
            members.beat(self.seenAt(clock.instant()));
            look();
        } catch (RuntimeException e) {
            log.warn("cluster heartbeat not written node={}: {}", self.nodeId(), e.toString());
        }
    }

    private void look() {
        var now = clock.instant();
        boolean others = members.all().stream().anyMatch(m -> !m.nodeId().equals(self.nodeId()) && m.isLive(now));
        if (othersLive.getAndSet(others) != others) {
            log.info("cluster node={} other live nodes: {}", self.nodeId(), others ? "yes" : "none");
        }
    }

    @Override
    public void close() {
        beat.shutdownNow();
        try {
            members.leave(self.nodeId());
        } catch (RuntimeException e) {
            log.warn("cluster node not taken off the list node={}: {}", self.nodeId(), e.toString());
        }
    }
}
