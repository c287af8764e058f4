package org.hotdesk.sip.transport;

import java.util.Locale;

/** A host, port and transport ({@code udp} or {@code tcp}): where a message came from or goes to. */
public record NetworkAddress(String host, int port, String transport) {
    public NetworkAddress {
        transport = transport.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return host + ":" + port + (transport.equals("udp") ? "" : ";transport=" + transport);
    }
}
