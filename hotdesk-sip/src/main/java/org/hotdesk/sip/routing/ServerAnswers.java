package org.hotdesk.sip.routing;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.hotdesk.sip.transport.SipEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A feature-code call the server answers itself and then ends: the phone sees the call connect (the code
 * worked) and hang up. With no ACK the BYE goes anyway after a few seconds, so no phone stays in a call.
 */
public final class ServerAnswers {
    private static final Logger log = LoggerFactory.getLogger(ServerAnswers.class);
    private static final long ACK_WAIT_MILLIS = 4000;

    private final SipEndpoint sip;
    private final ScheduledExecutorService timers;
    private final Map<String, Answered> awaitingAck = new ConcurrentHashMap<>();

    public ServerAnswers(SipEndpoint sip, ScheduledExecutorService timers) {
        this.sip = sip;
        this.timers = timers;
    }

    private record Answered(Request invite, String toTag) {
    }

    void answerAndHangUp(RequestEvent event) {
        Request invite = event.getRequest();
        ServerTransaction server = sip.serverTransaction(event);
        if (server == null) return;
        String toTag = SipEndpoint.randomToken();
        try {
            Response ok = sip.response(Response.OK, null, invite);
            ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag(toTag);
            ok.addHeader(sip.contact());
            if (invite.getRawContent() != null && invite.getRawContent().length > 0) {
                ContentTypeHeader sdp = sip.headers().createContentTypeHeader("application", "sdp");
                ok.setContent(inactiveAnswer(), sdp);
            }
            String callId = Proxy.callId(invite);
            awaitingAck.put(callId, new Answered(invite, toTag));
            server.sendResponse(ok);
            timers.schedule(() -> hangUp(callId), ACK_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.warn("cannot answer feature code call-id={}: {}", Proxy.callId(invite), e.getMessage());
        }
    }

    /** The caller's ACK for our 200: now the call can be ended. True when the ACK was for one of ours. */
    boolean onAck(Request ack) {
        String callId = Proxy.callId(ack);
        if (!awaitingAck.containsKey(callId)) return false;
        hangUp(callId);
        return true;
    }

    /** A BYE or re-INVITE for one of our own answered calls (the phone hung up first). */
    boolean owns(Request request) {
        return awaitingAck.containsKey(Proxy.callId(request));
    }

    private void hangUp(String callId) {
        Answered call = awaitingAck.remove(callId);
        if (call == null) return;
        try {
            Request invite = call.invite();
            FromHeader caller = (FromHeader) invite.getHeader(FromHeader.NAME);
            ToHeader called = (ToHeader) invite.getHeader(ToHeader.NAME);
            ContactHeader callerContact = (ContactHeader) invite.getHeader(ContactHeader.NAME);
            URI target = callerContact != null ? callerContact.getAddress().getURI() : caller.getAddress().getURI();
            ViaHeader callerVia = (ViaHeader) invite.getHeader(ViaHeader.NAME);
            List<ViaHeader> via = new ArrayList<>(List.of(sip.via(callerVia.getTransport().toLowerCase())));
            Request bye = sip.messages().createRequest(target, Request.BYE,
                    (CallIdHeader) invite.getHeader(CallIdHeader.NAME),
                    sip.headers().createCSeqHeader(1L, Request.BYE),
                    sip.headers().createFromHeader(called.getAddress(), call.toTag()),
                    sip.headers().createToHeader(caller.getAddress(), caller.getTag()),
                    via, sip.headers().createMaxForwardsHeader(70));
            ListIterator<?> rr = invite.getHeaders(RecordRouteHeader.NAME);
            while (rr.hasNext()) {
                bye.addLast(sip.headers().createRouteHeader(((RecordRouteHeader) rr.next()).getAddress()));
            }
            ClientTransaction ct = sip.provider().getNewClientTransaction(bye);
            ct.sendRequest();
        } catch (Exception e) {
            log.warn("cannot hang up feature code call-id={}: {}", callId, e.getMessage());
        }
    }

    /** An SDP answer with no media: the server has nothing to say yet (spoken confirmations come with the IVR). */
    private String inactiveAnswer() throws ParseException {
        String host = sip.host();
        long id = System.currentTimeMillis();
        return "v=0\r\no=hotdesk " + id + " " + id + " IN IP4 " + host + "\r\ns=hotdesk\r\nc=IN IP4 " + host
                + "\r\nt=0 0\r\nm=audio 9 RTP/AVP 0 8\r\na=inactive\r\n";
    }
}
