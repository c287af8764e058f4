package org.hotdesk.web.metrics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.hotdesk.core.tenant.TrustedNetworks;

/**
 * Who may read {@code /metrics}: a scraper that sends the configured bearer token, from anywhere, or any client
 * from the configured networks (by default the machine itself). The counts are not secret in the way PINs are, but
 * they show how busy the service is and which tenants fail, so they are not for the whole internet.
 *
 * @param token     the bearer token a scraper sends ({@code Authorization: Bearer ...}), or empty for none
 * @param allowFrom networks whose clients need no token; empty with no token turns the endpoint off
 */
public record MetricsAccess(String token, TrustedNetworks allowFrom) {
    public static final MetricsAccess LOCAL_ONLY = new MetricsAccess("",
            new TrustedNetworks(java.util.List.of("127.0.0.0/8", "::1/128")));

    public MetricsAccess {
        token = token == null ? "" : token;
        allowFrom = allowFrom == null ? TrustedNetworks.NONE : allowFrom;
    }

    public boolean enabled() {
        return !token.isEmpty() || !allowFrom.cidrs().isEmpty();
    }

    public boolean allows(String clientAddress, String authorization) {
        if (!token.isEmpty() && authorization != null && authorization.startsWith("Bearer ")
                && MessageDigest.isEqual(authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            return true;
        }
        return allowFrom.contains(clientAddress);
    }
}
