package org.hotdesk.store.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.DeviceProvisioning;
import org.hotdesk.core.device.ProvisioningMode;
import org.hotdesk.core.login.LoginResult;
import org.hotdesk.core.login.PhoneKeyAttempt;
import org.hotdesk.core.login.PinProof;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.store.Database;
import org.hotdesk.store.testing.TestDatabase;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * V16 on a database that V5..V15 filled: every user had a PIN digest. Tenants that use phone-key login keep it
 * (a desk provisioned for the phone's key, or a phone-key session so far), every other tenant's digests go.
 */
class H2PhoneKeyLoginMigrationTest {
    final TestDatabase db = TestDatabase.h2();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void tenantsUsingThePhoneKeyKeepItAndTheirDigestsTheOthersLoseBoth() {
        TestHotdesk hd = new TestHotdesk(db.database());
        // before V16 every tenant kept digests: made here with the switch on, then the column is taken away
        Tenant keyDesks = hd.phoneKeyLogin(hd.tenant("keydesks.example"));
        Tenant keyUsers = hd.phoneKeyLogin(hd.tenant("keyusers.example"));
        Tenant codesOnly = hd.phoneKeyLogin(hd.tenant("codes.example"));
        for (Tenant t : new Tenant[] {keyDesks, keyUsers, codesOnly}) {
            hd.user(t, "1001", "2581");
        }
        Device desk = hd.device(keyDesks);
        hd.core().devices().setProvisioning(keyDesks.id(), desk.id(),
                DeviceProvisioning.DEFAULT.withMode(ProvisioningMode.PHONE_KEY), TestHotdesk.ADMIN);
        Device plain = hd.device(keyUsers);
        assertThat(hd.core().logins().loginWithPhoneKey(new PhoneKeyAttempt(keyUsers.id(), plain.id(), "1001",
                "10.0.0.7", true, PinProof.pin("2581")), TestHotdesk.ADMIN)).isInstanceOf(LoginResult.LoggedIn.class);
        db.database().jdbi().useHandle(h -> {
            // V16 and every later migration run again on reopening: the later ones' tables go too
            h.execute("DELETE FROM \"flyway_schema_history\" WHERE CAST(\"version\" AS INT) >= 16");
            h.execute("DROP TABLE source_blocks");
            h.execute("DROP TABLE cluster_nodes");
            h.execute("DROP INDEX devices_resync_unannounced");
            h.execute("DROP TABLE user_forwarding");
            h.execute("DROP TABLE trunk_dids");
            h.execute("DROP TABLE trunks");
            h.execute("ALTER TABLE tenants DROP COLUMN voicemail_uri");
            h.execute("DROP TABLE webhook_deliveries");
            h.execute("DROP TABLE webhooks");
            h.execute("ALTER TABLE tenants DROP COLUMN phone_key_login");
            h.execute("ALTER TABLE users DROP CONSTRAINT users_active_check");
            h.execute("ALTER TABLE users DROP CONSTRAINT users_active_extension_unique");
            h.execute("ALTER TABLE users DROP COLUMN active_extension");
            h.execute("ALTER TABLE users DROP COLUMN deleted_at");
            h.execute("ALTER TABLE users ADD CONSTRAINT users_extension_unique UNIQUE (tenant_id, extension)");
        });
        db.database().close();

        try (Database migrated = db.reopen()) {
            Map<String, Boolean> on = migrated.jdbi().withHandle(h -> h.createQuery(
                            "SELECT domain, phone_key_login FROM tenants").map((rs, ctx) ->
                            Map.entry(rs.getString(1), rs.getBoolean(2))).list())
                    .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            Map<String, Boolean> digest = migrated.jdbi().withHandle(h -> h.createQuery("""
                            SELECT t.domain, u.pin_ha1_md5 IS NOT NULL AND u.pin_ha1_sha256 IS NOT NULL
                            FROM users u JOIN tenants t ON t.id = u.tenant_id""").map((rs, ctx) ->
                            Map.entry(rs.getString(1), rs.getBoolean(2))).list())
                    .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

            assertThat(on).containsEntry("keydesks.example", true).containsEntry("keyusers.example", true)
                    .containsEntry("codes.example", false);
            assertThat(digest).containsEntry("keydesks.example", true).containsEntry("keyusers.example", true)
                    .containsEntry("codes.example", false);
            // V18 keeps everyone who was there: existing, and found by their extension
            int found = migrated.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM users WHERE active_extension = '1001' AND deleted_at IS NULL")
                    .mapTo(Integer.class).one());
            assertThat(found).isEqualTo(3);
        }
    }
}
