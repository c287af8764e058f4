package org.hotdesk.core.user;

import java.util.Locale;
import java.util.regex.Pattern;
import org.hotdesk.core.error.InvalidInputException;

/**
 * One of a person's programmable keys, which follow them to whatever desk they log in at.
 *
 * @param type  BLF watches an extension (and dials it); SPEED_DIAL just dials
 * @param value the extension or number
 * @param label the text next to the key; the value when none is given
 */
public record FunctionKey(Type type, String value, String label) {
    public enum Type {
        BLF, SPEED_DIAL;

        public static Type parse(String raw) {
            if (raw == null || raw.isBlank()) {
                throw new InvalidInputException("keys.type", "is required (blf or speed-dial)");
            }
            try {
                return valueOf(raw.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("keys.type", "'" + raw + "' is not one of blf, speed-dial");
            }
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Phones have at most this many programmable keys on the base unit that hotdesk manages. */
    public static final int MAX_KEYS = 30;

    private static final Pattern NUMBER = Pattern.compile("[0-9*#+]{1,32}");
    // phone configs are key=value lines, XML and CSV-like strings: none of these may break out of a value
    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cntrl}<>&\"'=;|%$\\\\]");

    public FunctionKey {
        if (type == null) {
            throw new InvalidInputException("keys.type", "is required (blf or speed-dial)");
        }
        value = value == null ? "" : value.trim();
        if (!NUMBER.matcher(value).matches()) {
            throw new InvalidInputException("keys.value", "'" + value + "' is not an extension or number (digits, *, #, +)");
        }
        label = label == null || label.isBlank() ? value : label.trim();
        if (label.length() > 32) {
            throw new InvalidInputException("keys.label", "must be at most 32 characters, was " + label.length());
        }
        if (UNSAFE.matcher(label).find()) {
            throw new InvalidInputException("keys.label", "'" + label + "' contains a character phones cannot show"
                    + " (control characters and < > & \" ' = ; | % $ \\)");
        }
    }
}
