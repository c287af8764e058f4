package org.hotdesk.store;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hotdesk.core.policy.LockoutPolicy;
import org.hotdesk.core.policy.MultipleLoginPolicy;
import org.hotdesk.core.policy.OtpPolicy;
import org.hotdesk.core.policy.SessionPolicy;
import org.hotdesk.core.tenant.CallRouting;
import org.hotdesk.core.tenant.FeatureCodes;
import org.hotdesk.core.tenant.ProvisioningAccess;
import org.hotdesk.core.tenant.ProvisioningSettings;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.tenant.TenantSettings;
import org.hotdesk.core.tenant.TenantStore;
import org.hotdesk.core.tenant.TrustedNetworks;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

public final class JdbiTenantStore implements TenantStore {
    private static final RowMapper<Tenant> TENANT = (rs, ctx) -> new Tenant(
            rs.getLong("id"), rs.getString("name"), rs.getString("domain"),
            new TenantSettings(
                    new SessionPolicy(rs.getInt("idle_logout_minutes"), rs.getInt("max_session_hours"),
                            Columns.time(rs, "daily_logout_time")),
                    MultipleLoginPolicy.valueOf(rs.getString("multiple_login")),
                    new LockoutPolicy(rs.getInt("lockout_max_failures"),
                            Duration.ofSeconds(rs.getInt("lockout_window_seconds")),
                            Duration.ofSeconds(rs.getInt("lockout_seconds")), rs.getBoolean("weak_pins_allowed")),
                    new OtpPolicy(rs.getInt("otp_length"), Duration.ofSeconds(rs.getInt("otp_lifetime_seconds"))),
                    ZoneId.of(rs.getString("time_zone")),
                    rs.getString("emergency_numbers").isEmpty() ? List.of()
                            : Arrays.asList(rs.getString("emergency_numbers").split(",")),
                    new CallRouting(rs.getString("emergency_gateway_uri"), rs.getString("outbound_trunk_uri"),
                            rs.getString("emergency_alert_url"), rs.getString("voicemail_uri")),
                    FeatureCodes.decode(rs.getString("feature_codes")),
                    rs.getString("prompt_language"),
                    new TrustedNetworks(rs.getString("trusted_cidrs").isEmpty() ? List.of()
                            : Arrays.asList(rs.getString("trusted_cidrs").split(","))),
                    new ProvisioningSettings(rs.getString("ntp_server"), rs.getInt("provision_limit"),
                            rs.getInt("register_expiry_seconds"),
                            ProvisioningAccess.valueOf(rs.getString("provisioning_access"))),
                    rs.getBoolean("phone_key_login")),
            rs.getString("provisioning_token"),
            Columns.instant(rs, "created_at"));

    private final JdbiTransactions db;

    public JdbiTenantStore(JdbiTransactions db) {
        this.db = db;
    }

