package org.hotdesk.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
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
    void aFeatureCodeMayNotSwallowAnEmergencyNumber() {
        TenantSettings d = TenantSettings.DEFAULT;
        assertThatThrownBy(() -> new TenantSettings(d.sessionPolicy(), d.multipleLogin(), d.lockout(), d.otp(),
                d.timeZone(), List.of("112", "*12"), null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("emergencyNumbers:")
                .hasMessageContaining("'*12' is also a feature code");
        assertThatCode(() -> d.withFeatureCodes(new FeatureCodes(List.of(), List.of(), List.of(), List.of("*112")))
                .withFeatureCodes(new FeatureCodes(List.of("*1{otp}"), List.of(), List.of(), List.of())))
                .doesNotThrowAnyException();
    }

    @Test
    void routingAndFeatureCodesDefaultWhenMissing() {
        TenantSettings d = TenantSettings.DEFAULT;
        TenantSettings s = new TenantSettings(d.sessionPolicy(), d.multipleLogin(), d.lockout(), d.otp(), d.timeZone(),
                d.emergencyNumbers(), null, null);
        assertThat(s.routing()).isEqualTo(CallRouting.NONE);
        assertThat(s.featureCodes()).isEqualTo(FeatureCodes.DEFAULT);
    }

    @Test
    void domainsMustBeDnsNames() {
        assertThatThrownBy(() -> DomainName.normalize("acme example")).hasMessageStartingWith("domain:");
        assertThatThrownBy(() -> DomainName.normalize("")).hasMessageStartingWith("domain:");
        org.assertj.core.api.Assertions.assertThat(DomainName.normalize(" Acme.Example ")).isEqualTo("acme.example");
    }

    @Test
    void aPromptLanguageMustLookLikeALanguageCode() {
        assertThat(TenantSettings.DEFAULT.withPromptLanguage(" de ").promptLanguage()).isEqualTo("de");
        assertThat(TenantSettings.DEFAULT.withPromptLanguage("").promptLanguage()).isNull();
        assertThatThrownBy(() -> TenantSettings.DEFAULT.withPromptLanguage("../etc"))
                .hasMessageContaining("promptLanguage").hasMessageContaining("../etc");
    }
}
