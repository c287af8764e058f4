package org.hotdesk.app.config;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.policy.LockoutPolicy;
import org.hotdesk.core.policy.MultipleLoginPolicy;
import org.hotdesk.core.policy.OtpPolicy;
import org.hotdesk.core.policy.SessionPolicy;
import org.hotdesk.core.tenant.CallRouting;
import org.hotdesk.core.tenant.FeatureCodes;
import org.hotdesk.core.tenant.TenantSettings;

/**
 * The policies a new tenant starts with, in the plain values a config file holds. The core's policy records
 * judge them, so the file obeys exactly the rules the API and the CLI obey; this record only names the key.
 *
 * @param dailyLogoutTime {@code HH:mm} in {@code timeZone}, or null / empty for no daily logout
 * @param multipleLogin   a {@link MultipleLoginPolicy} name, in any case
 */
public record TenantDefaultsConfig(
        int idleLogoutMinutes,
        int maxSessionHours,
        String dailyLogoutTime,
        String multipleLogin,
        String timeZone,
        int otpLength,
        int otpLifetimeSeconds,
        int lockoutMaxFailures,
        int lockoutWindowMinutes,
        int lockoutMinutes,
        List<String> emergencyNumbers,
        ProvisioningDefaultsConfig provisioning) {

    public static final TenantDefaultsConfig DEFAULTS = new TenantDefaultsConfig(5, 8, null, "AUTO_LOGOUT_OTHER",
            "UTC", 6, 120, 5, 15, 15, List.of("112", "911"), ProvisioningDefaultsConfig.DEFAULTS);

    /** Defaults with the standard phone-configuration defaults. */
    public TenantDefaultsConfig(int idleLogoutMinutes, int maxSessionHours, String dailyLogoutTime, String multipleLogin,
                                String timeZone, int otpLength, int otpLifetimeSeconds, int lockoutMaxFailures,
                                int lockoutWindowMinutes, int lockoutMinutes, List<String> emergencyNumbers) {
        this(idleLogoutMinutes, maxSessionHours, dailyLogoutTime, multipleLogin, timeZone, otpLength, otpLifetimeSeconds,
                lockoutMaxFailures, lockoutWindowMinutes, lockoutMinutes, emergencyNumbers,
                ProvisioningDefaultsConfig.DEFAULTS);
    }

    private static final String SECTION = "tenantDefaults.";
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("H:mm");

    public TenantDefaultsConfig {
        dailyLogoutTime = dailyLogoutTime == null || dailyLogoutTime.isBlank() ? null : dailyLogoutTime.trim();
        multipleLogin = multipleLogin == null ? null : multipleLogin.trim().toUpperCase(Locale.ROOT);
        emergencyNumbers = List.copyOf(emergencyNumbers == null ? List.of() : emergencyNumbers);
        provisioning = provisioning == null ? ProvisioningDefaultsConfig.DEFAULTS : provisioning;
        // a bad default must stop the server at start, not at the first tenant created
        settings(idleLogoutMinutes, maxSessionHours, dailyLogoutTime, multipleLogin, timeZone, otpLength,
                otpLifetimeSeconds, lockoutMaxFailures, lockoutWindowMinutes, lockoutMinutes, emergencyNumbers);
    }

    /** The core record a new tenant starts from. */
    public TenantSettings toSettings() {
        return settings(idleLogoutMinutes, maxSessionHours, dailyLogoutTime, multipleLogin, timeZone, otpLength,
                otpLifetimeSeconds, lockoutMaxFailures, lockoutWindowMinutes, lockoutMinutes, emergencyNumbers)
                .withProvisioning(provisioning.toSettings());
    }

    // static and fed every component: the compact constructor must validate before the fields are assigned
    private static TenantSettings settings(int idleLogoutMinutes, int maxSessionHours, String dailyLogoutTime,
            String multipleLogin, String timeZone, int otpLength, int otpLifetimeSeconds, int lockoutMaxFailures,
            int lockoutWindowMinutes, int lockoutMinutes, List<String> emergencyNumbers) {
        try {
            return new TenantSettings(
                    new SessionPolicy(idleLogoutMinutes, maxSessionHours, clockTime(dailyLogoutTime)),
                    policy(multipleLogin),
                    new LockoutPolicy(lockoutMaxFailures, Duration.ofMinutes(lockoutWindowMinutes), Duration.ofMinutes(lockoutMinutes)),
                    new OtpPolicy(otpLength, Duration.ofSeconds(otpLifetimeSeconds)),
                    zone(timeZone),
                    emergencyNumbers, CallRouting.NONE, FeatureCodes.DEFAULT);
        } catch (InvalidInputException e) {
            // the core names its own field ("otpLength: ..."); the user needs the key they wrote
            String problem = e.getMessage().startsWith(e.field() + ": ")
                    ? e.getMessage().substring(e.field().length() + 2) : e.getMessage();
            throw ConfigException.forKey(SECTION + e.field(), problem);
        }
    }

    private static LocalTime clockTime(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalTime.parse(text, CLOCK_TIME);
        } catch (DateTimeParseException e) {
            throw ConfigException.forKey(SECTION + "dailyLogoutTime",
                    "expected a time of day as HH:mm (e.g. 19:00), or empty for none, was '" + text + "'");
        }
    }

    private static MultipleLoginPolicy policy(String name) {
        Require.text(SECTION + "multipleLogin", name);
        try {
            return MultipleLoginPolicy.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw ConfigException.forKey(SECTION + "multipleLogin",
                    "must be one of " + Arrays.toString(MultipleLoginPolicy.values()) + ", was '" + name + "'");
        }
    }

    private static ZoneId zone(String id) {
        Require.text(SECTION + "timeZone", id);
        try {
            return ZoneId.of(id.trim());
        } catch (DateTimeException e) {
            throw ConfigException.forKey(SECTION + "timeZone",
                    "unknown time zone '" + id + "' (use a region such as Europe/Berlin, or UTC)");
        }
    }
}
