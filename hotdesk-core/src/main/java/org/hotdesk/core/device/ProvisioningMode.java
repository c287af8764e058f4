package org.hotdesk.core.device;

import java.util.Locale;
import org.hotdesk.core.error.InvalidInputException;
import org.hotdesk.core.tenant.TenantSettings;

/**
 * How people log in at a desk, as its rendered configuration offers it.
 * {@code DIAL_CODES}: keys that dial the tenant's login and logout codes (works on every phone and ATA port).
 * {@code PHONE_KEY}: the phone's own hot-desk key, with which the phone registers as the person with extension
 * and PIN (Yealink DSS key type 34, Snom log-off-all with logon wizard, Grandstream public mode).
 */
public enum ProvisioningMode {
    DIAL_CODES, PHONE_KEY;

    public static ProvisioningMode parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return DIAL_CODES;
        }
        String clean = raw.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return valueOf(clean);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("mode", "'" + raw + "' is not one of dial-codes, phone-key");
        }
    }

    /**
     * A desk offers the phone's own hot-desk key only in a tenant that lets people log in with it: elsewhere no PIN
     * digest is kept, and the key could only ever answer "wrong password".
     */
    public void requireAllowedBy(TenantSettings settings) {
        if (this == PHONE_KEY && !settings.phoneKeyLogin()) {
            throw new InvalidInputException("mode", "phone-key needs the tenant's phone-key login on (setting "
                    + "phoneKeyLogin: `tenants set --phone-key-login true`, the API's settings or the console); "
                    + "use dial-codes, or turn it on first");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
