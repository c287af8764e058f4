package org.hotdesk.store.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.location.LocationService;
import org.hotdesk.core.location.Registration;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.store.Database;
import org.hotdesk.store.testing.BackendTest;
import org.hotdesk.store.testing.TestDatabase;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Two nodes of a cluster on one PostgreSQL: what one writes of a phone's bindings, the other re-reads when the
 * database tells it (LISTEN/NOTIFY), so a login or a call handled by either node finds the phone.
 */
@EnabledIfEnvironmentVariable(named = TestDatabase.PG_URL_VARIABLE, matches = ".+")
class PostgresClusterLocationTest extends BackendTest {
    Database secondPool;
    LocationService nodeA;
    LocationService nodeB;
    Tenant acme;
    Device desk;
    String key;

    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }

    @BeforeEach
    void twoNodes() {
        secondPool = db.reopen();
        TestHotdesk other = new TestHotdesk(secondPool, hd.clock());
        nodeA = hd.core().location();
        nodeB = other.core().location();
        nodeA.load();
        nodeB.load();
        acme = hd.tenant("acme.example");
        desk = hd.device(acme);
        key = LocationService.deviceKey(desk.id());
    }

    @AfterEach
    void closeSecond() {
        secondPool.close();
    }

    Registration binding(String contact, String source) {
        Instant now = hd.clock().instant();
        return new Registration(acme.id(), desk.id(), null, desk.sipUsername(), contact, source, "udp", "Yealink",
                null, List.of("<sip:edge.example.net;lr;received=sip:" + source + ">"), now, now.plusSeconds(300), "c1");
    }

    @Test
    void aPhoneRegisteredThroughOneNodeIsFoundByTheOtherAndItsRemovalToo() throws InterruptedException {
        assertThat(nodeB.ofDevice(desk.id())).as("nothing registered yet").isEmpty();

        nodeA.put(key, binding("sip:hd@192.0.2.7:5062", "192.0.2.7:5062"));
        nodeA.flush();

        assertThat(eventually(() -> nodeB.ofDevice(desk.id()))).singleElement()
                .satisfies(b -> assertThat(b.path()).containsExactly("<sip:edge.example.net;lr;received=sip:192.0.2.7:5062>"));
        assertThat(nodeB.byContact("hd@192.0.2.7:5062")).isPresent();

        nodeA.put(key, binding("sip:hd@192.0.2.7:5062", "192.0.2.7:40000"));
        nodeA.flush();
        assertThat(eventually(() -> nodeB.ofDevice(desk.id()).stream()
                .filter(b -> b.source().equals("192.0.2.7:40000")).toList())).as("the new NAT address").hasSize(1);

        nodeA.removeAll(key);
        nodeA.flush();
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!nodeB.ofDevice(desk.id()).isEmpty() && System.nanoTime() < until) Thread.sleep(20);
        assertThat(nodeB.ofDevice(desk.id())).as("unregistered on the other node too").isEmpty();
        assertThat(nodeB.byContact("hd@192.0.2.7:5062")).isEmpty();
    }

    @Test
    void aChangeNotYetWrittenOnThisNodeIsNotUndoneByTheOthersWrite() {
        nodeA.put(key, binding("sip:hd@192.0.2.7:5062", "192.0.2.7:5062"));
        nodeA.flush();
        eventually(() -> nodeB.ofDevice(desk.id()));

        // the phone failed over to B, which has not flushed yet, when A writes an older change of the same phone
        nodeB.put(key, binding("sip:hd@192.0.2.7:5062", "192.0.2.7:41000"));
        nodeA.put(key, binding("sip:hd@192.0.2.7:5062", "192.0.2.7:5062"));
        hd.clock().advance(Duration.ofSeconds(200));
        nodeA.put(key, binding("sip:hd@192.0.2.7:5062", "192.0.2.7:5063"));
        nodeA.flush();
        Device marker = hd.device(acme);
        String markerKey = LocationService.deviceKey(marker.id());
        nodeA.put(markerKey, new Registration(acme.id(), marker.id(), null, marker.sipUsername(), "sip:m@192.0.2.8:5060",
                "192.0.2.8:5060", "udp", "", null, List.of(), hd.clock().instant(), hd.clock().instant().plusSeconds(300), "m"));
        nodeA.flush();
        eventually(() -> nodeB.ofDevice(marker.id()));

        assertThat(nodeB.ofDevice(desk.id())).as("B's own newer binding, after A's notice was heard")
                .singleElement().satisfies(b -> assertThat(b.source()).isEqualTo("192.0.2.7:41000"));
    }

    @Test
    void theOtherNodesBindingIsNotExpiredHereButForgottenWhenItRunsOut() {
        nodeA.put(key, binding("sip:hd@192.0.2.7:5062", "192.0.2.7:5062"));
        nodeA.flush();
        eventually(() -> nodeB.ofDevice(desk.id()));

        hd.clock().advance(Duration.ofSeconds(301));
        assertThat(nodeB.expire()).as("not B's to expire (A tells the listeners and writes it)").isZero();
        assertThat(nodeB.flush()).as("nothing for B to write").isZero();
        assertThat(nodeB.byContact("hd@192.0.2.7:5062")).isEmpty();
        assertThat(nodeA.expire()).isEqualTo(1);
    }

    /** What {@code seen} answers once it is not empty (the other node heard), or empty after 10 s. */
    private static <T> List<T> eventually(Supplier<List<T>> seen) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<T> now = seen.get();
        while (now.isEmpty() && System.nanoTime() < until) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return now;
            }
            now = seen.get();
        }
        return now;
    }
}
