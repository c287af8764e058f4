package org.hotdesk.core.tenant;

import org.hotdesk.core.error.InvalidInputException;

/**
 * A tenant's phone-configuration defaults.
 *
 * @param ntpServer             the time server phones are given (a device may override it)
 * @param fetchLimit            config fetches a device may make before an admin must reset its counter (B3: 20)
 * @param registerExpirySeconds how often phones re-register, and the longest registration the registrar grants the
 *                              tenant's phones ({@code RegistrationExpiry}); the Infinity guide asks for at most ten
 *                              minutes (500 s), so a phone-key login never outlives its desk for long
 * @param access                what a fetch must show besides the MAC
 */
public record ProvisioningSettings(String ntpServer, int fetchLimit, int registerExpirySeconds,
                                   ProvisioningAccess access) {
    public static final ProvisioningSettings DEFAULT =
            new ProvisioningSettings("pool.ntp.org", 20, 500, ProvisioningAccess.URL_TOKEN);

    public ProvisioningSettings {
        ntpServer = HostName.optional("provisioning.ntpServer", ntpServer);
        if (ntpServer == null) {
            throw new InvalidInputException("provisioning.ntpServer", "is required");
        }
        if (fetchLimit < 1 || fetchLimit > 100_000_000) {
            throw new InvalidInputException("provisioning.fetchLimit", "must be between 1 and 100000000, was " + fetchLimit);
        }
        if (registerExpirySeconds < 60 || registerExpirySeconds > 86_400) {
            throw new InvalidInputException("provisioning.registerExpirySeconds",
                    "must be between 60 and 86400, was " + registerExpirySeconds);
        }
        access = access == null ? ProvisioningAccess.URL_TOKEN : access;
    }
}
