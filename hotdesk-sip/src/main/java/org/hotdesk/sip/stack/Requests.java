package org.hotdesk.sip.stack;

import org.hotdesk.sip.message.CSeq;
import org.hotdesk.sip.message.SipRequest;
import org.hotdesk.sip.message.SipResponse;

/** The two requests a transaction builds from the one it carries: the ACK of a failed INVITE and a CANCEL. */
final class Requests {
    private Requests() {
    }

    /**
     * RFC 3261 §17.1.1.3: same Request-URI, Call-ID, From, CSeq number and top Via (so the same branch) as the
     * INVITE, the To of the answer (with its tag), the INVITE's Route headers.
     */
    static SipRequest ackFor(SipRequest invite, SipResponse answer) {
        SipRequest ack = SipRequest.create("ACK", invite.requestUri());
        copyCommon(invite, ack, "ACK");
        ack.addLast("To", answer.header("To"));
        return ack;
    }

    /** RFC 3261 §9.1: the INVITE's Request-URI, Call-ID, To, From, CSeq number, top Via and Route headers. */
    static SipRequest cancelFor(SipRequest invite) {
        SipRequest cancel = SipRequest.create("CANCEL", invite.requestUri());
        copyCommon(invite, cancel, "CANCEL");
        cancel.addLast("To", invite.header("To"));
        return cancel;
    }

    private static void copyCommon(SipRequest invite, SipRequest out, String method) {
        out.addLast("Via", invite.topVia().toString());
        for (String route : invite.headers("Route")) out.addLast("Route", route);
        out.addLast("Max-Forwards", "70");
        out.addLast("From", invite.header("From"));
        out.addLast("Call-ID", invite.callId());
        out.addLast("CSeq", new CSeq(invite.cseq().number(), method).toString());
    }
}
