package org.hotdesk.provisioning.grandstream;

import org.hotdesk.core.device.SipTransport;
import org.hotdesk.provisioning.profile.SipServer;

/** How Grandstream spells the SIP values both file shapes share (VENDORS.md §4.2). */
final class SipValues {
    /** Grandstream's range for the register expiration, in minutes. */
    static final int MAX_EXPIRY_MINUTES = 64_800;

    private SipValues() {
    }

    /**
     * Grandstream counts the expiry in minutes. Rounded up: rounding down could make a 90 s expiry 1 minute, and
     * the phone would then re-register more often than the tenant asked, never less.
     */
    static int expiryMinutes(int seconds) {
        int minutes = (seconds + 59) / 60;
        return Math.max(1, Math.min(MAX_EXPIRY_MINUTES, minutes));
    }

    /** The phone registers in the tenant's domain and sends everything to our host as its outbound proxy. */
    static String outboundProxy(SipServer server) {
        return server.proxyHost() + ":" + server.port();
    }

    /** P130 / P830: 0 UDP, 1 TCP, 2 TLS (HT802 template). */
    static String transportNumber(SipTransport transport) {
        return switch (transport) {
            case UDP -> "0";
            case TCP -> "1";
            case TLS -> "2";
        };
    }

    /** {@code account.N.sip.transport}: the alias values Wazo writes for GXP2130-2170 (TLS is "TLS or TCP"). */
    static String transportAlias(SipTransport transport) {
        return switch (transport) {
            case UDP -> "UDP";
            case TCP -> "TCP";
            case TLS -> "TlsOrTcp";
        };
    }
}
