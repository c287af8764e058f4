package org.hotdesk.sip.stack;

import org.hotdesk.sip.message.MalformedHeaderException;
import org.hotdesk.sip.message.NameAddr;
import org.hotdesk.sip.message.SipRequest;
import org.hotdesk.sip.message.SipResponse;

/**
 * A response this server writes itself rather than relays. RFC 3261 §8.2.6.2: any answer but 100 carries a To tag
 * when the request's To had none; it is derived from the request, so a request answered twice without a
 * transaction (a retransmission) gets the same tag both times.
 */
public final class LocalResponse {
    /** Tells this server's tags from those of another start, whose answers used other tags. */
    private static final String PREFIX = OwnAddress.token().substring(0, 8);

    private LocalResponse() {
    }

    public static SipResponse to(SipRequest request, int status, String reason) {
        SipResponse response = SipResponse.to(request, status, reason);
        if (status == 100) return response;
        try {
            NameAddr to = request.to();
            if (to.tag() == null) {
                String branch = request.topVia() == null ? "" : request.topVia().branch();
                int digest = (request.callId() + '|' + branch + '|' + request.cseq().number()).hashCode();
                response.set("To", to.withTag(PREFIX + Integer.toHexString(digest)).toString());
            }
        } catch (MalformedHeaderException e) {
            // a 400 for a To this server cannot read: it goes back with that To as it came
        }
        return response;
    }
}
