package org.hotdesk.core.trunk;

import java.util.regex.Pattern;
import org.hotdesk.core.error.InvalidInputException;

/**
 * A telephone number as trunks carry it: an optional leading {@code +} and 2 to 15 digits (E.164 allows at most 15,
 * ITU-T E.164 §6). Two numbers are the same when their digits are, so {@code +14155550100} and
 * {@code 14155550100} name the same DID: a trunk may deliver either form.
 */
public record PhoneNumber(String text) {
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{2,15}");

    public PhoneNumber {
        String clean = text == null ? "" : text.trim().replace(" ", "").replace("-", "");
        if (!NUMBER.matcher(clean).matches()) {
            throw new InvalidInputException("number", "'" + text + "' is not a phone number: 2 to 15 digits, "
                    + "optionally after a +, e.g. +14155550100");
        }
        text = clean;
    }

    /** Parses {@code text}, reporting a mistake against {@code field}. */
    public static PhoneNumber parse(String text, String field) {
        try {
            return new PhoneNumber(text);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(field, e.getMessage().substring("number: ".length()));
        }
    }

    /** The digits alone, the number's identity. */
    public String digits() {
        return text.startsWith("+") ? text.substring(1) : text;
    }

    @Override
    public String toString() {
        return text;
    }
}
