package org.hotdesk.sip.stack;

import org.hotdesk.sip.message.NameAddr;
import org.hotdesk.sip.message.SipRequest;
import org.hotdesk.sip.message.Via;

/**
 * What ties a request, its retransmissions and its answers to one transaction (RFC 3261 §17.1.3, §17.2.3).
 */
record TransactionKey(String value) {
    static final String MAGIC_COOKIE = "z9hG4bK";

    /**
     * A request's server transaction: the top Via's branch, its sent-by and the method, an ACK counting as its
     * INVITE. A branch without the RFC 3261 magic cookie comes from an RFC 2543 client: Call-ID, CSeq number, From
     * tag and the Via stand in for it.
     */
    static TransactionKey server(SipRequest request) {
        return server(request, request.method());
    }

    /** The server transaction of {@code method} that shares this request's branch (a CANCEL finds its INVITE). */
    static TransactionKey server(SipRequest request, String method) {
        Via via = request.topVia();
        String m = method.equals("ACK") ? "INVITE" : method;
        String branch = via.branch();
        String sentBy = via.host() + ':' + via.port();
        if (branch != null && branch.startsWith(MAGIC_COOKIE)) return new TransactionKey(branch + '|' + sentBy + '|' + m);
        NameAddr from = request.from();
        return new TransactionKey("2543|" + request.callId() + '|' + request.cseq().number() + '|' + from.tag() + '|'
                + sentBy + '|' + m);
    }

    /** A response finds the request this server sent by the branch this server chose and the CSeq method. */
    static TransactionKey client(String branch, String method) {
        return new TransactionKey(branch + '|' + (method.equals("ACK") ? "INVITE" : method));
    }
}
