package org.hotdesk.store.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.store.Database;
import org.hotdesk.store.testing.BackendTest;
import org.hotdesk.store.testing.TestDatabase;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** Two nodes counting one desk's fetches at once, each on its own pool: together they never pass the limit. */
@EnabledIfEnvironmentVariable(named = TestDatabase.PG_URL_VARIABLE, matches = ".+")
class PostgresClusterCountsTest extends BackendTest {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }

    @Test
    void twoNodesCountingOneDeskStopAtTheLimitTogether() throws InterruptedException {
        Tenant acme = hd.tenant("acme.example");
        Device desk = hd.device(acme);
        AtomicInteger counted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        try (Database second = db.reopen()) {
            TestHotdesk other = new TestHotdesk(second, hd.clock());
            List<Thread> nodes = List.of(hd, other).stream().map(node -> new Thread(() -> {
                for (int i = 0; i < 30; i++) {
                    int result = node.core().ports().transactions().inTransaction(() -> node.core().ports()
                            .provisionCounts().countIfBelow(desk.id(), List.of(desk.id()), 40));
                    (result > 0 ? counted : refused).incrementAndGet();
                }
            })).toList();
            nodes.forEach(Thread::start);
            for (Thread t : nodes) t.join(60_000);
        }
        assertThat(counted.get()).as("60 fetches, limit 40").isEqualTo(40);
        assertThat(refused.get()).isEqualTo(20);
        assertThat(hd.core().devices().get(acme.id(), desk.id()).provisionCount()).isEqualTo(40);
    }
}
