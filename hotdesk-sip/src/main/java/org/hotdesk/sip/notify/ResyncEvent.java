package org.hotdesk.sip.notify;

import org.hotdesk.core.device.Vendor;

/**
 * The NOTIFY Event that makes a phone fetch its configuration again without rebooting
 * (shared/phones/VENDORS.md: Asterisk pjsip_notify sample, FusionPBX event_notify, Wazo).
 *
 * <p>Cisco MPP (and the Sipura/SPA line it grew from) reloads on {@code Event: resync}. Cisco IP Phone 6800 Series
 * Multiplatform Phones Administration Guide, Configuration Profile parameters, "Resync From SIP": "If enabled, the
 * proxy can request a resync by sending a SIP NOTIFY message containing the Event: resync header to the device"
 * (https://www.easymanua.ls/cisco/ip-phone-6851/manual?p=182, VENDORS.md §5.5); Asterisk's
 * configs/samples/pjsip_notify.conf.sample sends {@code resync} to Sipura ({@code sipura-check-cfg}). The
 * {@code check-sync} of FusionPBX and of Asterisk's {@code cisco-check-cfg} appears in no Cisco MPP guide we found.
 */
final class ResyncEvent {
    private ResyncEvent() {
    }

    static String forVendor(Vendor vendor) {
        return switch (vendor) {
            case YEALINK, SNOM -> "check-sync;reboot=false";
            case GRANDSTREAM, CISCO -> "resync";
            case POLY, FANVIL, GENERIC -> "check-sync";
        };
    }
}
