package org.hotdesk.store.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.registration.Registration;
import org.hotdesk.core.registration.RegistrationStore;
import org.hotdesk.core.registration.StoredRegistrations;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.store.testing.BackendTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SIP bindings survive in the database, replace each other by contact or instance, and expire. */
abstract class RegistrationsTest extends BackendTest {
    Tenant acme;
    Device desk;
    String key;
    RegistrationStore store;
    Instant now;

    @BeforeEach
    void scene() {
        acme = hd.tenant("acme.example");
        desk = hd.device(acme);
        key = StoredRegistrations.deviceKey(desk.id());
        store = hd.core().ports().registrations();
        now = hd.clock().instant();
    }

    Registration binding(String contact, String instance, int seconds) {
        return new Registration(acme.id(), desk.id(), null, desk.sipUsername(), contact, "192.0.2.7:5062", "udp",
                "Yealink SIP-T54W", instance, List.of("<sip:edge.example.net;lr>"), now, now.plusSeconds(seconds), "c1@192.0.2.7");
    }

    @Test
    void aBindingIsReadBackWithEverythingThePhoneSent() {
        store.save(key, "hd@192.0.2.7:5062", binding("sip:hd@192.0.2.7:5062", "<urn:uuid:1>", 300));

        assertThat(hd.core().registrations().ofDevice(desk.id())).singleElement().satisfies(b -> {
            assertThat(b.source()).isEqualTo("192.0.2.7:5062");
            assertThat(b.userAgent()).isEqualTo("Yealink SIP-T54W");
            assertThat(b.path()).containsExactly("<sip:edge.example.net;lr>");
            assertThat(b.instanceId()).isEqualTo("<urn:uuid:1>");
            assertThat(b.callId()).isEqualTo("c1@192.0.2.7");
        });
        assertThat(store.byContact("hd@192.0.2.7:5062", now)).isPresent();
        assertThat(hd.core().registrations().inTenant(acme.id())).hasSize(1);
    }

    @Test
    void theSameContactOrInstanceReplacesAndAnotherContactAdds() {
        store.save(key, "a@h:1", binding("sip:a@h:1", "<urn:uuid:1>", 300));
        store.save(key, "a@h:1", binding("sip:a@h:1", null, 600));
        store.save(key, "b@h:2", binding("sip:b@h:2", "<urn:uuid:2>", 300));
        store.save(key, "c@h:3", binding("sip:c@h:3", "<urn:uuid:2>", 300));

        assertThat(store.ofAccount(key, now)).extracting(Registration::contact).containsExactly("sip:a@h:1", "sip:c@h:3");
    }

    @Test
    void expiredBindingsAreNeitherReturnedNorKept() {
        store.save(key, "a@h:1", binding("sip:a@h:1", null, 60));
        store.save(key, "b@h:2", binding("sip:b@h:2", null, 600));

        hd.clock().advance(Duration.ofSeconds(61));
        assertThat(hd.core().registrations().ofDevice(desk.id())).extracting(Registration::contact).containsExactly("sip:b@h:2");
        assertThat(store.purgeExpired(hd.clock().instant())).isEqualTo(1);
        assertThat(store.byContact("a@h:1", now)).isEmpty();
    }

    @Test
    void aRevokedPhoneKeyBindingStaysRevokedUntilItWouldHaveExpired() {
        long alice = hd.user(acme, "1001", "1357").id();
        store.revoke(desk.id(), alice, "c1@192.0.2.7", now.plusSeconds(300));
        store.revoke(desk.id(), alice, "c1@192.0.2.7", now.plusSeconds(600));

        assertThat(store.isRevoked(desk.id(), alice, "c1@192.0.2.7", now)).isTrue();
        assertThat(store.isRevoked(desk.id(), alice, "another@192.0.2.7", now)).isFalse();
        assertThat(store.isRevoked(desk.id(), alice, "c1@192.0.2.7", now.plusSeconds(599))).as("the later one counts").isTrue();
        assertThat(store.isRevoked(desk.id(), alice, "c1@192.0.2.7", now.plusSeconds(600))).isFalse();
        store.purgeExpired(now.plusSeconds(601));
        assertThat(store.isRevoked(desk.id(), alice, "c1@192.0.2.7", now)).as("purged").isFalse();
    }
}