    @Override
    public Tenant insert(String name, String domain, TenantSettings settings, String provisioningToken,
                         Instant createdAt) {
        long id = db.withHandle(h -> bindSettings(h.createUpdate("""
                        INSERT INTO tenants (name, domain, idle_logout_minutes, max_session_hours, daily_logout_time,
                          multiple_login, lockout_max_failures, lockout_window_seconds, lockout_seconds, weak_pins_allowed, otp_length,
                          otp_lifetime_seconds, time_zone, emergency_numbers, emergency_gateway_uri, outbound_trunk_uri,
                          emergency_alert_url, voicemail_uri, feature_codes, prompt_language, trusted_cidrs, ntp_server,
                          provision_limit, register_expiry_seconds, provisioning_access, phone_key_login, provisioning_token, created_at)
                        VALUES (:name, :domain, :idle, :maxHours, :daily, :multiple, :lockMax, :lockWindow, :lockSeconds,
                          :weakPins, :otpLength, :otpLifetime, :zone, :emergency, :emergencyGateway, :trunk, :alertUrl, :voicemail,
                          :featureCodes, :promptLanguage, :trusted, :ntp, :provisionLimit, :registerExpiry, :provisioningAccess, :phoneKeyLogin, :token,
                          :createdAt)"""), settings)
                .bind("name", name).bind("domain", domain).bind("token", provisioningToken).bind("createdAt", createdAt)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new Tenant(id, name, domain, settings, provisioningToken, createdAt);
    }

    @Override
    public Optional<Tenant> findById(long id) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM tenants WHERE id = :id").bind("id", id)
                .map(TENANT).findOne());
    }

    @Override
    public Optional<Tenant> lockForUpdate(long id) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM tenants WHERE id = :id FOR UPDATE").bind("id", id)
                .map(TENANT).findOne());
    }

    @Override
    public Optional<Tenant> findByDomain(String domain) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM tenants WHERE domain = :domain").bind("domain", domain)
                .map(TENANT).findOne());
    }

    @Override
    public Optional<Tenant> findByProvisioningToken(String token) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM tenants WHERE provisioning_token = :token")
                .bind("token", token).map(TENANT).findOne());
    }

    @Override
    public void setProvisioningToken(long id, String token) {
        db.withHandle(h -> h.createUpdate("UPDATE tenants SET provisioning_token = :token WHERE id = :id")
                .bind("id", id).bind("token", token).execute());
    }

    @Override
    public List<Tenant> list() {
        return db.withHandle(h -> h.createQuery("SELECT * FROM tenants ORDER BY id").map(TENANT).list());
    }

    @Override
    public void updateSettings(long id, TenantSettings settings) {
        db.withHandle(h -> bindSettings(h.createUpdate("""
                UPDATE tenants SET idle_logout_minutes = :idle, max_session_hours = :maxHours,
                  daily_logout_time = :daily, multiple_login = :multiple, lockout_max_failures = :lockMax,
                  lockout_window_seconds = :lockWindow, lockout_seconds = :lockSeconds, weak_pins_allowed = :weakPins,
                  otp_length = :otpLength,
                  otp_lifetime_seconds = :otpLifetime, time_zone = :zone, emergency_numbers = :emergency,
                  emergency_gateway_uri = :emergencyGateway, outbound_trunk_uri = :trunk, emergency_alert_url = :alertUrl,
                  voicemail_uri = :voicemail, feature_codes = :featureCodes,
                  prompt_language = :promptLanguage, trusted_cidrs = :trusted, ntp_server = :ntp,
                  provision_limit = :provisionLimit, register_expiry_seconds = :registerExpiry,
                  provisioning_access = :provisioningAccess, phone_key_login = :phoneKeyLogin
                WHERE id = :id"""), settings).bind("id", id).execute());
    }

    private static <S extends SqlStatement<S>> S bindSettings(S statement, TenantSettings s) {
        return statement
                .bind("idle", s.sessionPolicy().idleLogoutMinutes())
                .bind("maxHours", s.sessionPolicy().maxSessionHours())
                .bind("daily", Columns.time(s.sessionPolicy().dailyLogoutTime()))
                .bind("multiple", s.multipleLogin().name())
                .bind("lockMax", s.lockout().maxFailures())
                .bind("lockWindow", (int) s.lockout().window().toSeconds())
                .bind("lockSeconds", (int) s.lockout().lockDuration().toSeconds())
                .bind("weakPins", s.lockout().weakPinsAllowed())
                .bind("otpLength", s.otp().length())
                .bind("otpLifetime", (int) s.otp().lifetime().toSeconds())
                .bind("zone", s.timeZone().getId())
                .bind("emergency", String.join(",", s.emergencyNumbers()))
                .bind("emergencyGateway", s.routing().emergencyGatewayUri())
                .bind("voicemail", s.routing().voicemailUri())
                .bind("trunk", s.routing().outboundTrunkUri())
                .bind("alertUrl", s.routing().emergencyAlertUrl())
                .bind("featureCodes", s.featureCodes().encode())
                .bind("promptLanguage", s.promptLanguage())
                .bind("trusted", String.join(",", s.trustedNetworks().cidrs()))
                .bind("ntp", s.provisioning().ntpServer())
                .bind("provisionLimit", s.provisioning().fetchLimit())
                .bind("registerExpiry", s.provisioning().registerExpirySeconds())
                .bind("provisioningAccess", s.provisioning().access().name())
                .bind("phoneKeyLogin", s.phoneKeyLogin());
    }
}
