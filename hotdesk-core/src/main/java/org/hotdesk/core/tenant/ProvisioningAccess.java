package org.hotdesk.core.tenant;

import java.util.Locale;
import org.hotdesk.core.error.InvalidInputException;

/**
 * What a phone must show, besides its MAC, to fetch its configuration (which holds its SIP password).
 * {@code URL_TOKEN}: the tenant's provisioning URL carries an unguessable token.
 * {@code DIGEST}: HTTP digest with the device account's user name and password.
 */
public enum ProvisioningAccess {
    URL_TOKEN, DIGEST;

    public static ProvisioningAccess parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return URL_TOKEN;
        }
        try {
            return valueOf(raw.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("provisioning.access", "'" + raw + "' is not one of url-token, digest");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
