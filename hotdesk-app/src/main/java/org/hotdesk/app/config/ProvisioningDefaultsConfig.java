package org.hotdesk.app.config;

import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.tenant.ProvisioningAccess;
import org.hotdesk.core.tenant.ProvisioningSettings;

/**
 * The phone-configuration defaults a new tenant starts with ({@code tenantDefaults.provisioning.*}).
 *
 * @param ntpServer             the time server phones are given
 * @param fetchLimit            config fetches per device before an admin must reset its provision counter (B3: 20)
 * @param registerExpirySeconds how often phones re-register (Infinity: at most ten minutes, 500 s)
 * @param access                {@code url-token} (the URL carries a per-tenant secret) or {@code digest} (HTTP digest
 *                              with each device account)
 */
public record ProvisioningDefaultsConfig(String ntpServer, int fetchLimit, int registerExpirySeconds, String access) {
    public static final ProvisioningDefaultsConfig DEFAULTS = new ProvisioningDefaultsConfig(
            ProvisioningSettings.DEFAULT.ntpServer(), ProvisioningSettings.DEFAULT.fetchLimit(),
            ProvisioningSettings.DEFAULT.registerExpirySeconds(), ProvisioningSettings.DEFAULT.access().id());

    public ProvisioningDefaultsConfig {
        toSettings(ntpServer, fetchLimit, registerExpirySeconds, access);
    }

    public ProvisioningSettings toSettings() {
        return toSettings(ntpServer, fetchLimit, registerExpirySeconds, access);
    }

    private static ProvisioningSettings toSettings(String ntpServer, int fetchLimit, int registerExpirySeconds,
                                                   String access) {
        try {
            return new ProvisioningSettings(ntpServer, fetchLimit, registerExpirySeconds, ProvisioningAccess.parse(access));
        } catch (InvalidInputException e) {
            String problem = e.getMessage().startsWith(e.field() + ": ")
                    ? e.getMessage().substring(e.field().length() + 2) : e.getMessage();
            throw ConfigException.forKey("tenantDefaults." + e.field(), problem);
        }
    }
}
