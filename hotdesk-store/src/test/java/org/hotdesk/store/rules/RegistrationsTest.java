package org.hotdesk.store.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.location.LocationListener;
import org.hotdesk.core.location.LocationService;
import org.hotdesk.core.location.Registration;
import org.hotdesk.core.location.RegistrationStore;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.store.testing.BackendTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The location service: bindings held in memory, replaced by contact or instance, expired by time, written behind
 * to the database and read back by a restarted server or an admin command.
 */
abstract class RegistrationsTest extends BackendTest {
    Tenant acme;
    Device desk;
    String key;
    LocationService location;
    Instant now;
    final List<String> heard = new ArrayList<>();

    @BeforeEach
    void scene() {
        acme = hd.tenant("acme.example");
        desk = hd.device(acme);
        key = LocationService.deviceKey(desk.id());
        location = hd.core().location();
        location.load();
        location.addListener(new LocationListener() {
            @Override
            public void inserted(Registration b) {
                heard.add("inserted " + b.contact());
            }

            @Override
            public void refreshed(Registration before, Registration after) {
                heard.add("refreshed " + before.contact() + " -> " + after.contact());
            }

            @Override
            public void removed(Registration b) {
                heard.add("removed " + b.contact());
            }

            @Override
            public void expired(Registration b) {
                heard.add("expired " + b.contact());
            }
        });
        now = hd.clock().instant();
    }

    Registration binding(String contact, String instance, int seconds) {
        return new Registration(acme.id(), desk.id(), null, desk.sipUsername(), contact, "192.0.2.7:5062", "udp",
                "Yealink SIP-T54W", instance, List.of("<sip:edge.example.net;lr>"), now, now.plusSeconds(seconds), "c1@192.0.2.7");
    }

    /** What a server started afresh on the same database sees. */
    LocationService restarted() {
        LocationService fresh = new LocationService(hd.core().ports().registrations(), hd.clock());
        fresh.load();
        return fresh;
    }

    /** What an admin command in another process sees: the store, through a location service never loaded. */
    LocationService adminCommand() {
        return new LocationService(hd.core().ports().registrations(), hd.clock());
    }

    @Test
    void aBindingIsKeptWithEverythingThePhoneSentAndSurvivesARestartOnceWritten() {
        location.put(key, binding("sip:hd@192.0.2.7:5062", "<urn:uuid:1>", 300));
        assertThat(restarted().ofDevice(desk.id())).as("not written yet").isEmpty();

        assertThat(location.flush()).isEqualTo(1);

        for (LocationService seen : List.of(location, restarted(), adminCommand())) {
            assertThat(seen.ofDevice(desk.id())).singleElement().satisfies(b -> {
                assertThat(b.source()).isEqualTo("192.0.2.7:5062");
                assertThat(b.userAgent()).isEqualTo("Yealink SIP-T54W");
                assertThat(b.path()).containsExactly("<sip:edge.example.net;lr>");
                assertThat(b.instanceId()).isEqualTo("<urn:uuid:1>");
                assertThat(b.callId()).isEqualTo("c1@192.0.2.7");
            });
            assertThat(seen.inTenant(acme.id())).hasSize(1);
        }
        assertThat(location.byContact("hd@192.0.2.7:5062")).isPresent();
        assertThat(location.byContact("other@192.0.2.7:5062")).isEmpty();
    }

    @Test
    void theSameContactOrInstanceReplacesAndAnotherContactAdds() {
        location.put(key, binding("sip:a@h:1", "<urn:uuid:1>", 300));
        location.put(key, binding("<sip:a@h:1;transport=udp>", null, 600));
        location.put(key, binding("sip:b@h:2", "<urn:uuid:2>", 300));
        location.put(key, binding("sip:c@h:3", "<urn:uuid:2>", 300));
        location.flush();

        assertThat(location.ofDevice(desk.id())).extracting(Registration::contact)
                .containsExactly("<sip:a@h:1;transport=udp>", "sip:c@h:3");
        assertThat(restarted().ofDevice(desk.id())).extracting(Registration::contact)
                .containsExactly("<sip:a@h:1;transport=udp>", "sip:c@h:3");
        assertThat(heard).containsExactly("inserted sip:a@h:1", "refreshed sip:a@h:1 -> <sip:a@h:1;transport=udp>",
                "inserted sip:b@h:2", "refreshed sip:b@h:2 -> sip:c@h:3");
    }

    @Test
    void aRefreshMovesTheStoredExpiry() {
        location.put(key, binding("sip:a@h:1", null, 300));
        location.flush();
        hd.clock().advance(Duration.ofSeconds(200));
        now = hd.clock().instant();
        location.put(key, binding("sip:a@h:1", null, 300));
        location.flush();

        hd.clock().advance(Duration.ofSeconds(200));
        assertThat(restarted().ofDevice(desk.id())).singleElement()
                .satisfies(b -> assertThat(b.expiresAt()).isEqualTo(now.plusSeconds(300)));
    }

