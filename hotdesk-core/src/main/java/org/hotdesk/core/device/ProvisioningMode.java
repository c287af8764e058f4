package org.hotdesk.core.device;

import java.util.Locale;
import org.hotdesk.core.error.InvalidInputException;

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

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
