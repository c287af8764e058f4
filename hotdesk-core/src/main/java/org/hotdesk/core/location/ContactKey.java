package org.hotdesk.core.location;

import java.util.Locale;
import java.util.Objects;

/**
 * A contact reduced to what identifies where it is reached ({@code user@host:port}): RFC 3261 §10.3 step 7 compares
 * contacts by URI, and {@code sip:alice@10.0.0.5:5062;transport=udp} and {@code <sip:alice@10.0.0.5:5062>} name the
 * same phone. Absent ports are 5060 (RFC 3261 §19.1.2).
 */
public final class ContactKey {
    private ContactKey() {
    }

    public static String of(String contact) {
        String c = contact.trim();
        if (c.startsWith("<")) {
            int end = c.indexOf('>');
            c = c.substring(1, end < 0 ? c.length() : end);
        }
        int semicolon = c.indexOf(';');
        if (semicolon >= 0) c = c.substring(0, semicolon);
        if (c.regionMatches(true, 0, "sips:", 0, 5)) {
            c = c.substring(5);
        } else if (c.regionMatches(true, 0, "sip:", 0, 4)) {
            c = c.substring(4);
        }
        int at = c.lastIndexOf('@');
        String user = at >= 0 ? c.substring(0, at) : "";
        String hostPort = at >= 0 ? c.substring(at + 1) : c;
        int colon = hostPort.lastIndexOf(':');
        boolean hasPort = colon > 0 && !hostPort.endsWith("]");
        String host = hasPort ? hostPort.substring(0, colon) : hostPort;
        int port = -1;
        if (hasPort) {
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                host = hostPort;
            }
        }
        return of(user, host, port);
    }

    public static String of(String user, String host, int port) {
        return Objects.toString(user, "") + "@" + host.toLowerCase(Locale.ROOT) + ":" + (port <= 0 ? 5060 : port);
    }
}