    @Test
    void aQuickRefreshIsNotWrittenWhileTheStoredExpiryStillCarriesTheBindingButANewSourceIs() {
        location.put(key, binding("sip:a@h:1", null, 300));
        location.flush();
        Instant stored = now.plusSeconds(300);
        hd.clock().advance(Duration.ofSeconds(60));
        now = hd.clock().instant();
        location.put(key, binding("sip:a@h:1", null, 300));
        assertThat(location.flush()).as("240 of 300 s left in the database: nothing to write").isZero();
        assertThat(location.ofDevice(desk.id())).singleElement()
                .satisfies(b -> assertThat(b.expiresAt()).isEqualTo(now.plusSeconds(300)));
        assertThat(restarted().ofDevice(desk.id())).singleElement()
                .satisfies(b -> assertThat(b.expiresAt()).as("a restart still finds it").isEqualTo(stored));

        Registration moved = new Registration(acme.id(), desk.id(), null, desk.sipUsername(), "sip:a@h:1",
                "192.0.2.99:40000", "udp", "Yealink SIP-T54W", null, List.of("<sip:edge.example.net;lr>"), now,
                now.plusSeconds(300), "c1@192.0.2.7");
        location.put(key, moved);
        assertThat(location.flush()).as("a new NAT binding is written at once").isEqualTo(1);
        assertThat(restarted().ofDevice(desk.id())).singleElement()
                .satisfies(b -> assertThat(b.source()).isEqualTo("192.0.2.99:40000"));
    }

    @Test
    void expiredBindingsAreNeitherReturnedNorKeptAndTheListenersHearOfThem() {
        location.put(key, binding("sip:a@h:1", null, 60));
        location.put(key, binding("sip:b@h:2", null, 600));
        location.flush();

        hd.clock().advance(Duration.ofSeconds(61));
        assertThat(location.ofDevice(desk.id())).extracting(Registration::contact).containsExactly("sip:b@h:2");
        assertThat(location.expire()).isEqualTo(1);
        assertThat(heard).endsWith("expired sip:a@h:1");
        assertThat(location.byContact("a@h:1")).isEmpty();
        location.flush();
        hd.clock().advance(Duration.ofSeconds(-61));
        assertThat(adminCommand().ofDevice(desk.id())).as("the expired row is gone from the database too")
                .extracting(Registration::contact).containsExactly("sip:b@h:2");
    }

    @Test
    void anUnregisteredContactIsRemovedEverywhere() {
        location.put(key, binding("sip:a@h:1", null, 300));
        location.put(key, binding("sip:b@h:2", null, 300));
        location.flush();

        assertThat(location.remove(key, "<sip:a@h:1>")).isPresent();
        assertThat(location.remove(key, "sip:nobody@h:9")).isEmpty();
        location.flush();

        assertThat(restarted().ofDevice(desk.id())).extracting(Registration::contact).containsExactly("sip:b@h:2");
        location.removeAll(key);
        location.flush();
        assertThat(restarted().ofDevice(desk.id())).isEmpty();
        assertThat(heard).endsWith("removed sip:a@h:1", "removed sip:b@h:2");
    }

    @Test
    void manyAccountsAreWrittenInOneFlush() {
        List<Device> desks = new ArrayList<>();
        for (int i = 0; i < 40; i++) desks.add(hd.device(acme));
        for (Device d : desks) {
            location.put(LocationService.deviceKey(d.id()), new Registration(acme.id(), d.id(), null, d.sipUsername(),
                    "sip:" + d.sipUsername() + "@192.0.2.9:5060", "192.0.2.9:5060", "udp", "", null, List.of(), now,
                    now.plusSeconds(300), "x"));
        }
        assertThat(location.flush()).isEqualTo(40);
        assertThat(location.flush()).as("nothing changed since").isZero();
        assertThat(adminCommand().inTenant(acme.id())).hasSize(40);
    }

    @Test
    void aRevokedPhoneKeyBindingStaysRevokedUntilItWouldHaveExpiredAcrossARestart() {
        long alice = hd.user(acme, "1001", "1357").id();
        Registration phoneKey = new Registration(acme.id(), desk.id(), alice, "1001", "sip:1001@192.0.2.7:5062",
                "192.0.2.7:5062", "udp", "", null, List.of(), now, now.plusSeconds(600), "c1@192.0.2.7");
        location.revoke(phoneKey);

        assertThat(location.isRevoked(desk.id(), alice, "c1@192.0.2.7")).isTrue();
        assertThat(location.isRevoked(desk.id(), alice, "another@192.0.2.7")).isFalse();
        assertThat(restarted().isRevoked(desk.id(), alice, "c1@192.0.2.7")).as("after a restart").isTrue();
        hd.clock().advance(Duration.ofSeconds(599));
        assertThat(location.isRevoked(desk.id(), alice, "c1@192.0.2.7")).isTrue();
        hd.clock().advance(Duration.ofSeconds(1));
        assertThat(location.isRevoked(desk.id(), alice, "c1@192.0.2.7")).isFalse();
        assertThat(restarted().isRevoked(desk.id(), alice, "c1@192.0.2.7")).isFalse();
    }

