package org.hotdesk.web.console.settings;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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

/**
 * The settings form as text fields, both ways: what the page shows for a tenant's settings, and the
 * settings a submitted form means. Parsing only builds the core's records, which validate themselves:
 * the first wrong field throws {@link InvalidInputException} naming it, before anything is saved;
 * {@link #problems} finds every wrong field at once, still by the core's rules.
 */
public record SettingsForm(Map<String, String> values) {
    /** Field name (as the core's exceptions name it) → the label the page shows next to it. */
    public static final Map<String, String> LABELS = labels();
    /** The fields in the order the page shows them, so problems are listed top to bottom. */
    private static final List<String> ORDER = List.of("idleLogoutMinutes", "maxSessionHours", "dailyLogoutTime",
            "multipleLogin", "featureCodes.otpLogin", "featureCodes.extensionLogin", "featureCodes.promptedLogin",
            "featureCodes.logout", "featureCodes.pickup", "featureCodes", "otpLength", "otpLifetimeSeconds", "lockoutMaxFailures",
            "lockoutWindowMinutes", "lockoutMinutes", "weakPinsAllowed", "emergencyNumbers", "emergencyGatewayUri",
            "emergencyAlertUrl", "outboundTrunkUri", "voicemailUri", "trustedCidrs", "phoneKeyLogin", "timeZone", "promptLanguage",
            "provisioning.ntpServer", "provisioning.registerExpirySeconds", "provisioning.fetchLimit",
            "provisioning.access");

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("featureCodes.otpLogin", "OTP login codes");
        m.put("featureCodes.extensionLogin", "Extension login codes");
        m.put("featureCodes.promptedLogin", "Prompted login codes");
        m.put("featureCodes.logout", "Logout codes");
        m.put("featureCodes.pickup", "Call pickup codes");
        m.put("featureCodes", "Feature codes");
        m.put("idleLogoutMinutes", "Idle logout (minutes)");
        m.put("maxSessionHours", "Maximum session (hours)");
        m.put("dailyLogoutTime", "Daily logout time");
        m.put("multipleLogin", "Logged in at another desk");
        m.put("emergencyNumbers", "Emergency numbers");
        m.put("emergencyGatewayUri", "Emergency gateway");
        m.put("outboundTrunkUri", "Outbound trunk");
        m.put("voicemailUri", "Voicemail server");
        m.put("emergencyAlertUrl", "Emergency alert URL");
        m.put("trustedCidrs", "Trusted networks");
        m.put("phoneKeyLogin", "Phone-key login");
        m.put("otpLength", "Code length (digits)");
        m.put("otpLifetimeSeconds", "Code lifetime (seconds)");
        m.put("lockoutMaxFailures", "Lock after (wrong attempts)");
        m.put("lockoutWindowMinutes", "Counted within (minutes)");
        m.put("lockoutMinutes", "Locked for (minutes)");
        m.put("weakPinsAllowed", "Easily guessed PINs");
        m.put("timeZone", "Time zone");
        m.put("promptLanguage", "Voice prompt language");
        m.put("provisioning.ntpServer", "NTP server");
        m.put("provisioning.fetchLimit", "Config fetch limit");
        m.put("provisioning.registerExpirySeconds", "Re-register every (seconds)");
        m.put("provisioning.access", "Config access");
        return Map.copyOf(m);
    }

    /** What the page shows for these settings. */
    public static SettingsForm of(TenantSettings s) {
        Map<String, String> v = new LinkedHashMap<>();
        FeatureCodes f = s.featureCodes();
        v.put("featureCodes.otpLogin", String.join(", ", f.otpLogin()));
        v.put("featureCodes.extensionLogin", String.join(", ", f.extensionLogin()));
        v.put("featureCodes.promptedLogin", String.join(", ", f.promptedLogin()));
        v.put("featureCodes.logout", String.join(", ", f.logout()));
        v.put("featureCodes.pickup", String.join(", ", f.pickup()));
        v.put("idleLogoutMinutes", String.valueOf(s.sessionPolicy().idleLogoutMinutes()));
        v.put("maxSessionHours", String.valueOf(s.sessionPolicy().maxSessionHours()));
        LocalTime daily = s.sessionPolicy().dailyLogoutTime();
        v.put("dailyLogoutTime", daily == null ? "" : daily.toString());
        v.put("multipleLogin", s.multipleLogin().name());
        v.put("emergencyNumbers", String.join(", ", s.emergencyNumbers()));
        v.put("emergencyGatewayUri", orEmpty(s.routing().emergencyGatewayUri()));
        v.put("outboundTrunkUri", orEmpty(s.routing().outboundTrunkUri()));
        v.put("voicemailUri", orEmpty(s.routing().voicemailUri()));
        v.put("emergencyAlertUrl", orEmpty(s.routing().emergencyAlertUrl()));
        v.put("trustedCidrs", String.join(", ", s.trustedNetworks().cidrs()));
        v.put("phoneKeyLogin", String.valueOf(s.phoneKeyLogin()));
        v.put("otpLength", String.valueOf(s.otp().length()));
        v.put("otpLifetimeSeconds", String.valueOf(s.otp().lifetime().toSeconds()));
        v.put("lockoutMaxFailures", String.valueOf(s.lockout().maxFailures()));
        v.put("lockoutWindowMinutes", String.valueOf(s.lockout().window().toMinutes()));
        v.put("lockoutMinutes", String.valueOf(s.lockout().lockDuration().toMinutes()));
        v.put("weakPinsAllowed", String.valueOf(s.lockout().weakPinsAllowed()));
        v.put("timeZone", s.timeZone().getId());
        v.put("promptLanguage", orEmpty(s.promptLanguage()));
        v.put("provisioning.ntpServer", s.provisioning().ntpServer());
        v.put("provisioning.fetchLimit", String.valueOf(s.provisioning().fetchLimit()));
        v.put("provisioning.registerExpirySeconds", String.valueOf(s.provisioning().registerExpirySeconds()));
        v.put("provisioning.access", s.provisioning().access().name());
        return new SettingsForm(v);
    }

    /** The value of a field, "" when absent. */
    public String get(String field) {
        return values.getOrDefault(field, "");
    }

    /** The settings this form means; throws for the first field that is wrong. */
    public TenantSettings parse() {
        FeatureCodes codes = new FeatureCodes(list("featureCodes.otpLogin"), list("featureCodes.extensionLogin"),
                list("featureCodes.promptedLogin"), list("featureCodes.logout"), list("featureCodes.pickup"));
        SessionPolicy session = new SessionPolicy(integer("idleLogoutMinutes"), integer("maxSessionHours"),
                time("dailyLogoutTime"));
        MultipleLoginPolicy multiple = choice("multipleLogin", MultipleLoginPolicy::valueOf);
        LockoutPolicy lockout = new LockoutPolicy(integer("lockoutMaxFailures"),
                Duration.ofMinutes(integer("lockoutWindowMinutes")), Duration.ofMinutes(integer("lockoutMinutes")),
                bool("weakPinsAllowed"));
        OtpPolicy otp = new OtpPolicy(integer("otpLength"), Duration.ofSeconds(integer("otpLifetimeSeconds")));
        CallRouting routing = new CallRouting(get("emergencyGatewayUri"), get("outboundTrunkUri"),
                get("emergencyAlertUrl"), get("voicemailUri"));
        TrustedNetworks networks = new TrustedNetworks(list("trustedCidrs"));
        ProvisioningSettings provisioning = new ProvisioningSettings(get("provisioning.ntpServer"),
                integer("provisioning.fetchLimit"), integer("provisioning.registerExpirySeconds"),
                choice("provisioning.access", ProvisioningAccess::valueOf));
        return new TenantSettings(session, multiple, lockout, otp, zone(), list("emergencyNumbers"), routing, codes,
                get("promptLanguage"), networks, provisioning, bool("phoneKeyLogin"));
    }

    /**
     * Every field that is wrong, in the page's order, field → what is wrong with it (empty when the form
     * can be saved). The core's records stop at the first wrong value, so each submitted field is checked
     * on its own against the {@code current} settings (valid, as they are stored), and the whole form once
     * more for rules that span fields (two feature codes that clash).
     */
    public Map<String, String> problems(TenantSettings current) {
        SettingsForm saved = of(current);
        Map<String, String> found = new LinkedHashMap<>();
        for (String field : saved.values.keySet()) {
            if (values.containsKey(field) && !values.get(field).equals(saved.get(field))) {
                Map<String, String> one = new LinkedHashMap<>(saved.values);
                one.put(field, values.get(field));
                problemOf(new SettingsForm(one)).ifPresent(e -> found.putIfAbsent(e.field(), messageOf(e)));
            }
        }
        if (found.isEmpty()) {
            problemOf(this).ifPresent(e -> found.put(e.field(), messageOf(e)));
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        ORDER.stream().filter(found::containsKey).forEach(f -> ordered.put(f, found.get(f)));
        found.forEach(ordered::putIfAbsent);
        return ordered;
    }

    private static Optional<InvalidInputException> problemOf(SettingsForm form) {
        try {
            form.parse();
            return Optional.empty();
        } catch (InvalidInputException e) {
            return Optional.of(e);
        }
    }

    /** What is wrong, without the field's internal name: "must be between 0 (off) and 10080, was -5". */
    public static String messageOf(InvalidInputException e) {
        String prefix = e.field() + ": ";
        return e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
    }

    /** "Idle logout (minutes): must be between 0 (off) and 10080, was -5": the label, not the internal name. */
    public static String explain(InvalidInputException e) {
        return LABELS.getOrDefault(e.field(), e.field()) + ": " + messageOf(e);
    }

    private List<String> list(String field) {
        return Arrays.stream(get(field).split("[,\\s]+")).filter(x -> !x.isBlank()).toList();
    }

    private int integer(String field) {
        String raw = get(field).trim();
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, raw.isEmpty() ? "is required" : "'" + raw + "' is not a whole number");
        }
    }

    private LocalTime time(String field) {
        String raw = get(field).trim();
        if (raw.isEmpty()) return null;
        try {
            return LocalTime.parse(raw.length() == 4 ? "0" + raw : raw);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "'" + raw + "' is not a time such as 19:00 (leave empty for none)");
        }
    }

    private ZoneId zone() {
        String raw = get("timeZone").trim();
        try {
            return ZoneId.of(raw);
        } catch (DateTimeException e) {
            throw new InvalidInputException("timeZone", "'" + raw + "' is not a time zone such as Europe/Berlin");
        }
    }

    private boolean bool(String field) {
        return switch (get(field).trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidInputException(field, "'" + get(field) + "' is not one of the choices");
        };
    }

    private <E extends Enum<E>> E choice(String field, Function<String, E> valueOf) {
        String raw = get(field).trim();
        try {
            return valueOf.apply(raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "'" + raw + "' is not one of the choices");
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
