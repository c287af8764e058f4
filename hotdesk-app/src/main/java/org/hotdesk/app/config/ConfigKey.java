package org.hotdesk.app.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One setting of the config tree: its path ({@code tenantDefaults.otpLength}), the kind of value it takes,
 * and the environment variable that overrides it.
 */
record ConfigKey(String path, Kind kind) {
    static final String ENV_PREFIX = "HOTDESK_";

    enum Kind { WHOLE_NUMBER, TEXT, LIST }

    /** {@code tenantDefaults.idleLogoutMinutes} → {@code HOTDESK_TENANT_DEFAULTS_IDLE_LOGOUT_MINUTES}. */
    String envName() {
        return ENV_PREFIX + path.replace('.', '_').replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** The value as this key's record component takes it; the record then judges whether it is allowed. */
    Object convert(RawValue raw) {
        return switch (kind) {
            case WHOLE_NUMBER -> raw instanceof RawValue.Text t ? wholeNumber(t.text()) : refuse("expected a whole number", raw);
            case TEXT -> switch (raw) {
                case RawValue.Text t -> t.text();
                case RawValue.Empty e -> null;
                default -> refuse("expected a single value", raw);
            };
            case LIST -> switch (raw) {
                case RawValue.Items i -> i.items();
                case RawValue.Text t -> commaSeparated(t.text());
                case RawValue.Empty e -> List.of();
                case RawValue.Section s -> refuse("expected a list", raw);
            };
        };
    }

    private Integer wholeNumber(String text) {
        String digits = text.trim();
        // strict on purpose: YAML would also take 0x1F, 1_000 or 8080.5, none of which a person means as a port
        if (!digits.matches("[+-]?[0-9]{1,10}")) {
            return refuse("expected a whole number", new RawValue.Text(text));
        }
        long value = Long.parseLong(digits);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            return refuse("expected a whole number of at most " + Integer.MAX_VALUE, new RawValue.Text(text));
        }
        return (int) value;
    }

    /** Lists in the environment (and, for symmetry, in the file) as {@code 112,911}. */
    private static List<String> commaSeparated(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private <T> T refuse(String expected, RawValue raw) {
        throw ConfigException.forKey(path, expected + ", was " + raw.describe());
    }
}
