package org.hotdesk.store.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.hotdesk.core.cluster.ClusterMember;
import org.hotdesk.core.login.SourceGuard;
import org.hotdesk.core.login.SourceLimits;
import org.hotdesk.store.Database;
import org.hotdesk.store.JdbiClusterMembers;
import org.hotdesk.store.JdbiTransactions;
import org.hotdesk.store.SharedSourceLimits;
import org.hotdesk.store.testing.BackendTest;
import org.hotdesk.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Two nodes on one PostgreSQL (two pools on one schema): the per-address limiter's failures and blocks reach the
 * other node, and a node that starts later finds the blocks still in force; the nodes list themselves.
 */
@EnabledIfEnvironmentVariable(named = TestDatabase.PG_URL_VARIABLE, matches = ".+")
class PostgresSharedSourceLimitsTest extends BackendTest {
    static final SourceLimits LIMITS = new SourceLimits(6, 60, 15);
    Database secondPool;
    SourceGuard guardA;
    SourceGuard guardB;
    SharedSourceLimits sharedA;
    SharedSourceLimits sharedB;

    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }

    @BeforeEach
    void twoNodes() {
        secondPool = db.reopen();
        guardA = new SourceGuard(hd.clock(), LIMITS);
        guardB = new SourceGuard(hd.clock(), LIMITS);
        sharedA = SharedSourceLimits.start(db.database(), guardA, hd.clock());
        sharedB = SharedSourceLimits.start(secondPool, guardB, hd.clock());
    }

    @AfterEach
    void close() {
        sharedA.close();
        sharedB.close();
        secondPool.close();
    }

    @Test
    void failuresOnBothNodesAddUpAndTheBlockHoldsOnBothAndForANodeStartedLater() throws Exception {
        for (int i = 0; i < 3; i++) guardA.failed("198.51.100.7", "wrong digest");
        // B hears A's three within a few tenths of a second: its first own failure is already past half the allowance
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (guardB.delayFor("198.51.100.7").isZero() && System.nanoTime() < until) {
            guardB.failed("198.51.100.99", "unrelated"); // the other address keeps B's news flowing
            Thread.sleep(50);
        }
        for (int i = 0; i < 3; i++) guardB.failed("198.51.100.7", "wrong digest");
        assertThat(guardB.isBlocked("198.51.100.7")).as("three on A and three on B").isTrue();

        until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!guardA.isBlocked("198.51.100.7") && System.nanoTime() < until) Thread.sleep(20);
        assertThat(guardA.isBlocked("198.51.100.7")).as("A holds the block B set").isTrue();

        try (Database third = db.reopen()) {
            SourceGuard later = new SourceGuard(hd.clock(), LIMITS);
            try (SharedSourceLimits shared = SharedSourceLimits.start(third, later, hd.clock())) {
                assertThat(later.isBlocked("198.51.100.7")).as("a node started after the block").isTrue();
                assertThat(later.isBlocked("198.51.100.8")).isFalse();
            }
        }
        hd.clock().advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(guardA.isBlocked("198.51.100.7")).as("over after blockMinutes").isFalse();
    }

    @Test
    void eachNodeListsItselfAndALeavingNodeIsGone() {
        JdbiClusterMembers a = new JdbiClusterMembers(new JdbiTransactions(db.database().jdbi()));
        JdbiClusterMembers b = new JdbiClusterMembers(new JdbiTransactions(secondPool.jdbi()));
        var t0 = hd.clock().instant();
        a.beat(new ClusterMember("a", "10.0.0.11:5060", "10.0.0.11:8080", t0, t0));
        b.beat(new ClusterMember("b", "10.0.0.12:5060", "10.0.0.12:8080", t0, t0));
        hd.clock().advance(Duration.ofSeconds(20));
        a.beat(new ClusterMember("a", "10.0.0.11:5060", "10.0.0.11:8080", t0, hd.clock().instant()));

        List<ClusterMember> seen = b.all();
        assertThat(seen).extracting(ClusterMember::nodeId).containsExactly("a", "b");
        assertThat(seen.get(0).isLive(hd.clock().instant())).as("a beat just now").isTrue();
        assertThat(seen.get(1).isLive(hd.clock().instant())).as("b silent for 20 s").isFalse();

        assertThat(a.forgetSilentSince(hd.clock().instant().minus(ClusterMember.SILENCE))).isEqualTo(1);
        a.leave("a");
        assertThat(b.all()).isEmpty();
    }
}
