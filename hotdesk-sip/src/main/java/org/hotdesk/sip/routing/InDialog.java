package org.hotdesk.sip.routing;

import org.hotdesk.sip.message.SipRequest;
import org.hotdesk.sip.stack.ServerRequest;

/**
 * Requests inside an established dialog (To tag set): relayed along the route this server Record-Routed,
 * or answered here when the dialog is one the server answered itself (a feature-code call).
 */
public final class InDialog {
    private final Proxy proxy;
    private final ServerAnswers serverAnswer;
    private final CallRouter router;

    public InDialog(Proxy proxy, ServerAnswers serverAnswer, CallRouter router) {
        this.proxy = proxy;
        this.serverAnswer = serverAnswer;
        this.router = router;
    }

    public void handle(ServerRequest event) {
        SipRequest request = event.request();
        String method = request.method();
        if (method.equals("ACK")) {
            if (!serverAnswer.onAck(request) && !proxy.addressedToMe(request)) proxy.relayAck(request);
            return;
        }
        if (serverAnswer.owns(request) || proxy.addressedToMe(request)) {
            // the dialog ends here: the server answered this call itself
            if (method.equals("BYE")) {
                serverAnswer.remoteHangUp(request.callId());
                event.reply(200, null);
            } else if (method.equals("INFO") && serverAnswer.owns(request)) {
                serverAnswer.info(event);
            } else {
                event.reply(481, null);
            }
            return;
        }
        if (proxy.routedElsewhere(request)) {
            event.reply(403, "Not a dialog of this server");
            return;
        }
        if (method.equals("BYE")) router.hungUp(request.callId());
        proxy.relayInDialog(event);
    }
}
