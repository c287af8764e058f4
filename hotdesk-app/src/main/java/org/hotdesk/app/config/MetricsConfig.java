package org.hotdesk.app.config;

import java.util.List;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.tenant.TrustedNetworks;

/**
 * Who may read {@code GET /metrics} (Prometheus text format) on the HTTP port.
 *
 * @param token     a bearer token a scraper sends from anywhere ({@code Authorization: Bearer ...}); "" = none
 * @param allowFrom networks (CIDRs) whose clients need no token; the default is this machine only. Both empty
 *                  turns the endpoint off
 */
public record MetricsConfig(String token, List<String> allowFrom) {
    public static final MetricsConfig DEFAULTS = new MetricsConfig("", List.of("127.0.0.0/8", "::1/128"));

    public MetricsConfig {
        token = token == null ? "" : token.trim();
        if (!token.isEmpty() && token.length() < SecurityConfig.MIN_ADMIN_TOKEN) {
            throw ConfigException.forKey("metrics.token", "too short to be safe (" + token.length()
                    + " characters); use at least " + SecurityConfig.MIN_ADMIN_TOKEN + ", e.g. from 'openssl rand -hex 24'");
        }
        allowFrom = allowFrom == null ? List.of() : List.copyOf(allowFrom);
        networks(allowFrom);
    }

    /** The networks, checked: a bad CIDR is named. */
    public TrustedNetworks networks() {
        return networks(allowFrom);
    }

    private static TrustedNetworks networks(List<String> cidrs) {
        try {
            return new TrustedNetworks(cidrs);
        } catch (InvalidInputException e) {
            throw ConfigException.forKey("metrics.allowFrom", e.getMessage());
        }
    }
}
