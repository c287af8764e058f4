package org.hotdesk.sip.routing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.hotdesk.sip.message.CSeq;
import org.hotdesk.sip.message.NameAddr;
import org.hotdesk.sip.message.SipRequest;
import org.hotdesk.sip.message.SipResponse;
import org.hotdesk.sip.message.SipUri;
import org.hotdesk.sip.stack.OwnAddress;
import org.hotdesk.sip.stack.ResponseListener;
import org.hotdesk.sip.stack.ServerRequest;
import org.hotdesk.sip.stack.ServerTransaction;
import org.hotdesk.sip.stack.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the server answers itself: feature codes that connect (the code worked) and hang up, and voice
 * menus that talk first. With no ACK the BYE goes anyway after a few seconds, so no phone stays in a call.
 */
public final class ServerAnswers {
    private static final Logger log = LoggerFactory.getLogger(ServerAnswers.class);
    private static final long ACK_WAIT_MILLIS = 4000;

    private final SipStack stack;
    private final ScheduledExecutorService timers;
    private final Map<String, Answered> calls = new ConcurrentHashMap<>();

    public ServerAnswers(SipStack stack, ScheduledExecutorService timers) {
        this.stack = stack;
        this.timers = timers;
    }

    /**
     * @param hangUpOnAck    end the call as soon as the caller confirms it (a feature code with nothing to say)
     * @param onRemoteHangUp what to stop when the caller hangs up first (a voice menu's audio)
     */
    private record Answered(SipRequest invite, ServerTransaction server, String toTag, boolean hangUpOnAck,
                            Runnable onRemoteHangUp, Consumer<Character> infoKeys) {
    }

    /** Connects and at once ends a feature-code call: the phone sees the code worked. */
    void answerAndHangUp(ServerRequest event) {
        SipRequest invite = event.request();
        boolean hasOffer = invite.body().length > 0;
        if (answer(event, hasOffer ? inactiveAnswer() : null, true, () -> { }, key -> { })) {
            String callId = invite.callId();
            timers.schedule(() -> hangUp(callId), ACK_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Answers with this SDP (or none); the call lasts until {@link #hangUp} or the caller's BYE.
     *
     * @param infoKeys where keys sent by SIP INFO ({@code application/dtmf-relay}) go
     */
    public boolean answer(ServerRequest event, String sdpAnswer, boolean hangUpOnAck, Runnable onRemoteHangUp,
                          Consumer<Character> infoKeys) {
        ServerTransaction server = event.transaction();
        if (server == null) return false;
        return answer(event.request(), server, sdpAnswer, hangUpOnAck, onRemoteHangUp, infoKeys);
    }

    /** The same for an INVITE whose transaction is already held (a ringing call that is picked up). */
    boolean answer(SipRequest invite, ServerTransaction server, String sdpAnswer, boolean hangUpOnAck,
                   Runnable onRemoteHangUp, Consumer<Character> infoKeys) {
        String toTag = OwnAddress.token();
        try {
            SipResponse ok = SipResponse.to(invite, 200, null);
            ok.set("To", invite.to().withTag(toTag).toString());
            ok.addLast("Contact", stack.own().contact().toString());
            if (sdpAnswer != null) ok.setBody("application/sdp", sdpAnswer.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String callId = invite.callId();
            calls.put(callId, new Answered(invite, server, toTag, hangUpOnAck, onRemoteHangUp, infoKeys));
            server.respondUntilAcknowledged(ok, () -> noAck(callId));
            return true;
        } catch (RuntimeException e) {
            log.warn("cannot answer call-id={}: {}", invite.callId(), e.getMessage());
            calls.remove(invite.callId());
            return false;
        }
    }

    /** The caller's ACK for our 200. True when the ACK was for one of ours. */
    boolean onAck(SipRequest ack) {
        String callId = ack.callId();
        Answered call = calls.get(callId);
        if (call == null) return false;
        call.server().acknowledged();
        if (call.hangUpOnAck()) hangUp(callId);
        return true;
    }

    /** Our 200 was repeated for 64×T1 and no ACK came: the caller is gone, so the call ends (RFC 3261 §13.3.1.4). */
    private void noAck(String callId) {
        Answered call = calls.get(callId);
        if (call == null) return;
        log.debug("no ACK for our 200 call-id={}, hanging up", callId);
        call.onRemoteHangUp().run();
        hangUp(callId);
    }

    /** A BYE or re-INVITE for one of our own answered calls. */
    boolean owns(SipRequest request) {
        return calls.containsKey(request.callId());
    }

    /**
     * A key pressed and sent by SIP INFO, for phones that do not send RFC 4733 events:
     * {@code application/dtmf-relay} ("Signal=5") or {@code application/dtmf} ("5").
     */
    void info(ServerRequest event) {
        Answered call = calls.get(event.request().callId());
        String body = new String(event.request().body(), java.nio.charset.StandardCharsets.US_ASCII);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?im)^\\s*signal\\s*=\\s*([0-9*#A-D])").matcher(body);
        String trimmed = body.trim();
        Character key = m.find() ? m.group(1).charAt(0)
                : trimmed.length() == 1 && "0123456789*#ABCD".indexOf(trimmed.charAt(0)) >= 0 ? trimmed.charAt(0) : null;
        if (call != null && key != null) call.infoKeys().accept(key);
        event.reply(key == null ? 415 : 200, null);
    }

    /** The caller hung up first: stop what the call was doing. */
    void remoteHangUp(String callId) {
        Answered call = calls.remove(callId);
        if (call == null) return;
        call.server().acknowledged(); // a BYE ends the dialog: our 200 need not be repeated any longer
        call.onRemoteHangUp().run();
    }

    /** Ends one of our calls with a BYE (once). */
    public void hangUp(String callId) {
        Answered call = calls.remove(callId);
        if (call == null) return;
        call.server().acknowledged(); // after our BYE a late ACK changes nothing
        try {
            SipRequest invite = call.invite();
            NameAddr caller = invite.from();
            List<NameAddr> callerContacts = invite.contacts();
            SipUri target = callerContacts.isEmpty() ? caller.uri() : callerContacts.get(0).uri();
            SipRequest bye = SipRequest.create("BYE", target);
            bye.addLast("Via", stack.own().via(invite.topVia().transport()).toString());
            // RFC 3261 §12.1.1: the route set is the Record-Route of the request, in order, for the UAS
            for (String rr : invite.headers("Record-Route")) bye.addLast("Route", rr);
            bye.addLast("Max-Forwards", "70");
            bye.addLast("From", invite.to().withTag(call.toTag()).toString());
            bye.addLast("To", caller.toString());
            bye.addLast("Call-ID", callId);
            bye.addLast("CSeq", new CSeq(1, "BYE").toString());
            stack.send(bye, ResponseListener.IGNORE);
        } catch (RuntimeException e) {
            log.warn("cannot hang up feature code call-id={}: {}", callId, e.getMessage());
        }
    }

    /** An SDP answer with no media: the server has nothing to say yet (spoken confirmations come with the IVR). */
    private String inactiveAnswer() {
        String host = stack.own().host();
        long id = System.currentTimeMillis();
        return "v=0\r\no=hotdesk " + id + " " + id + " IN IP4 " + host + "\r\ns=hotdesk\r\nc=IN IP4 " + host
                + "\r\nt=0 0\r\nm=audio 9 RTP/AVP 0 8\r\na=inactive\r\n";
    }
}
