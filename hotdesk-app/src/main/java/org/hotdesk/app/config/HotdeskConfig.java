package org.hotdesk.app.config;

/**
 * Everything the server is configured with, as one immutable tree. Each component is a section of the YAML
 * file and each of their components a key; {@link ConfigLoader} derives the key names and the
 * {@code HOTDESK_...} environment variables from this tree, so a new component here is a new key everywhere.
 */
public record HotdeskConfig(
        HttpConfig http,
        SipConfig sip,
        MediaConfig media,
        SourceLimitsConfig sourceLimits,
        DatabaseConfig database,
        SecurityConfig security,
        TlsConfig tls,
        TimersConfig timers,
        TenantDefaultsConfig tenantDefaults,
        MetricsConfig metrics,
        ClusterConfig cluster) {

    public static final HotdeskConfig DEFAULTS = new HotdeskConfig(HttpConfig.DEFAULTS, SipConfig.DEFAULTS, MediaConfig.DEFAULTS,
            SourceLimitsConfig.DEFAULTS,
            DatabaseConfig.DEFAULTS,
            SecurityConfig.DEFAULTS, TlsConfig.DEFAULTS, TimersConfig.DEFAULTS, TenantDefaultsConfig.DEFAULTS,
            MetricsConfig.DEFAULTS, ClusterConfig.DEFAULTS);

    public HotdeskConfig {
        if (http == null || sip == null || media == null || sourceLimits == null || database == null || security == null || tls == null || timers == null || tenantDefaults == null
                || metrics == null || cluster == null) {
            throw new IllegalArgumentException("every config section is required; start from DEFAULTS");
        }
    }
}
