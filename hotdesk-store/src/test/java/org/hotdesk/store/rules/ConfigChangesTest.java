package org.hotdesk.store.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotdesk.core.device.BulkAction;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceChanges;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.event.ConfigChanged;
import org.hotdesk.core.event.DeviceEvent;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.tenant.FeatureCodes;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.tenant.TenantSettings;
import org.hotdesk.core.user.FunctionKey;
import org.hotdesk.core.user.User;
import org.hotdesk.store.testing.BackendTest;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An admin's edit that a phone shows tells exactly the phones that show it to re-sync, once the edit committed;
 * the fetch that follows is one the server asked for.
 */
abstract class ConfigChangesTest extends BackendTest {
    Tenant acme;
    User alice;
    Device window;
    Device kitchen;
    final List<DeviceEvent> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void scene() {
        acme = hd.tenant("acme.example");
        alice = hd.user(acme, "1001", "2581");
        window = hd.device(acme);
        kitchen = hd.device(acme);
        hd.core().logins().login(window.id(), new Credentials.ExtensionPin("1001", "2581"), TestHotdesk.ADMIN);
        // what the login asked for is fetched; from here on only the test's own changes ask
        hd.core().ports().resyncRequests().takeResyncRequest(window.id());
        hd.core().events().subscribe(seen::add);
    }

    private List<String> resynced() {
        return seen.stream().map(e -> e instanceof ConfigChanged c ? c.device().id() + ":" + c.what() : "other")
                .toList();
    }

    private boolean asked(Device d) {
        return hd.core().ports().resyncRequests().takeResyncRequest(d.id());
    }

    @Test
    void newKeysOrANewNameOfAPersonReachOnlyTheDeskSheSitsAt() {
        hd.core().users().setKeys(acme.id(), alice.id(),
                List.of(new FunctionKey(FunctionKey.Type.BLF, "1002", "Bob")), TestHotdesk.ADMIN);
        hd.core().users().rename(acme.id(), alice.id(), "Alice Smith", TestHotdesk.ADMIN);

        assertThat(resynced()).containsExactly(window.id() + ":user keys", window.id() + ":user name");
        assertThat(asked(window)).isTrue();
        assertThat(asked(window)).as("one fetch per request").isFalse();
        assertThat(asked(kitchen)).isFalse();
    }

    @Test
    void aPersonAtNoDeskResyncsNothing() {
        User bob = hd.user(acme, "1002", "7391");
        hd.core().users().setKeys(acme.id(), bob.id(), List.of(), TestHotdesk.ADMIN);

        assertThat(seen).isEmpty();
    }

    @Test
    void aDesksNewNameAndProvisioningResyncItOncePerEdit() {
        hd.core().devices().rename(acme.id(), kitchen.id(), "Desk 2.20 – Kitchen", null, TestHotdesk.ADMIN);
        assertThat(resynced()).containsExactly(kitchen.id() + ":desk name");

        seen.clear();
        hd.core().devices().update(acme.id(), kitchen.id(), new DeviceChanges("Kitchen", null, null, null, false, null,
                kitchen.provisioning().withSipDomain("voice.acme.example")), TestHotdesk.ADMIN);
        assertThat(resynced()).containsExactly(kitchen.id() + ":desk settings");

        seen.clear();
        Device now = hd.core().devices().get(acme.id(), kitchen.id());
        hd.core().devices().update(acme.id(), kitchen.id(), new DeviceChanges(now.name(), now.model(), null, null,
                false, null, now.provisioning()), TestHotdesk.ADMIN);
        assertThat(seen).as("a form saved unchanged").isEmpty();

        seen.clear();
        hd.core().devices().bulk(acme.id(), List.of(window.id(), kitchen.id()),
                new BulkAction.SetNtpServer("ntp.acme.example"), TestHotdesk.ADMIN);
        assertThat(resynced()).containsExactlyInAnyOrder(window.id() + ":provisioning", kitchen.id() + ":provisioning");
    }

    @Test
    void anEditThatIsRefusedResyncsNothing() {
        assertThatThrownBy(() -> hd.core().devices().bulk(acme.id(), List.of(window.id(), 999_999L),
                new BulkAction.SetSipDomain("voice.acme.example"), TestHotdesk.ADMIN))
                .isInstanceOf(InvalidInputException.class);

        assertThat(seen).isEmpty();
        assertThat(asked(window)).isFalse();
    }

