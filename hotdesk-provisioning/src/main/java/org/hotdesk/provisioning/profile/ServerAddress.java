package org.hotdesk.provisioning.profile;

import org.hotdesk.core.device.SipTransport;

/**
 * Where phones reach this server's SIP side.
 *
 * @param host    the name or address phones send SIP to (the advertised host)
 * @param tlsPort 0 when SIP over TLS is not configured; a phone set to TLS is then given 5061
 */
public record ServerAddress(String host, int udpPort, int tcpPort, int tlsPort) {
    public int port(SipTransport transport) {
        return switch (transport) {
            case UDP -> udpPort;
            case TCP -> tcpPort;
            case TLS -> tlsPort == 0 ? 5061 : tlsPort;
        };
    }
}
