package org.hotdesk.sip.registrar;

import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.sip.message.NameAddr;

/** The Contact header parameters the registrar reads (RFC 3261 §10.2.1.1, §20.10; RFC 5626 §4.1). */
final class ContactParams {
    private ContactParams() {
    }

    /** The contact's own {@code expires}, or -1 when it has none. */
    static int expires(NameAddr contact) {
        String value = contact.params().get("expires");
        if (value == null) return -1;
        try {
            long seconds = Long.parseLong(value.trim());
            if (seconds < 0) throw new NumberFormatException();
            return (int) Math.min(seconds, Integer.MAX_VALUE);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("Contact", "expires must be a number of seconds, not " + value);
        }
    }

    /** The {@code +sip.instance} without the quotes it must have on the wire (RFC 5626 §4.1), or null. */
    static String instance(NameAddr contact) {
        String value = contact.params().get("+sip.instance");
        if (value == null) return null;
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}
