package org.hotdesk.sip.notify;

import java.util.Locale;
import org.hotdesk.core.device.Vendor;

/**
 * The NOTIFY Event that makes a phone fetch its configuration again without rebooting
 * (shared/phones/VENDORS.md: Asterisk pjsip_notify sample, FusionPBX event_notify, Wazo).
 */
final class ResyncEvent {
    private ResyncEvent() {
    }

    static String forVendor(Vendor vendor) {
        return switch (vendor) {
            case YEALINK, SNOM -> "check-sync;reboot=false";
            case GRANDSTREAM -> "resync";
            case POLY, CISCO, FANVIL, GENERIC -> "check-sync";
        };
    }

    /** The vendor a phone names in its User-Agent, for devices recorded as generic. */
    static Vendor fromUserAgent(String userAgent) {
        String ua = userAgent == null ? "" : userAgent.toLowerCase(Locale.ROOT);
        if (ua.contains("yealink")) return Vendor.YEALINK;
        if (ua.contains("polycom") || ua.contains("poly")) return Vendor.POLY;
        if (ua.contains("snom")) return Vendor.SNOM;
        if (ua.contains("grandstream")) return Vendor.GRANDSTREAM;
        if (ua.contains("cisco") || ua.contains("linksys")) return Vendor.CISCO;
        if (ua.contains("fanvil")) return Vendor.FANVIL;
        return Vendor.GENERIC;
    }
}
