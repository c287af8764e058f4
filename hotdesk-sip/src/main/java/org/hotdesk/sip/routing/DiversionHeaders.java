package org.hotdesk.sip.routing;

import java.util.List;
import org.hotdesk.core.routing.Diversion;
import org.hotdesk.sip.message.SipRequest;

/** The Diversion header (RFC 5806): each forwarding step a call took, newest on top. */
final class DiversionHeaders {
    private DiversionHeaders() {
    }

    /** How many forwarding steps an INVITE arrived with (one header may list several, comma-separated). */
    static int count(SipRequest request) {
        return request.headers("Diversion").size();
    }

    /** Adds {@code diversions} (oldest first) above those the request already carries. */
    static void add(SipRequest request, List<Diversion> diversions, String domain) {
        for (Diversion d : diversions) {
            // counter=1 per step (RFC 5806 §3); the steps are separate entries, so the count is their number
            request.addFirst("Diversion", "<sip:" + d.extension() + "@" + domain + ">;reason=" + d.reason() + ";counter=1");
        }
    }
}