    /** A server that opened and takes REGISTERs while its bindings are still being read. */
    LocationService opened() {
        LocationService fresh = new LocationService(hd.core().ports().registrations(), hd.clock());
        fresh.open();
        return fresh;
    }

    @Test
    void whileTheBindingsLoadAnAccountIsReadAloneAndARegisterWinsOverWhatTheLoadBringsLater() {
        Device second = hd.device(acme);
        String secondKey = LocationService.deviceKey(second.id());
        Device third = hd.device(acme);
        String thirdKey = LocationService.deviceKey(third.id());
        location.put(key, binding("sip:a@h:1", null, 300));
        location.put(secondKey, new Registration(acme.id(), second.id(), null, second.sipUsername(), "sip:s@h:2",
                "192.0.2.8:5060", "udp", "", null, List.of(), now, now.plusSeconds(300), "c2"));
        location.put(thirdKey, new Registration(acme.id(), third.id(), null, third.sipUsername(), "sip:t@h:3",
                "192.0.2.9:5060", "udp", "", null, List.of(), now, now.plusSeconds(300), "c3"));
        location.flush();

        LocationService starting = opened();
        assertThat(starting.ofDevice(desk.id())).as("read alone before the load").extracting(Registration::contact)
                .containsExactly("sip:a@h:1");
        hd.clock().advance(Duration.ofSeconds(10));
        now = hd.clock().instant();
        starting.put(key, binding("sip:b@h:2", null, 600));
        starting.put(secondKey, new Registration(acme.id(), second.id(), null, second.sipUsername(), "sip:s@h:2",
                "192.0.2.99:40000", "udp", "", null, List.of(), now, now.plusSeconds(600), "c2"));
        assertThat(starting.remove(thirdKey, "sip:t@h:3")).as("a stored binding is found to be removed").isPresent();

        starting.loadAll();

        assertThat(starting.ofDevice(desk.id())).as("the second contact kept the stored first one, once")
                .extracting(Registration::contact).containsExactly("sip:a@h:1", "sip:b@h:2");
        assertThat(starting.ofDevice(second.id())).singleElement().as("the REGISTER's binding, not the stored one")
                .satisfies(b -> assertThat(b.source()).isEqualTo("192.0.2.99:40000"));
        assertThat(starting.ofDevice(third.id())).as("the load does not bring back a removed binding").isEmpty();
        assertThat(starting.byContact("t@h:3")).isEmpty();
        assertThat(starting.byContact("s@h:2")).hasValueSatisfying(b -> assertThat(b.source()).isEqualTo("192.0.2.99:40000"));
        assertThat(starting.inTenant(acme.id())).hasSize(3);
        starting.flush();
        assertThat(restarted().inTenant(acme.id())).extracting(Registration::contact)
                .containsExactlyInAnyOrder("sip:a@h:1", "sip:b@h:2", "sip:s@h:2");
    }

    @Test
    void anAccountChangedWhileTheBulkReadWasUnderWayIsNotOverwrittenByIt() {
        location.put(key, binding("sip:a@h:1", null, 300));
        location.flush();
        LocationService[] starting = new LocationService[1];
        // the store answers the bulk read with the stored binding, and only then does a REGISTER replace it
        RegistrationStore slowStore = new ForwardingStore(hd.core().ports().registrations()) {
            @Override
            public List<Registration> active(Instant at) {
                List<Registration> read = super.active(at);
                assertThat(read).extracting(Registration::contact).contains("sip:a@h:1");
                starting[0].removeAll(key);
                starting[0].put(key, binding("sip:z@h:9", null, 300));
                return read;
            }
        };
        starting[0] = new LocationService(slowStore, hd.clock());
        starting[0].open();

        starting[0].loadAll();

        assertThat(starting[0].ofDevice(desk.id())).extracting(Registration::contact).containsExactly("sip:z@h:9");
        assertThat(starting[0].byContact("a@h:1")).isEmpty();
    }

    @Test
    void aLookupAcrossAccountsWaitsForTheLoad() throws Exception {
        location.put(key, binding("sip:a@h:1", null, 300));
        location.flush();
        LocationService starting = opened();
        List<List<Registration>> seen = new ArrayList<>();
        Thread console = new Thread(() -> seen.add(starting.inTenant(acme.id())));
        console.start();
        while (console.getState() != Thread.State.TIMED_WAITING) {
            assertThat(console.getState()).as("the tenant's list waits, it does not answer half").isNotEqualTo(Thread.State.TERMINATED);
            Thread.onSpinWait();
        }

        starting.loadAll();
        console.join(10_000);

        assertThat(seen).singleElement().asList().hasSize(1);
    }
}
