package org.hotdesk.core.device;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.hotdesk.core.error.InvalidInputException;

/** Phone makers whose provisioning formats hotdesk renders. */
public enum Vendor {
    YEALINK, POLY, SNOM, GRANDSTREAM, CISCO, FANVIL, GENERIC;

    public static Vendor parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return GENERIC;
        }
        try {
            return valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("vendor", "'" + raw + "' is not one of "
                    + Arrays.stream(values()).map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
