package org.hotdesk.sip.subscribe;

import org.hotdesk.core.error.InvalidInputException;

/**
 * An {@code Event} header (RFC 6665 §8.2.1): the package name and the {@code id} that tells apart several
 * subscriptions to one package in one dialog; a NOTIFY carries both back (§4.2.1).
 *
 * @param id null when the SUBSCRIBE named none
 */
record EventType(String name, String id) {
    static EventType parse(String value) {
        String[] parts = value.split(";");
        String name = parts[0].trim();
        if (name.isEmpty()) throw new InvalidInputException("Event", "Event header without a package name");
        String id = null;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase("id")) id = p.substring(eq + 1).trim();
        }
        return new EventType(name, id);
    }

    /** As a NOTIFY writes it. */
    String header() {
        return id == null ? name : name + ";id=" + id;
    }
}
