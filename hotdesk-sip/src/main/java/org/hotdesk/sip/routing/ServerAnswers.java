package org.hotdesk.sip.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sip.ClientTransaction;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.URI;
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
 * Calls the server answers itself: feature codes that connect (the code worked) and hang up, and voice
 * menus that talk first. With no ACK the BYE goes anyway after a few seconds, so no phone stays in a call.
 */
public final class ServerAnswers {
    private static final Logger log = LoggerFactory.getLogger(ServerAnswers.class);
    private static final long ACK_WAIT_MILLIS = 4000;

    private final SipEndpoint sip;
    private final ScheduledExecutorService timers;
    private final Map<String, Answered> calls = new ConcurrentHashMap<>();

    public ServerAnswers(SipEndpoint sip, ScheduledExecutorService timers) {
        this.sip = sip;
        this.timers = timers;
    }

    /**
     * @param hangUpOnAck    end the call as soon as the caller confirms it (a feature code with nothing to say)
     * @param onRemoteHangUp what to stop when the caller hangs up first (a voice menu's audio)
     */
    private record Answered(Request invite, String toTag, boolean hangUpOnAck, Runnable onRemoteHangUp,
                            Consumer<Character> infoKeys) {
    }

    /** Connects and at once ends a feature-code call: the phone sees the code worked. */
    void answerAndHangUp(RequestEvent event) {
        Request invite = event.getRequest();
        boolean hasOffer = invite.getRawContent() != null && invite.getRawContent().length > 0;
        if (answer(event, hasOffer ? inactiveAnswer() : null, true, () -> { }, key -> { })) {
            String callId = Proxy.callId(invite);
            timers.schedule(() -> hangUp(callId), ACK_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Answers with this SDP (or none); the call lasts until {@link #hangUp} or the caller's BYE.
     *
     * @param infoKeys where keys sent by SIP INFO ({@code application/dtmf-relay}) go
     */
    public boolean answer(RequestEvent event, String sdpAnswer, boolean hangUpOnAck, Runnable onRemoteHangUp,
                          Consumer<Character> infoKeys) {
        Request invite = event.getRequest();
        ServerTransaction server = sip.serverTransaction(event);
        if (server == null) return false;
        String toTag = SipEndpoint.randomToken();
        try {
            Response ok = sip.response(Response.OK, null, invite);
            ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag(toTag);
            ok.addHeader(sip.contact());
            if (sdpAnswer != null) {
                ContentTypeHeader sdp = sip.headers().createContentTypeHeader("application", "sdp");
                ok.setContent(sdpAnswer, sdp);
            }
            calls.put(Proxy.callId(invite), new Answered(invite, toTag, hangUpOnAck, onRemoteHangUp, infoKeys));
            server.sendResponse(ok);
            return true;
        } catch (Exception e) {
            log.warn("cannot answer call-id={}: {}", Proxy.callId(invite), e.getMessage());
            calls.remove(Proxy.callId(invite));
            return false;
        }
    }

    /** The caller's ACK for our 200. True when the ACK was for one of ours. */
    boolean onAck(Request ack) {
        String callId = Proxy.callId(ack);
        Answered call = calls.get(callId);
        if (call == null) return false;
        if (call.hangUpOnAck()) hangUp(callId);
        return true;
    }

    /** A BYE or re-INVITE for one of our own answered calls. */
    boolean owns(Request request) {
        return calls.containsKey(Proxy.callId(request));
    }

    /**
     * A key pressed and sent by SIP INFO, for phones that do not send RFC 4733 events:
     * {@code application/dtmf-relay} ("Signal=5") or {@code application/dtmf} ("5").
     */
    void info(RequestEvent event) {
        Answered call = calls.get(Proxy.callId(event.getRequest()));
        byte[] raw = event.getRequest().getRawContent();
        String body = raw == null ? "" : new String(raw, java.nio.charset.StandardCharsets.US_ASCII);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?im)^\\s*signal\\s*=\\s*([0-9*#A-D])").matcher(body);
        String trimmed = body.trim();
        Character key = m.find() ? m.group(1).charAt(0)
                : trimmed.length() == 1 && "0123456789*#ABCD".indexOf(trimmed.charAt(0)) >= 0 ? trimmed.charAt(0) : null;
        if (call != null && key != null) call.infoKeys().accept(key);
        sip.reply(event, key == null ? Response.UNSUPPORTED_MEDIA_TYPE : Response.OK, null);
    }

    /** The caller hung up first: stop what the call was doing. */
    void remoteHangUp(String callId) {
        Answered call = calls.remove(callId);
        if (call != null) call.onRemoteHangUp().run();
    }

    /** Ends one of our calls with a BYE (once). */
    public void hangUp(String callId) {
        Answered call = calls.remove(callId);
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
    private String inactiveAnswer() {
        String host = sip.host();
        long id = System.currentTimeMillis();
        return "v=0\r\no=hotdesk " + id + " " + id + " IN IP4 " + host + "\r\ns=hotdesk\r\nc=IN IP4 " + host
                + "\r\nt=0 0\r\nm=audio 9 RTP/AVP 0 8\r\na=inactive\r\n";
    }
}
