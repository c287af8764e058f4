package org.hotdesk.core.tenant;

import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.policy.LockoutPolicy;
import org.hotdesk.core.policy.MultipleLoginPolicy;
import org.hotdesk.core.policy.OtpPolicy;
import org.hotdesk.core.policy.SessionPolicy;

/**
 * A tenant's hot-desk policies. New tenants start from the server's configured defaults.
 *
 * @param timeZone         the zone in which {@link SessionPolicy#dailyLogoutTime()} is read
 * @param emergencyNumbers numbers an idle (logged-out) phone may still dial
 * @param routing          where emergency and outside calls leave hotdesk
 * @param featureCodes     the dial patterns for login and logout
 * @param promptLanguage   the voice menu's language, e.g. {@code en}; null = the server's default
 * @param trustedNetworks  where phone-key (PIN) registrations are accepted from
 * @param provisioning     NTP server, register expiry, provision-counter limit and access for phone configs
 * @param phoneKeyLogin    people may log in with a phone's own hot-desk key (extension + PIN as a SIP password). Only
 *                         then is a digest of each user's PIN kept beside its slow hash ({@code PinDigests}): that
 *                         digest lets a 4-digit PIN be found in 10^4 tries from a copy of the database
 */
public record TenantSettings(
        SessionPolicy sessionPolicy,
        MultipleLoginPolicy multipleLogin,
        LockoutPolicy lockout,
        OtpPolicy otp,
        ZoneId timeZone,
        List<String> emergencyNumbers,
        CallRouting routing,
        FeatureCodes featureCodes,
        String promptLanguage,
        TrustedNetworks trustedNetworks,
        ProvisioningSettings provisioning,
        boolean phoneKeyLogin) {

    private static final Pattern DIAL_NUMBER = Pattern.compile("[0-9*#+]{1,15}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z]{2,4})?");

    public static final TenantSettings DEFAULT = new TenantSettings(SessionPolicy.DEFAULT,
            MultipleLoginPolicy.AUTO_LOGOUT_OTHER, LockoutPolicy.DEFAULT, OtpPolicy.DEFAULT,
            ZoneId.of("UTC"), List.of("112", "911"), CallRouting.NONE, FeatureCodes.DEFAULT, null,
            TrustedNetworks.NONE, ProvisioningSettings.DEFAULT, false);

    /** Settings without phone-key login. */
    public TenantSettings(SessionPolicy sessionPolicy, MultipleLoginPolicy multipleLogin, LockoutPolicy lockout,
                          OtpPolicy otp, ZoneId timeZone, List<String> emergencyNumbers, CallRouting routing,
                          FeatureCodes featureCodes, String promptLanguage, TrustedNetworks trustedNetworks,
                          ProvisioningSettings provisioning) {
        this(sessionPolicy, multipleLogin, lockout, otp, timeZone, emergencyNumbers, routing, featureCodes,
                promptLanguage, trustedNetworks, provisioning, false);
    }

    /** Settings with the server's default prompt language. */
    public TenantSettings(SessionPolicy sessionPolicy, MultipleLoginPolicy multipleLogin, LockoutPolicy lockout,
                          OtpPolicy otp, ZoneId timeZone, List<String> emergencyNumbers, CallRouting routing,
                          FeatureCodes featureCodes) {
        this(sessionPolicy, multipleLogin, lockout, otp, timeZone, emergencyNumbers, routing, featureCodes, null,
                TrustedNetworks.NONE, ProvisioningSettings.DEFAULT);
    }

    /** Settings with a prompt language and no trusted networks. */
    public TenantSettings(SessionPolicy sessionPolicy, MultipleLoginPolicy multipleLogin, LockoutPolicy lockout,
                          OtpPolicy otp, ZoneId timeZone, List<String> emergencyNumbers, CallRouting routing,
                          FeatureCodes featureCodes, String promptLanguage) {
        this(sessionPolicy, multipleLogin, lockout, otp, timeZone, emergencyNumbers, routing, featureCodes,
                promptLanguage, TrustedNetworks.NONE, ProvisioningSettings.DEFAULT);
    }

    /** Settings with the default provisioning settings. */
    public TenantSettings(SessionPolicy sessionPolicy, MultipleLoginPolicy multipleLogin, LockoutPolicy lockout,
                          OtpPolicy otp, ZoneId timeZone, List<String> emergencyNumbers, CallRouting routing,
                          FeatureCodes featureCodes, String promptLanguage, TrustedNetworks trustedNetworks) {
        this(sessionPolicy, multipleLogin, lockout, otp, timeZone, emergencyNumbers, routing, featureCodes,
                promptLanguage, trustedNetworks, ProvisioningSettings.DEFAULT);
    }

    public TenantSettings {
        if (sessionPolicy == null) throw new InvalidInputException("sessionPolicy", "is required");
        if (multipleLogin == null) throw new InvalidInputException("multipleLogin", "is required");
        if (lockout == null) throw new InvalidInputException("lockout", "is required");
        if (otp == null) throw new InvalidInputException("otp", "is required");
        if (timeZone == null) throw new InvalidInputException("timeZone", "is required");
        routing = routing == null ? CallRouting.NONE : routing;
        trustedNetworks = trustedNetworks == null ? TrustedNetworks.NONE : trustedNetworks;
        provisioning = provisioning == null ? ProvisioningSettings.DEFAULT : provisioning;
        promptLanguage = promptLanguage == null || promptLanguage.isBlank() ? null : promptLanguage.trim();
        if (promptLanguage != null && !LANGUAGE.matcher(promptLanguage).matches()) {
            throw new InvalidInputException("promptLanguage", "'" + promptLanguage + "' is not a language code such as en or de");
        }
        featureCodes = featureCodes == null ? FeatureCodes.DEFAULT : featureCodes;
        emergencyNumbers = List.copyOf(emergencyNumbers == null ? List.of() : emergencyNumbers);
        for (String n : emergencyNumbers) {
            if (!DIAL_NUMBER.matcher(n).matches()) {
                throw new InvalidInputException("emergencyNumbers", "'" + n + "' is not a dialable number (digits, *, #, + ; at most 15)");
            }
            // the router reads feature codes first: one that matched would turn an emergency call into a login
            if (featureCodes.match(n).isPresent()) {
                throw new InvalidInputException("emergencyNumbers", "'" + n + "' is also a feature code ("
                        + featureCodes.match(n).get().getClass().getSimpleName() + "); change one of them");
            }
        }
    }

    public TenantSettings withLockout(LockoutPolicy policy) {
        return new TenantSettings(sessionPolicy, multipleLogin, policy, otp, timeZone, emergencyNumbers, routing,
                featureCodes, promptLanguage, trustedNetworks, provisioning, phoneKeyLogin);
    }

    public TenantSettings withMultipleLogin(MultipleLoginPolicy policy) {
        return new TenantSettings(sessionPolicy, policy, lockout, otp, timeZone, emergencyNumbers, routing,
                featureCodes, promptLanguage, trustedNetworks, provisioning, phoneKeyLogin);
    }

    public TenantSettings withRouting(CallRouting newRouting) {
        return new TenantSettings(sessionPolicy, multipleLogin, lockout, otp, timeZone, emergencyNumbers, newRouting,
                featureCodes, promptLanguage, trustedNetworks, provisioning, phoneKeyLogin);
    }

    public TenantSettings withFeatureCodes(FeatureCodes newFeatureCodes) {
        return new TenantSettings(sessionPolicy, multipleLogin, lockout, otp, timeZone, emergencyNumbers, routing,
                newFeatureCodes, promptLanguage, trustedNetworks, provisioning, phoneKeyLogin);
    }

    public TenantSettings withPromptLanguage(String language) {
        return new TenantSettings(sessionPolicy, multipleLogin, lockout, otp, timeZone, emergencyNumbers, routing,
                featureCodes, language, trustedNetworks, provisioning, phoneKeyLogin);
    }

    public TenantSettings withTrustedNetworks(TrustedNetworks networks) {
        return new TenantSettings(sessionPolicy, multipleLogin, lockout, otp, timeZone, emergencyNumbers, routing,
                featureCodes, promptLanguage, networks, provisioning, phoneKeyLogin);
    }

    public TenantSettings withProvisioning(ProvisioningSettings newProvisioning) {
        return new TenantSettings(sessionPolicy, multipleLogin, lockout, otp, timeZone, emergencyNumbers, routing,
                featureCodes, promptLanguage, trustedNetworks, newProvisioning, phoneKeyLogin);
    }

    public TenantSettings withPhoneKeyLogin(boolean allowed) {
        return new TenantSettings(sessionPolicy, multipleLogin, lockout, otp, timeZone, emergencyNumbers, routing,
                featureCodes, promptLanguage, trustedNetworks, provisioning, allowed);
    }

    public TenantSettings withTimeZone(ZoneId zone) {
        return new TenantSettings(sessionPolicy, multipleLogin, lockout, otp, zone, emergencyNumbers, routing,
                featureCodes, promptLanguage, trustedNetworks, provisioning, phoneKeyLogin);
    }
}