    @Test
    void theTenantsLoginCodeOrTimeZoneResyncEveryDeskButItsEmergencyNumbersDoNot() {
        TenantSettings s = acme.settings();
        hd.core().tenants().updateSettings(acme.id(), new TenantSettings(s.sessionPolicy(), s.multipleLogin(),
                s.lockout(), s.otp(), s.timeZone(), List.of("112", "110"), s.routing(), s.featureCodes(),
                s.promptLanguage(), s.trustedNetworks(), s.provisioning()), TestHotdesk.ADMIN);
        assertThat(seen).as("emergency numbers are not in any phone's file").isEmpty();

        FeatureCodes codes = acme.settings().featureCodes();
        hd.core().tenants().updateSettings(acme.id(), acme.settings().withFeatureCodes(new FeatureCodes(
                codes.otpLogin(), codes.extensionLogin(), List.of("*44"), codes.logout())), TestHotdesk.ADMIN);
        assertThat(resynced()).containsExactlyInAnyOrder(window.id() + ":tenant settings",
                kitchen.id() + ":tenant settings");

        seen.clear();
        Tenant now = hd.core().tenants().get(acme.id());
        hd.core().tenants().updateSettings(acme.id(), now.settings().withTimeZone(ZoneId.of("America/New_York")),
                TestHotdesk.ADMIN);
        assertThat(seen).hasSize(2);
    }

    @Test
    void aRemovedDeskARotatedUrlAndAGatewaysNewNameOrLineAreAnnounced() {
        hd.core().devices().remove(acme.id(), kitchen.id(), TestHotdesk.ADMIN);
        assertThat(resynced()).containsExactly(kitchen.id() + ":device removed");

        seen.clear();
        hd.core().tenants().rotateProvisioningToken(acme.id(), TestHotdesk.ADMIN);
        assertThat(resynced()).containsExactly(window.id() + ":provisioning URL");

        seen.clear();
        List<Device> lines = hd.core().gateways().add(acme.id(), new org.hotdesk.core.device.NewDevice(
                org.hotdesk.core.device.MacAddress.parse("000b82000009"), "Lobby ATA",
                org.hotdesk.core.device.Vendor.GRANDSTREAM, "HT802", null, null), 1, TestHotdesk.ADMIN);
        long gateway = lines.get(0).gatewayId();
        hd.core().gateways().update(acme.id(), gateway, "Front ATA", null, TestHotdesk.ADMIN);
        assertThat(resynced()).containsExactly(lines.get(0).id() + ":gateway name");

        seen.clear();
        Device second = hd.core().gateways().addLine(acme.id(), gateway, 2, null, TestHotdesk.ADMIN);
        assertThat(resynced()).containsExactly(lines.get(0).id() + ":gateway line added",
                second.id() + ":gateway line added");
    }

    @Test
    void aDeskRemovedFromTheCommandLineIsAnnouncedByTheServer() {
        hd.core().configChanges().announcePending(10); // the login before anyone listened
        seen.clear();
        TestHotdesk commandLine = new TestHotdesk(db.database(), hd.clock());
        commandLine.core().devices().remove(acme.id(), kitchen.id(), TestHotdesk.ADMIN);
        assertThat(seen).isEmpty();

        assertThat(hd.core().configChanges().announcePending(10)).isEqualTo(1);
        assertThat(resynced()).containsExactly(kitchen.id() + ":changed from the command line");
    }

    /**
     * The morning storm saw it: a login's NOTIFY went out twice when the server's periodic look for pending requests
     * ran after the commit but before the NOTIFY. Here the look runs right then, from inside the announcement.
     */
    @Test
    void aChangeTheServerAnnouncesItselfIsNotAnnouncedAgainByThePeriodicLook() {
        hd.core().configChanges().announcePending(10); // the login before anyone listened
        seen.clear();
        java.util.concurrent.atomic.AtomicInteger foundByTheLook = new java.util.concurrent.atomic.AtomicInteger();
        hd.core().events().subscribe(e -> {
            if (foundByTheLook.get() == 0 && e instanceof ConfigChanged) {
                foundByTheLook.set(1 + hd.core().configChanges().announcePending(10));
            }
        });
        hd.core().devices().rename(acme.id(), kitchen.id(), "Desk 2.20 – Kitchen", null, TestHotdesk.ADMIN);

        assertThat(foundByTheLook).as("the look ran and found nothing to announce").hasValue(1);
        assertThat(resynced()).as("one NOTIFY per change").containsExactly(kitchen.id() + ":desk name");
        assertThat(asked(kitchen)).as("the fetch that follows is still one the server asked for").isTrue();
    }
}
