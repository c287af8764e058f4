package org.hotdesk.core.forwarding;

import java.util.function.Predicate;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.trunk.PhoneNumber;

/** Where a forwarded call goes: a colleague's extension, a number outside (through the outbound trunk), or voicemail. */
public sealed interface ForwardTarget {
    /** As people write it: {@code 1002}, {@code +4930123456} or {@code voicemail}. */
    String text();

    /** As stored: {@code ext:1002}, {@code num:+4930123456} or {@code voicemail}. */
    String encode();

    record Extension(String extension) implements ForwardTarget {
        public String text() {
            return extension;
        }

        public String encode() {
            return "ext:" + extension;
        }
    }

    record External(PhoneNumber number) implements ForwardTarget {
        public String text() {
            return number.text();
        }

        public String encode() {
            return "num:" + number.text();
        }
    }

    record Voicemail() implements ForwardTarget {
        public String text() {
            return "voicemail";
        }

        public String encode() {
            return "voicemail";
        }
    }

    /**
     * Reads what a person typed: {@code voicemail}; a number with {@code +} is outside; digits that are an extension
     * of the tenant ({@code isExtension}) are that colleague, other digits a number outside.
     */
    static ForwardTarget parse(String text, String field, Predicate<String> isExtension) {
        String clean = text == null ? "" : text.trim();
        if (clean.equalsIgnoreCase("voicemail")) return new Voicemail();
        if (!clean.startsWith("+") && isExtension.test(clean)) return new Extension(clean);
        try {
            return new External(new PhoneNumber(clean));
        } catch (InvalidInputException e) {
            throw new InvalidInputException(field, "'" + text + "' is neither an extension, a phone number "
                    + "(e.g. +4930123456) nor voicemail");
        }
    }

    /** Reads what {@link #encode()} wrote; null stays null. */
    static ForwardTarget decode(String stored) {
        if (stored == null) return null;
        if (stored.equals("voicemail")) return new Voicemail();
        if (stored.startsWith("ext:")) return new Extension(stored.substring(4));
        if (stored.startsWith("num:")) return new External(new PhoneNumber(stored.substring(4)));
        throw new IllegalArgumentException("not a stored forwarding target: " + stored);
    }
}
