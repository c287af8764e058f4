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

    /**
     * Whether the phones of this maker have a hot-desk key of their own that registers as the person
     * (shared/phones/VENDORS.md §1.4 Yealink type 34, §3.4 Snom F_LOGOFF_ALL + logon wizard, §4.4 Grandstream
     * public mode). Poly, Cisco MPP and Fanvil have none that works with a plain SIP server.
     */
    public boolean hasOwnHotDeskKey() {
        return this == YEALINK || this == SNOM || this == GRANDSTREAM;
    }

    public void requireSupports(ProvisioningMode mode) {
        if (mode == ProvisioningMode.PHONE_KEY && !hasOwnHotDeskKey()) {
            throw new InvalidInputException("mode", id() + " phones have no hot-desk key of their own; use dial-codes"
                    + " (phone-key works on yealink, snom, grandstream)");
        }
    }

    /** The maker a phone names in its User-Agent (VENDORS.md §0); GENERIC when none is recognised. */
    public static Vendor fromUserAgent(String userAgent) {
        String ua = userAgent == null ? "" : userAgent.toLowerCase(Locale.ROOT);
        if (ua.contains("yealink")) return YEALINK;
        if (ua.contains("polycom") || ua.contains("poly")) return POLY;
        if (ua.contains("snom")) return SNOM;
        if (ua.contains("grandstream")) return GRANDSTREAM;
        if (ua.contains("cisco") || ua.contains("linksys")) return CISCO;
        if (ua.contains("fanvil")) return FANVIL;
        return GENERIC;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
