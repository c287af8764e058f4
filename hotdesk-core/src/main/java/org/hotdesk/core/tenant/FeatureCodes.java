package org.hotdesk.core.tenant;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotdesk.core.error.InvalidInputException;

/**
 * A tenant's dial patterns for hot-desk actions (DESIGN.md "Feature codes"). {@code {otp}} and {@code {ext}}
 * stand for one or more digits. Exact patterns win over patterns with a placeholder, so {@code *77*5*} is a
 * logout even though {@code *77*{ext}*} would also match it, and {@code 00#} never reads as an empty code.
 */
public record FeatureCodes(List<String> otpLogin, List<String> extensionLogin, List<String> promptedLogin,
                           List<String> logout) {

    // before DEFAULT: static fields initialise in order, and DEFAULT's constructor needs it
    private static final Pattern ALLOWED = Pattern.compile("[0-9*#]*(\\{otp}|\\{ext})?[0-9*#]*");

    public static final FeatureCodes DEFAULT = new FeatureCodes(List.of("00*{otp}#", "00#{otp}#"),
            List.of("*77*{ext}*"), List.of("*11"), List.of("00#", "*77*5*", "*12"));

    public FeatureCodes {
        otpLogin = check("featureCodes.otpLogin", otpLogin, "{otp}");
        extensionLogin = check("featureCodes.extensionLogin", extensionLogin, "{ext}");
        promptedLogin = check("featureCodes.promptedLogin", promptedLogin, null);
        logout = check("featureCodes.logout", logout, null);
        Set<String> seen = new HashSet<>();
        for (List<String> list : List.of(otpLogin, extensionLogin, promptedLogin, logout)) {
            for (String p : list) {
                if (!seen.add(p)) throw new InvalidInputException("featureCodes", "'" + p + "' is listed twice");
            }
        }
    }

    /** What the dialled string (percent-decoded: {@code #} is {@code #}) asks for, if anything. */
    public Optional<FeatureCode> match(String dialled) {
        if (dialled == null || dialled.isEmpty()) return Optional.empty();
        for (List<String> exact : List.of(logout, promptedLogin)) {
            if (exact.contains(dialled)) {
                return Optional.of(exact == logout ? new FeatureCode.Logout() : new FeatureCode.PromptedLogin());
            }
        }
        return matchPlaceholder(otpLogin, "{otp}", dialled, FeatureCode.OtpLogin::new)
                .or(() -> matchPlaceholder(extensionLogin, "{ext}", dialled, FeatureCode.ExtensionLogin::new));
    }

    private static Optional<FeatureCode> matchPlaceholder(List<String> patterns, String placeholder, String dialled,
                                                          Function<String, FeatureCode> make) {
        for (String p : patterns) {
            int at = p.indexOf(placeholder);
            String regex = Pattern.quote(p.substring(0, at)) + "([0-9]+)" + Pattern.quote(p.substring(at + placeholder.length()));
            Matcher m = Pattern.compile(regex).matcher(dialled);
            if (m.matches()) return Optional.of(make.apply(m.group(1)));
        }
        return Optional.empty();
    }

    private static List<String> check(String field, List<String> patterns, String placeholder) {
        if (patterns == null) throw new InvalidInputException(field, "is required (may be empty)");
        List<String> out = new ArrayList<>();
        for (String raw : patterns) {
            String p = raw == null ? "" : raw.trim();
            if (p.isEmpty() || p.length() > 32 || !ALLOWED.matcher(p).matches()) {
                throw new InvalidInputException(field, "'" + raw + "' must be 1 to 32 of 0-9, * and #"
                        + (placeholder == null ? "" : ", with " + placeholder + " where the digits go"));
            }
            boolean hasOtp = p.contains("{otp}");
            boolean hasExt = p.contains("{ext}");
            if (placeholder == null && (hasOtp || hasExt)) {
                throw new InvalidInputException(field, "'" + p + "' may not contain a placeholder");
            }
            if (placeholder != null && !p.contains(placeholder)) {
                throw new InvalidInputException(field, "'" + p + "' needs " + placeholder);
            }
            if (placeholder != null && (placeholder.equals("{otp}") ? hasExt : hasOtp)) {
                throw new InvalidInputException(field, "'" + p + "' has the wrong placeholder; use " + placeholder);
            }
            out.add(p);
        }
        return List.copyOf(out);
    }

    /** One line per list, {@code name=p1 p2}: how the store keeps them and the CLI shows them. */
    public String encode() {
        return "otpLogin=" + String.join(" ", otpLogin) + "\nextensionLogin=" + String.join(" ", extensionLogin)
                + "\npromptedLogin=" + String.join(" ", promptedLogin) + "\nlogout=" + String.join(" ", logout);
    }

    public static FeatureCodes decode(String text) {
        if (text == null || text.isBlank()) return DEFAULT;
        List<String> otp = List.of(), ext = List.of(), prompted = List.of(), out = List.of();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq < 0) continue;
            String value = line.substring(eq + 1).trim();
            List<String> items = value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
            switch (line.substring(0, eq).trim()) {
                case "otpLogin" -> otp = items;
                case "extensionLogin" -> ext = items;
                case "promptedLogin" -> prompted = items;
                case "logout" -> out = items;
                default -> throw new InvalidInputException("featureCodes", "unknown list '" + line.substring(0, eq) + "'");
            }
        }
        return new FeatureCodes(otp, ext, prompted, out);
    }
}
