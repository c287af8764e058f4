package org.hotdesk.sip.message;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a header line holding several values ({@code Via: a, b}; RFC 3261 §7.3.1) at the commas that
 * separate them: not those inside a quoted-string or inside {@code <...>}, where a URI or a display name may
 * hold commas (RFC 4475 §3.1.1.2).
 */
final class TopLevelCommas {
    private TopLevelCommas() {
    }

    /** The index of the first separating comma at or after {@code from}, or -1. */
    static int next(String value, int from) {
        boolean quoted = false;
        boolean bracketed = false;
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                if (c == '\\') i++;
                else if (c == '"') quoted = false;
            } else if (bracketed) {
                if (c == '>') bracketed = false;
            } else if (c == '"') {
                quoted = true;
            } else if (c == '<') {
                bracketed = true;
            } else if (c == ',') {
                return i;
            }
        }
        return -1;
    }

    /** The values, each stripped of LWS. An empty line has none; an empty element between commas stays "". */
    static void split(String value, List<String> into) {
        if (value.isBlank()) return;
        int start = 0;
        while (true) {
            int comma = next(value, start);
            if (comma < 0) {
                into.add(value.substring(start).strip());
                return;
            }
            into.add(value.substring(start, comma).strip());
            start = comma + 1;
        }
    }

    static List<String> split(String value) {
        List<String> out = new ArrayList<>(2);
        split(value, out);
        return out;
    }

    /** The first value of the line, without splitting the rest. */
    static String first(String value) {
        int comma = next(value, 0);
        return (comma < 0 ? value : value.substring(0, comma)).strip();
    }
}
