package org.hotdesk.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.hotdesk.core.policy.MultipleLoginPolicy;
import org.hotdesk.core.tenant.TenantSettings;
import org.junit.jupiter.api.Test;

class TenantDefaultsConfigTest {
    @Test
    void defaultsAreTheCoresDefaults() {
        assertThat(TenantDefaultsConfig.DEFAULTS.toSettings()).isEqualTo(TenantSettings.DEFAULT);
    }

    @Test
    void settingsCarryEveryValue() {
        TenantSettings settings = new TenantDefaultsConfig(15, 10, "19:00", "allow", "Europe/Berlin", 8, 300, 3, 10, 30,
                List.of("110")).toSettings();

        assertThat(settings.sessionPolicy().idleLogoutMinutes()).isEqualTo(15);
        assertThat(settings.sessionPolicy().maxSessionHours()).isEqualTo(10);
        assertThat(settings.sessionPolicy().dailyLogoutTime()).isEqualTo(LocalTime.of(19, 0));
        assertThat(settings.multipleLogin()).isEqualTo(MultipleLoginPolicy.ALLOW);
        assertThat(settings.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(settings.otp().length()).isEqualTo(8);
        assertThat(settings.otp().lifetime().toSeconds()).isEqualTo(300);
        assertThat(settings.lockout().maxFailures()).isEqualTo(3);
        assertThat(settings.lockout().window().toMinutes()).isEqualTo(10);
        assertThat(settings.lockout().lockDuration().toMinutes()).isEqualTo(30);
        assertThat(settings.emergencyNumbers()).containsExactly("110");
    }

    @Test
    void coreRefusalsNameTheConfigKey() {
        assertThatThrownBy(() -> new TenantDefaultsConfig(5, 8, null, "DENY", "UTC", 6, 120, 5, 0, 15, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("tenantDefaults.lockoutWindowMinutes: must be positive")
                .extracting(e -> ((ConfigException) e).key()).isEqualTo("tenantDefaults.lockoutWindowMinutes");
        assertThatThrownBy(() -> new TenantDefaultsConfig(5, 8, null, "DENY", "UTC", 6, 120, 5, 15, 15, List.of("9-1-1")))
                .hasMessageStartingWith("tenantDefaults.emergencyNumbers: '9-1-1' is not a dialable number");
    }

    @Test
    void unknownMultipleLoginPolicyListsTheChoices() {
        assertThatThrownBy(() -> new TenantDefaultsConfig(5, 8, null, "sometimes", "UTC", 6, 120, 5, 15, 15, List.of()))
                .hasMessage("tenantDefaults.multipleLogin: must be one of [AUTO_LOGOUT_OTHER, ALLOW, DENY], was 'SOMETIMES'");
    }
}
