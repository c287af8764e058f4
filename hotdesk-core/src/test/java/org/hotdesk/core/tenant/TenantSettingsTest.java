package org.hotdesk.core.tenant;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.policy.LockoutPolicy;
import org.hotdesk.core.policy.OtpPolicy;
import org.hotdesk.core.policy.SessionPolicy;
import org.junit.jupiter.api.Test;

class TenantSettingsTest {
    @Test
    void badValuesNameTheirField() {
        assertThatThrownBy(() -> new SessionPolicy(-1, 8, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("idleLogoutMinutes:");
        assertThatThrownBy(() -> new SessionPolicy(5, 1000, null)).hasMessageStartingWith("maxSessionHours:");
        assertThatThrownBy(() -> new OtpPolicy(3, Duration.ofSeconds(120))).hasMessageStartingWith("otpLength:");
        assertThatThrownBy(() -> new OtpPolicy(6, Duration.ofSeconds(5))).hasMessageStartingWith("otpLifetimeSeconds:");
        assertThatThrownBy(() -> new LockoutPolicy(0, Duration.ofMinutes(15), Duration.ofMinutes(15)))
                .hasMessageStartingWith("lockoutMaxFailures:");
        TenantSettings d = TenantSettings.DEFAULT;
        assertThatThrownBy(() -> new TenantSettings(d.sessionPolicy(), d.multipleLogin(), d.lockout(), d.otp(),
                d.timeZone(), List.of("112", "call-mom"), null, null))
                .hasMessageContaining("emergencyNumbers").hasMessageContaining("call-mom");
    }

    @Test
    void domainsMustBeDnsNames() {
        assertThatThrownBy(() -> DomainName.normalize("acme example")).hasMessageStartingWith("domain:");
        assertThatThrownBy(() -> DomainName.normalize("")).hasMessageStartingWith("domain:");
        org.assertj.core.api.Assertions.assertThat(DomainName.normalize(" Acme.Example ")).isEqualTo("acme.example");
    }
}
