package org.hotdesk.store.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hotdesk.core.HotdeskCore;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.tenant.TrustedNetworks;
import org.hotdesk.core.user.User;
import org.hotdesk.store.testing.BackendTest;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server's in-memory tenants, devices and users follow every edit: its own at once, another process's (an
 * admin command on the same database) once it catches up, which the running server does every second.
 */
abstract class CachesTest extends BackendTest {
    Tenant acme;
    Device desk;
    User alice;
    /** {@code bin/hotdesk} in another process, on the same database. */
    HotdeskCore adminCommand;

    @BeforeEach
    void scene() {
        acme = hd.tenant("acme.example");
        desk = hd.device(acme);
        alice = hd.user(acme, "1001", "1357");
        adminCommand = new TestHotdesk(db.database(), hd.clock()).core();
        hd.core().caches().catchUp();
        // the server reads them once: from now on they are held in memory
        assertThat(server().devices().findBySipUsername(desk.sipUsername())).isPresent();
        assertThat(server().users().findByExtension(acme.id(), "1001")).isPresent();
        assertThat(server().tenants().findByDomain("acme.example")).isPresent();
    }

    org.hotdesk.core.Ports server() {
        return hd.core().ports();
    }

    @Test
    void theServersOwnEditsShowAtOnce() {
        hd.core().devices().setEnabled(acme.id(), desk.id(), false, TestHotdesk.ADMIN);
        hd.core().users().setEnabled(acme.id(), alice.id(), false, TestHotdesk.ADMIN);
        hd.core().tenants().updateSettings(acme.id(),
                acme.settings().withTrustedNetworks(new TrustedNetworks(List.of("10.0.0.0/8"))), TestHotdesk.ADMIN);

        assertThat(server().devices().findBySipUsername(desk.sipUsername()).orElseThrow().enabled()).isFalse();
        assertThat(server().users().findByExtension(acme.id(), "1001").orElseThrow().enabled()).isFalse();
        assertThat(server().tenants().findByDomain("acme.example").orElseThrow().settings().trustedNetworks().cidrs())
                .containsExactly("10.0.0.0/8");
    }

    @Test
    void anotherProcesssEditsShowOnceTheServerCatchesUp() {
        adminCommand.devices().remove(acme.id(), desk.id(), TestHotdesk.ADMIN);
        adminCommand.users().setPin(acme.id(), alice.id(), "8642", TestHotdesk.ADMIN);

        assertThat(server().devices().findBySipUsername(desk.sipUsername())).as("not noticed yet").isPresent();
        hd.core().caches().catchUp();
        assertThat(server().devices().findBySipUsername(desk.sipUsername())).isEmpty();
        assertThat(server().users().findByExtension(acme.id(), "1001").orElseThrow().pinHash())
                .isNotEqualTo(alice.pinHash());
    }

    @Test
    void theServersOwnEditsDoNotEmptyItsCachesOnCatchUp() {
        Device other = hd.device(acme);
        hd.core().caches().catchUp();
        long before = System.identityHashCode(server().devices().findById(desk.id()).orElseThrow());

        hd.core().devices().setEnabled(acme.id(), other.id(), false, TestHotdesk.ADMIN);
        hd.core().caches().catchUp();

        assertThat(System.identityHashCode(server().devices().findById(desk.id()).orElseThrow()))
                .as("the untouched desk is still the copy held in memory").isEqualTo(before);
    }

    @Test
    void anEditRolledBackLeavesNothingBehind() {
        try {
            hd.core().ports().transactions().run(() -> {
                server().devices().setEnabled(desk.id(), false);
                assertThat(server().devices().findById(desk.id()).orElseThrow().enabled()).as("inside").isFalse();
                throw new IllegalStateException("rolled back");
            });
        } catch (IllegalStateException expected) {
            // the transaction is gone
        }
        assertThat(server().devices().findById(desk.id()).orElseThrow().enabled()).isTrue();
    }
}
