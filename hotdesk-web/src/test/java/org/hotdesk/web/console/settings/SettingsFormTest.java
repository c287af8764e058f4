package org.hotdesk.web.console.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.policy.LockoutPolicy;
import org.hotdesk.core.policy.MultipleLoginPolicy;
import org.hotdesk.core.policy.OtpPolicy;
import org.hotdesk.core.policy.SessionPolicy;
import org.hotdesk.core.tenant.CallRouting;
import org.hotdesk.core.tenant.FeatureCodes;
import org.hotdesk.core.tenant.ProvisioningAccess;
import org.hotdesk.core.tenant.ProvisioningSettings;
import org.hotdesk.core.tenant.TenantSettings;
import org.hotdesk.core.tenant.TrustedNetworks;
import org.junit.jupiter.api.Test;

/** The settings form reads back exactly what it shows, and names the field a bad value is in. */
class SettingsFormTest {
    static final TenantSettings BERLIN = new TenantSettings(new SessionPolicy(45, 9, LocalTime.of(19, 0)),
            MultipleLoginPolicy.ALLOW, new LockoutPolicy(3, Duration.ofMinutes(10), Duration.ofMinutes(30)),
            new OtpPolicy(8, Duration.ofSeconds(300)), ZoneId.of("Europe/Berlin"), List.of("112", "110"),
            new CallRouting("sip:sbc.example.net:5060", "sips:trunk.example.net", "https://alarm.example.com/hd"),
            new FeatureCodes(List.of("00*{otp}#"), List.of("*77*{ext}*", "*78*{ext}#"), List.of(), List.of("00#")),
            "de", new TrustedNetworks(List.of("10.20.0.0/16")),
            new ProvisioningSettings("ntp.example.net", 50, 300, ProvisioningAccess.DIGEST));

    @Test
    void whatThePageShowsParsesBackToTheSameSettings() {
        assertThat(SettingsForm.of(BERLIN).parse()).isEqualTo(BERLIN);
        assertThat(SettingsForm.of(TenantSettings.DEFAULT).parse()).isEqualTo(TenantSettings.DEFAULT);
    }

    @Test
    void phoneKeyLoginIsAChoiceOnThePage() {
        assertThat(SettingsForm.of(BERLIN).get("phoneKeyLogin")).isEqualTo("false");
        assertThat(SettingsForm.of(BERLIN.withPhoneKeyLogin(true)).parse()).isEqualTo(BERLIN.withPhoneKeyLogin(true));
        assertThat(with("phoneKeyLogin", "true").parse().phoneKeyLogin()).isTrue();
        assertRefused("phoneKeyLogin", "maybe", "Phone-key login: 'maybe' is not one of the choices");
    }

    @Test
    void anEmptyDailyLogoutSwitchesItOff() {
        assertThat(with("dailyLogoutTime", " ").parse().sessionPolicy().dailyLogoutTime()).isNull();
        assertThat(with("dailyLogoutTime", "7:30").parse().sessionPolicy().dailyLogoutTime()).isEqualTo(LocalTime.of(7, 30));
    }

    @Test
    void aBadValueNamesItsFieldWithThePagesLabel() {
        assertRefused("idleLogoutMinutes", "ten", "Idle logout (minutes): 'ten' is not a whole number");
        assertRefused("otpLength", "", "Code length (digits): is required");
        assertRefused("timeZone", "Berlin", "Time zone: 'Berlin' is not a time zone such as Europe/Berlin");
        assertRefused("multipleLogin", "SOMETIMES", "Logged in at another desk: 'SOMETIMES' is not one of the choices");
        assertRefused("trustedCidrs", "10.0.0.0/33",
                "Trusted networks: '10.0.0.0/33' is not a network such as 192.0.2.0/24 or 2001:db8::/32");
        assertRefused("provisioning.registerExpirySeconds", "30",
                "Re-register every (seconds): must be between 60 and 86400, was 30");
        assertRefused("emergencyNumbers", "112, 00#", "Emergency numbers: '00#' is also a feature code (Logout); change one of them");
    }

    private static void assertRefused(String field, String value, String message) {
        assertThatThrownBy(() -> with(field, value).parse()).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(SettingsForm.explain(e)).isEqualTo(message));
    }

    private static SettingsForm with(String field, String value) {
        Map<String, String> values = new HashMap<>(SettingsForm.of(BERLIN).values());
        values.put(field, value);
        return new SettingsForm(values);
    }

    @Test
    void problemsNamesEveryWrongFieldInPageOrderAndNoRightOne() {
        Map<String, String> values = new HashMap<>(SettingsForm.of(BERLIN).values());
        values.put("timeZone", "Mars/Olympus");
        values.put("otpLength", "3");
        values.put("idleLogoutMinutes", "lots");
        values.put("emergencyNumbers", "112, 999");   // a right change among the wrong ones

        Map<String, String> problems = new SettingsForm(values).problems(BERLIN);

        assertThat(problems.keySet()).containsExactly("idleLogoutMinutes", "otpLength", "timeZone");
        assertThat(problems.get("idleLogoutMinutes")).isEqualTo("'lots' is not a whole number");
        assertThat(problems.get("timeZone")).isEqualTo("'Mars/Olympus' is not a time zone such as Europe/Berlin");
        assertThat(SettingsForm.of(BERLIN).problems(BERLIN)).isEmpty();
    }
}
