package org.hotdesk.sip.notify;

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
}
