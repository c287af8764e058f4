package org.hotdesk.app.config;

import java.util.List;

/**
 * A value as written, before it is read as a number, a text or a list. Text is kept exactly as typed, because
 * YAML would read {@code 000} (an emergency number) as 0 and {@code 0112} as an octal 74.
 */
sealed interface RawValue {
    /** A single value: a YAML scalar or an environment variable. */
    record Text(String text) implements RawValue {
    }

    /** A YAML sequence of single values. */
    record Items(List<String> items) implements RawValue {
        public Items {
            items = List.copyOf(items);
        }
    }

    /** A key written with no value ({@code key:} or {@code key: ~}). */
    record Empty() implements RawValue {
    }

    /** A key with nested keys under it. */
    record Section() implements RawValue {
    }

    /** How the value reads in an error message. */
    default String describe() {
        return switch (this) {
            case Text t -> "'" + t.text() + "'";
            case Items i -> "a list";
            case Empty e -> "empty";
            case Section s -> "a section of keys";
        };
    }
}
