package org.hotdesk.core.device;

import java.util.Locale;
import org.hotdesk.core.error.InvalidInputException;

/** How a phone carries its SIP to this server. */
public enum SipTransport {
    UDP, TCP, TLS;

    public static SipTransport parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return UDP;
        }
        try {
            return valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("transport", "'" + raw + "' is not one of udp, tcp, tls");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
