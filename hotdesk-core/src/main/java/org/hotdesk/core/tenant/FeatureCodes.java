package org.hotdesk.core.tenant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hotdesk.core.error.InvalidInputException;

/**
 * A tenant's dial patterns for hot-desk actions (DESIGN.md "Feature codes"). {@code {otp}} and {@code {ext}}
 * stand for one or more digits. Exact patterns win over patterns with a placeholder, so {@code *77*5*} is a
 * logout even though {@code *77*{ext}*} would also match it, and {@code 00#} never reads as an empty code.
 *
 * @param pickup directed call pickup: answer a colleague's ringing call at this phone ({@code *8{ext}}, as 3CX and
 *               most PBXs)
 */
public record FeatureCodes(List<String> otpLogin, List<String> extensionLogin, List<String> promptedLogin,
                           List<String> logout, List<String> pickup) {

    private static final String OTP = "{otp}";
    private static final String EXT = "{ext}";
    private static final int MAX_PATTERN_LENGTH = 32;
    // keeps encode() within the 1000-character column: 5 names and 4 newlines (55) + 24 × (32 + 1 space)
    private static final int MAX_PATTERNS = 24;

    // before DEFAULT: static fields initialise in order, and DEFAULT's constructor needs it
    private static final Pattern ALLOWED = Pattern.compile("[0-9*#]*(\\{otp}|\\{ext})?[0-9*#]*");

    public static final List<String> DEFAULT_PICKUP = List.of("*8{ext}");
    public static final FeatureCodes DEFAULT = new FeatureCodes(List.of("00*{otp}#", "00#{otp}#"),
            List.of("*77*{ext}*"), List.of("*11"), List.of("00#", "*77*5*", "*12"), DEFAULT_PICKUP);

    public FeatureCodes {
        otpLogin = check("featureCodes.otpLogin", otpLogin, OTP);
        extensionLogin = check("featureCodes.extensionLogin", extensionLogin, EXT);
        promptedLogin = check("featureCodes.promptedLogin", promptedLogin, null);
        logout = check("featureCodes.logout", logout, null);
        pickup = check("featureCodes.pickup", pickup, EXT);
        int count = otpLogin.size() + extensionLogin.size() + promptedLogin.size() + logout.size() + pickup.size();
        if (count > MAX_PATTERNS) {
            throw new InvalidInputException("featureCodes", "at most " + MAX_PATTERNS + " patterns in all, got " + count);
        }
        // *5{otp} and *5{ext} would match the same strings: only one of them could ever win
        Map<String, String> byShape = new HashMap<>();
        for (List<String> list : List.of(otpLogin, extensionLogin, promptedLogin, logout, pickup)) {
            for (String p : list) {
                String earlier = byShape.putIfAbsent(p.replace(EXT, OTP), p);
                if (earlier != null) {
                    throw new InvalidInputException("featureCodes", earlier.equals(p) ? "'" + p + "' is listed twice"
                            : "'" + p + "' and '" + earlier + "' match the same numbers");
                }
            }
        }
    }

    /** The lists without pickup, which then has its default. */
    public FeatureCodes(List<String> otpLogin, List<String> extensionLogin, List<String> promptedLogin,
                        List<String> logout) {
        this(otpLogin, extensionLogin, promptedLogin, logout, DEFAULT_PICKUP);
    }

    /** What the dialled string (percent-decoded: {@code #} is {@code #}) asks for, if anything. */
    public Optional<FeatureCode> match(String dialled) {
        if (dialled == null || dialled.isEmpty()) return Optional.empty();
        if (logout.contains(dialled)) return Optional.of(new FeatureCode.Logout());
        if (promptedLogin.contains(dialled)) return Optional.of(new FeatureCode.PromptedLogin());
        return digitsAt(otpLogin, OTP, dialled).<FeatureCode>map(FeatureCode.OtpLogin::new)
                .or(() -> digitsAt(extensionLogin, EXT, dialled).map(FeatureCode.ExtensionLogin::new))
                .or(() -> digitsAt(pickup, EXT, dialled).map(FeatureCode.Pickup::new));
    }

    /** The digits standing where the placeholder is, in the first pattern the dialled string fits. */
    private static Optional<String> digitsAt(List<String> patterns, String placeholder, String dialled) {
        for (String p : patterns) {
            int at = p.indexOf(placeholder);
            String prefix = p.substring(0, at);
            String suffix = p.substring(at + placeholder.length());
            if (dialled.length() > prefix.length() + suffix.length()
                    && dialled.startsWith(prefix) && dialled.endsWith(suffix)) {
                String digits = dialled.substring(prefix.length(), dialled.length() - suffix.length());
                if (digits.chars().allMatch(c -> c >= '0' && c <= '9')) return Optional.of(digits);
            }
        }
        return Optional.empty();
    }

    private static List<String> check(String field, List<String> patterns, String placeholder) {
        if (patterns == null) throw new InvalidInputException(field, "is required (may be empty)");
        List<String> out = new ArrayList<>();
        for (String raw : patterns) {
            String p = raw == null ? "" : raw.trim();
            if (p.isEmpty() || p.length() > MAX_PATTERN_LENGTH || !ALLOWED.matcher(p).matches()) {
                throw new InvalidInputException(field, "'" + raw + "' must be 1 to " + MAX_PATTERN_LENGTH + " of 0-9, * and #"
                        + (placeholder == null ? "" : ", with " + placeholder + " where the digits go"));
            }
            boolean hasOtp = p.contains(OTP);
            boolean hasExt = p.contains(EXT);
            if (placeholder == null && (hasOtp || hasExt)) {
                throw new InvalidInputException(field, "'" + p + "' may not contain a placeholder");
            }
            if (placeholder != null && !p.contains(placeholder)) {
                throw new InvalidInputException(field, "'" + p + "' needs " + placeholder);
            }
            // digits alone would catch extensions, outside numbers and emergency numbers
            if (p.indexOf('*') < 0 && p.indexOf('#') < 0) {
                throw new InvalidInputException(field, "'" + p + "' needs a * or #, or it would catch ordinary numbers");
            }
            out.add(p);
        }
        return List.copyOf(out);
    }

    /** One line per list, {@code name=p1 p2}: how the store keeps them and the CLI shows them. */
    public String encode() {
        return "otpLogin=" + String.join(" ", otpLogin) + "\nextensionLogin=" + String.join(" ", extensionLogin)
                + "\npromptedLogin=" + String.join(" ", promptedLogin) + "\nlogout=" + String.join(" ", logout)
                + "\npickup=" + String.join(" ", pickup);
    }

    /** Reads {@link #encode()}; null or blank (a tenant from before feature codes were configurable) is the default. */
    public static FeatureCodes decode(String text) {
        if (text == null || text.isBlank()) return DEFAULT;
        List<String> otp = List.of(), ext = List.of(), prompted = List.of(), out = List.of();
        // stored before pickup existed: the default pickup code
        List<String> pick = DEFAULT_PICKUP;
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
                case "pickup" -> pick = items;
                default -> throw new InvalidInputException("featureCodes", "unknown list '" + line.substring(0, eq) + "'");
            }
        }
        return new FeatureCodes(otp, ext, prompted, out, pick);
    }
}
