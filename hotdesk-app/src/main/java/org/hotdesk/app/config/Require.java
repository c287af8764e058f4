package org.hotdesk.app.config;

/** The checks the config records share, so every bad value is reported the same way: key, rule, value. */
final class Require {
    private Require() {
    }

    static int between(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw ConfigException.forKey(key, "must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    static String text(String key, String value) {
        if (value == null || value.isBlank()) {
            throw ConfigException.forKey(key, "must not be empty");
        }
        return value;
    }
}
