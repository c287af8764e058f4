package org.hotdesk.web.api.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
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
import org.hotdesk.web.ApiException;

/**
 * Applies a PATCH body to a tenant's settings: the fields present replace the current ones (lists whole,
 * {@code lockout}, {@code featureCodes} and {@code provisioning} field by field), and the result is built
 * through the core's records, which validate every part. A bad field throws before anything is saved.
 */
final class SettingsPatch {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HH_MM = Pattern.compile("([01]?[0-9]|2[0-3]):[0-5][0-9]");
    private static final List<String> NESTED = List.of("lockout", "featureCodes", "provisioning");
    // the core's records name these as the config file does; the API nests them
    private static final Map<String, String> FIELD_NAMES = Map.of(
            "lockoutMaxFailures", "lockout.maxFailures",
            "lockoutWindowMinutes", "lockout.windowMinutes",
            "lockoutMinutes", "lockout.lockMinutes");

    private SettingsPatch() {
    }

    static TenantSettings apply(TenantSettings current, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new ApiException(400, "invalid_json", "the body must be a JSON object of the settings to change");
        }
        ObjectNode merged = JSON.valueToTree(SettingsView.of(current));
        merge(merged, patch, "");
        try {
            return settings(merged);
        } catch (InvalidInputException e) {
            String field = FIELD_NAMES.get(e.field());
            throw field == null ? e : new InvalidInputException(field, e.getMessage().substring(e.field().length() + 2));
        }
    }

    /** Copies the patch's fields over the current ones; a name the settings do not have is a 400, as with any body. */
    private static void merge(ObjectNode target, JsonNode patch, String prefix) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (prefix.isEmpty() && SettingsView.READ_ONLY.contains(name)) {
                continue;
            }
            if (!target.has(name)) {
                throw new ApiException(400, "invalid_json", "the body is not the JSON this call takes: unknown field '"
                        + prefix + name + "'");
            }
            if (prefix.isEmpty() && NESTED.contains(name)) {
                if (!field.getValue().isObject()) {
                    throw new InvalidInputException(name, "must be an object with the fields to change");
                }
                merge((ObjectNode) target.get(name), field.getValue(), name + ".");
            } else {
                target.set(name, field.getValue());
            }
        }
    }

    private static TenantSettings settings(JsonNode s) {
        JsonNode lockout = s.get("lockout");
        JsonNode codes = s.get("featureCodes");
        JsonNode prov = s.get("provisioning");
        SessionPolicy session = new SessionPolicy(integer(s, "idleLogoutMinutes", ""),
                integer(s, "maxSessionHours", ""), dailyLogoutTime(s.get("dailyLogoutTime")));
        LockoutPolicy lock = new LockoutPolicy(integer(lockout, "maxFailures", "lockout."),
                Duration.ofMinutes(integer(lockout, "windowMinutes", "lockout.")),
                Duration.ofMinutes(integer(lockout, "lockMinutes", "lockout.")),
                bool(lockout, "weakPinsAllowed", "lockout."));
        OtpPolicy otp = new OtpPolicy(integer(s, "otpLength", ""), Duration.ofSeconds(integer(s, "otpLifetimeSeconds", "")));
        CallRouting routing = new CallRouting(text(s, "emergencyGatewayUri"), text(s, "outboundTrunkUri"),
                text(s, "emergencyAlertUrl"), text(s, "voicemailUri"));
        FeatureCodes featureCodes = new FeatureCodes(strings(codes, "otpLogin", "featureCodes."),
                strings(codes, "extensionLogin", "featureCodes."), strings(codes, "promptedLogin", "featureCodes."),
                strings(codes, "logout", "featureCodes."), strings(codes, "pickup", "featureCodes."));
        ProvisioningSettings provisioning = new ProvisioningSettings(text(prov, "ntpServer", "provisioning."),
                integer(prov, "fetchLimit", "provisioning."), integer(prov, "registerExpirySeconds", "provisioning."),
                ProvisioningAccess.parse(text(prov, "access", "provisioning.")));
        return new TenantSettings(session, multipleLogin(s.get("multipleLogin")), lock, otp, timeZone(s.get("timeZone")),
                strings(s, "emergencyNumbers", ""), routing, featureCodes, text(s, "promptLanguage"),
                new TrustedNetworks(strings(s, "trustedCidrs", "")), provisioning, bool(s, "phoneKeyLogin", ""));
    }

    private static boolean bool(JsonNode parent, String name, String prefix) {
        JsonNode n = parent.get(name);
        if (n == null || !n.isBoolean()) {
            throw new InvalidInputException(prefix + name, "must be true or false, was " + n);
        }
        return n.booleanValue();
    }

    private static int integer(JsonNode parent, String name, String prefix) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            throw new InvalidInputException(prefix + name, "is required");
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new InvalidInputException(prefix + name, "must be a whole number, was " + n);
        }
        return n.intValue();
    }

    private static String text(JsonNode parent, String name) {
        return text(parent, name, "");
    }

    /** A string, or null for JSON null. */
    private static String text(JsonNode parent, String name, String prefix) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new InvalidInputException(prefix + name, "must be a string (or null), was " + n);
        }
        return n.textValue();
    }

    private static List<String> strings(JsonNode parent, String name, String prefix) {
        JsonNode n = parent.get(name);
        if (n == null || !n.isArray()) {
            throw new InvalidInputException(prefix + name, "must be a list of strings (may be empty), was " + n);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : n) {
            if (!item.isTextual()) {
                throw new InvalidInputException(prefix + name, "must be a list of strings, but holds " + item);
            }
            out.add(item.textValue());
        }
        return out;
    }

    private static LocalTime dailyLogoutTime(JsonNode n) {
        if (n == null || n.isNull() || (n.isTextual() && n.textValue().isBlank())) {
            return null;
        }
        if (!n.isTextual() || !HH_MM.matcher(n.textValue().trim()).matches()) {
            throw new InvalidInputException("dailyLogoutTime", "must be a time HH:MM such as 18:30, or null for none; was " + n);
        }
        String[] hm = n.textValue().trim().split(":");
        return LocalTime.of(Integer.parseInt(hm[0]), Integer.parseInt(hm[1]));
    }

    private static MultipleLoginPolicy multipleLogin(JsonNode n) {
        String allowed = Arrays.toString(MultipleLoginPolicy.values());
        if (n == null || !n.isTextual()) {
            throw new InvalidInputException("multipleLogin", "must be one of " + allowed + ", was " + n);
        }
        try {
            return MultipleLoginPolicy.valueOf(n.textValue().trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("multipleLogin", "'" + n.textValue() + "' is not one of " + allowed);
        }
    }

    private static ZoneId timeZone(JsonNode n) {
        if (n == null || !n.isTextual() || n.textValue().isBlank()) {
            throw new InvalidInputException("timeZone", "must be a time zone such as Europe/Berlin, was " + n);
        }
        try {
            return ZoneId.of(n.textValue().trim());
        } catch (DateTimeException e) {
            throw new InvalidInputException("timeZone", "'" + n.textValue() + "' is not a time zone such as Europe/Berlin");
        }
    }
}
