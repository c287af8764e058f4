package org.hotdesk.sip.subscribe;

import java.util.Locale;
import org.hotdesk.sip.message.NameAddr;
import org.hotdesk.sip.message.SipUri;
import org.hotdesk.sip.stack.OwnAddress;

/**
 * This server's Contact in a subscription dialog, on the transport the subscriber uses: its refreshes come back
 * the same way (RFC 3261 §12.1.1, the Contact is the remote target).
 */
final class OwnContact {
    private OwnContact() {
    }

    static NameAddr on(OwnAddress own, String transport) {
        String t = transport.toLowerCase(Locale.ROOT);
        SipUri uri = SipUri.sip("hotdesk", own.host(), own.portFor(t));
        return NameAddr.of(t.equals("udp") ? uri : uri.withParam("transport", t));
    }
}
