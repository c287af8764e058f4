package org.hotdesk.core.cluster;

import java.util.List;

/** The nodes that have run on the shared database, as each last reported itself. */
public interface ClusterMembers {
    /** Records that {@code member} runs (adds it, or updates its addresses and times). */
    void beat(ClusterMember member);

    /** A node stopping cleanly takes itself off the list. */
    void leave(String nodeId);

    /** Every node recorded, live or not, by id. */
    List<ClusterMember> all();

    /** Forgets nodes not heard from since {@code before} (a node renamed or removed for good). */
    int forgetSilentSince(java.time.Instant before);
}
