package org.hotdesk.core.cluster;

import java.time.Duration;
import java.time.Instant;

/**
 * One hotdesk node of a cluster as the shared database knows it: it writes {@code lastSeen} every
 * {@link #HEARTBEAT} while it runs.
 *
 * @param nodeId      the node's name ({@code cluster.nodeId})
 * @param sipAddress  where the node listens for SIP ({@code host:port}), the address the edge's node list names
 * @param httpAddress where its HTTP side listens ({@code host:port})
 */
public record ClusterMember(String nodeId, String sipAddress, String httpAddress, Instant startedAt, Instant lastSeen) {
    /** How often a running node says so. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(5);
    /**
     * A node not heard from for this long is taken as gone: three heartbeats, so one slow database write does not
     * make a live node look dead. (Kamailio's probing decides where phones go; this is what the admin is shown.)
     */
    public static final Duration SILENCE = HEARTBEAT.multipliedBy(3);

    public ClusterMember {
        if (nodeId == null || nodeId.isBlank()) throw new IllegalArgumentException("a cluster node needs an id");
    }

    public boolean isLive(Instant now) {
        return !lastSeen.plus(SILENCE).isBefore(now);
    }

    public ClusterMember seenAt(Instant at) {
        return new ClusterMember(nodeId, sipAddress, httpAddress, startedAt, at);
    }
}
