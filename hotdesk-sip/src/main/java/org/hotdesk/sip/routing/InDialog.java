package org.hotdesk.sip.routing;

import javax.sip.RequestEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.hotdesk.sip.transport.SipEndpoint;

/**
 * Requests inside an established dialog (To tag set): relayed along the route this server Record-Routed,
 * or answered here when the dialog is one the server answered itself (a feature-code call).
 */
public final class InDialog {
    private final SipEndpoint sip;
    private final Proxy proxy;
    private final ServerAnswers serverAnswer;
    private final CallRouter router;

    public InDialog(SipEndpoint sip, Proxy proxy, ServerAnswers serverAnswer, CallRouter router) {
        this.sip = sip;
        this.proxy = proxy;
        this.serverAnswer = serverAnswer;
        this.router = router;
    }

    public void handle(RequestEvent event) {
        Request request = event.getRequest();
        String method = request.getMethod();
        if (method.equals(Request.ACK)) {
            if (!serverAnswer.onAck(request) && !proxy.addressedToMe(request)) proxy.relayAck(request);
            return;
        }
        if (serverAnswer.owns(request) || proxy.addressedToMe(request)) {
            // the dialog ends here: the server answered this call itself
            if (method.equals(Request.BYE)) {
                serverAnswer.remoteHangUp(Proxy.callId(request));
                sip.reply(event, Response.OK, null);
            } else if (method.equals(Request.INFO) && serverAnswer.owns(request)) {
                serverAnswer.info(event);
            } else {
                sip.reply(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
            }
            return;
        }
        if (proxy.routedElsewhere(request)) {
            sip.reply(event, Response.FORBIDDEN, "Not a dialog of this server");
            return;
        }
        if (method.equals(Request.BYE)) router.hungUp(Proxy.callId(request));
        proxy.relayInDialog(event);
    }
}
