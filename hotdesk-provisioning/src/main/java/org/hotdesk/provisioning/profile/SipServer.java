package org.hotdesk.provisioning.profile;

import org.hotdesk.core.device.SipTransport;

/**
 * Where a phone registers. The phone registers in {@code domain} (so its URIs carry the tenant's domain, which is
 * how the registrar knows the tenant) and sends everything to {@code proxyHost:port} as its outbound proxy.
 */
public record SipServer(String domain, String proxyHost, int port, SipTransport transport) {
}
