package org.hotdesk.sip.routing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.hotdesk.sip.message.NameAddr;
import org.hotdesk.sip.message.SipRequest;
import org.hotdesk.sip.message.SipResponse;
import org.hotdesk.sip.message.SipUri;
import org.hotdesk.sip.message.Via;
import org.hotdesk.sip.stack.ClientTransaction;
import org.hotdesk.sip.stack.LocalResponse;
import org.hotdesk.sip.stack.OwnAddress;
import org.hotdesk.sip.stack.ResponseListener;
import org.hotdesk.sip.stack.ServerRequest;
import org.hotdesk.sip.stack.ServerTransaction;
import org.hotdesk.sip.stack.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stateful proxy (RFC 3261 §16): forks an INVITE to its targets, relays provisional and final answers,
 * CANCELs the losing branches, and relays everything inside the dialogs it Record-Routes (ACK, BYE, re-INVITE).
 */
public final class Proxy {
    private static final Logger log = LoggerFactory.getLogger(Proxy.class);

    private final SipStack stack;
    private final ScheduledExecutorService timers;
    private final int ringTimeoutSeconds;
    private final Map<String, ProxiedCall> calls = new ConcurrentHashMap<>();

    public Proxy(SipStack stack, ScheduledExecutorService timers, int ringTimeoutSeconds) {
        this.stack = stack;
        this.timers = timers;
        this.ringTimeoutSeconds = ringTimeoutSeconds;
    }

    /** The calls still ringing (for tests and metrics). */
    public int ringing() {
        return calls.size();
    }

    /**
     * What follows when a forked call is not answered, instead of telling the caller (call forwarding): both run on
     * the same server transaction, so the caller's phone sees one call that rings on elsewhere.
     *
     * @param onBusy          when every branch answered busy (486 or 600); null = the caller hears busy
     * @param noAnswerSeconds after this long unanswered the branches are cancelled and {@code onNoAnswer} runs; 0 = never
     */
    record Fallbacks(Runnable onBusy, int noAnswerSeconds, Runnable onNoAnswer) {
        static final Fallbacks NONE = new Fallbacks(null, 0, null);
    }

    /** Forks an INVITE; {@code decorate} adjusts each forwarded copy (e.g. the caller's asserted identity). */
    void fork(ServerRequest event, List<Target> targets, Consumer<SipRequest> decorate, CallObserver observer) {
        fork(event, targets, decorate, observer, Fallbacks.NONE);
    }

    /** The same, with what follows an unanswered call. */
    void fork(ServerRequest event, List<Target> targets, Consumer<SipRequest> decorate, CallObserver observer,
              Fallbacks fallbacks) {
        SipRequest request = event.request();
        ServerTransaction server = event.transaction();
        if (server == null) return;
        ProxiedCall call = new ProxiedCall(key(request), server, request, observer, fallbacks);
        calls.put(call.key, call);
        // a forwarded call forks again on the same transaction: the caller already had its 100
        if (server.lastStatus() == 0) respond(server, LocalResponse.to(request, 100, null));
        ResponseListener branches = new Branches(call);
        synchronized (call) {
            for (Target target : targets) {
                try {
                    SipRequest copy = forwardCopy(request, target, true);
                    decorate.accept(copy);
                    ClientTransaction ct = stack.send(copy, branches);
                    call.branches.put(ct, new ProxiedCall.Branch(target));
                } catch (RuntimeException e) {
                    log.warn("cannot forward call-id={} to {}: {}", request.callId(), target.uri(), e.getMessage());
                }
            }
            if (call.branches.isEmpty()) {
                finish(call, LocalResponse.to(request, 480, null));
                return;
            }
            if (fallbacks.onNoAnswer() != null && fallbacks.noAnswerSeconds() < ringTimeoutSeconds) {
                call.ringTimer = timers.schedule(() -> noAnswer(call), fallbacks.noAnswerSeconds(), TimeUnit.SECONDS);
            } else {
                call.ringTimer = timers.schedule(() -> ringTimeout(call), ringTimeoutSeconds, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Directed call pickup: the ringing call {@code callId} stops ringing at its phones and is answered by this server
     * for the phone that dialled the pickup code, whose own INVITE is answered too; each side gets the other's offer
     * (RFC 3264) so they talk directly, and a BYE from either ends both ({@code answers} holds the two dialogs).
     *
     * @param onHangUp run once when either side hangs up, with the Call-ID of the side that is left
     * @return false when there is no such call ringing any more, or the phones share no audio format
     */
    boolean pickUp(String callId, ServerRequest picker, Target at, ServerAnswers answers, Runnable beforeAnswer,
                   java.util.function.Consumer<String> onHangUp) {
        ProxiedCall call = calls.values().stream().filter(c -> c.request.callId().equals(callId)).findFirst().orElse(null);
        if (call == null || picker.transaction() == null) return false;
        synchronized (call) {
            if (call.finalSent) return false;
            String callerOffer = new String(call.request.body(), java.nio.charset.StandardCharsets.US_ASCII);
            String pickerOffer = new String(picker.request().body(), java.nio.charset.StandardCharsets.US_ASCII);
            String toPicker = SdpSwap.answer(pickerOffer, callerOffer);
            String toCaller = SdpSwap.answer(callerOffer, pickerOffer);
            if (toPicker == null || toCaller == null) return false;
            cancelBranches(call, null);
            call.finalSent = true;
            stopRinging(call);
            calls.remove(call.key, call);
            String pickerCallId = picker.request().callId();
            java.util.concurrent.atomic.AtomicBoolean over = new java.util.concurrent.atomic.AtomicBoolean();
            answers.answer(picker, toPicker, false, () -> {
                if (over.compareAndSet(false, true)) {
                    answers.hangUp(callId);
                    onHangUp.accept(callId);
                }
            }, key -> { });
            answers.answer(call.request, call.server, toCaller, false, () -> {
                if (over.compareAndSet(false, true)) {
                    answers.hangUp(pickerCallId);
                    onHangUp.accept(pickerCallId);
                }
            }, key -> { });
            beforeAnswer.run();
            call.observer.answered(at);
            return true;
        }
    }

    /** Relays a request inside a dialog this server Record-Routed (BYE, re-INVITE, UPDATE, INFO, ...). */
    void relayInDialog(ServerRequest event) {
        SipRequest request = event.request();
        ServerTransaction server = event.transaction();
        if (server == null) return;
        try {
            stack.send(forwardCopy(request, null, false), new ResponseListener() {
                @Override
                public void onResponse(ClientTransaction transaction, SipResponse response) {
                    if (response.status() != 100) respond(server, withoutTopVia(response));
                }

                @Override
                public void onTimeout(ClientTransaction transaction) {
                    respond(server, LocalResponse.to(request, 408, null));
                }
            });
        } catch (RuntimeException e) {
            log.warn("cannot relay {} call-id={}: {}", request.method(), request.callId(), e.getMessage());
            event.reply(500, "Cannot relay");
        }
    }

    /** An ACK for a 2xx is its own transaction: relayed statelessly along the dialog's route. */
    void relayAck(SipRequest ack) {
        try {
            stack.sendStatelessly(forwardCopy(ack, null, false));
        } catch (RuntimeException e) {
            log.debug("cannot relay ACK call-id={}: {}", ack.callId(), e.getMessage());
        }
    }

    /** CANCEL: 200 for the CANCEL, 487 for the INVITE, CANCEL to every branch still ringing. */
    public void cancel(ServerRequest event) {
        SipRequest cancel = event.request();
        ProxiedCall call = calls.get(key(cancel));
        if (call == null) {
            event.reply(481, null);
            return;
        }
        event.reply(200, null);
        synchronized (call) {
            if (call.finalSent) return;
            cancelBranches(call, null);
            // recorded before the caller hears of it, so whatever the caller does next sees the record
            call.observer.cancelled();
            finish(call, LocalResponse.to(call.request, 487, null));
        }
    }

    /** The answers of one forked call's branches. */
    private final class Branches implements ResponseListener {
        private final ProxiedCall call;

        Branches(ProxiedCall call) {
            this.call = call;
        }

        @Override
        public void onResponse(ClientTransaction ct, SipResponse response) {
            onBranchResponse(call, ct, response);
        }

        /** A branch that never answered: counts as 408. */
        @Override
        public void onTimeout(ClientTransaction ct) {
            SipResponse timeout = LocalResponse.to(call.request, 408, null);
            synchronized (call) {
                ProxiedCall.Branch branch = call.branches.get(ct);
                if (branch == null || branch.state == ProxiedCall.BranchState.DONE) return;
                branch.state = ProxiedCall.BranchState.DONE;
                call.consider(timeout);
                if (call.allDone() && !call.finalSent) finishWithBest(call);
            }
        }
    }

    private void onBranchResponse(ProxiedCall call, ClientTransaction ct, SipResponse response) {
        int status = response.status();
        synchronized (call) {
            ProxiedCall.Branch branch = call.branches.get(ct);
            if (branch == null) return;
            if (status < 200) {
                if (status == 100) return;
                branch.state = ProxiedCall.BranchState.RINGING;
                if (branch.cancelWanted) {
                    sendCancel(ct);
                } else if (!call.finalSent) {
                    respond(call.server, withoutTopVia(response));
                }
                return;
            }
            if (status < 300 && branch.state == ProxiedCall.BranchState.DONE) {
                // a repeated 2xx of the branch that answered: the caller's 200 was lost, it gets it again (RFC 6026)
                respond(call.server, withoutTopVia(response));
                return;
            }
            branch.state = ProxiedCall.BranchState.DONE;
            if (status < 300) {
                if (call.finalSent) {
                    relayStray(response);
                    return;
                }
                call.finalSent = true;
                call.observer.answered(branch.target);
                respond(call.server, withoutTopVia(response));
                cancelBranches(call, ct);
                stopRinging(call);
                calls.remove(call.key, call);
                return;
            }
            call.consider(response);
            if (status >= 600) cancelBranches(call, ct);
            if (call.allDone() && !call.finalSent) finishWithBest(call);
        }
    }

    private void finishWithBest(ProxiedCall call) {
        SipResponse best = call.best;
        int status = best.status();
        Runnable onBusy = call.fallbacks.onBusy();
        if ((status == 486 || status == 600) && onBusy != null) {
            hand(call, onBusy);
            return;
        }
        call.observer.failed(status);
        // a 503 from a target means that target is out of order, not this server (§16.7 step 6)
        SipResponse out = status == 503 ? LocalResponse.to(call.request, 500, "Target unavailable") : withoutTopVia(best);
        finish(call, out);
    }

    /** Nobody answered in the time the callee's forwarding gives: the phones stop, the call goes on elsewhere. */
    private void noAnswer(ProxiedCall call) {
        synchronized (call) {
            if (call.finalSent) return;
            cancelBranches(call, null);
            hand(call, call.fallbacks.onNoAnswer());
        }
    }

    /**
     * This fork is over without an answer to the caller; {@code next} forks again on the same transaction. Late
     * answers of the old branches are not relayed as final (the 487s of the cancelled ones), a late 2xx still is.
     */
    private void hand(ProxiedCall call, Runnable next) {
        call.finalSent = true;
        stopRinging(call);
        calls.remove(call.key, call);
        try {
            next.run();
        } catch (RuntimeException e) {
            log.warn("forwarding call-id={} failed: {}", call.request.callId(), e.getMessage());
            respond(call.server, LocalResponse.to(call.request, 500, "Forwarding failed"));
        }
    }

    private void ringTimeout(ProxiedCall call) {
        synchronized (call) {
            if (call.finalSent) return;
            cancelBranches(call, null);
            call.observer.failed(408);
            finish(call, LocalResponse.to(call.request, 480, "No answer"));
        }
    }

    private void finish(ProxiedCall call, SipResponse response) {
        call.finalSent = true;
        stopRinging(call);
        calls.remove(call.key, call);
        respond(call.server, response);
    }

    private static void stopRinging(ProxiedCall call) {
        if (call.ringTimer != null) call.ringTimer.cancel(false);
    }

    private void cancelBranches(ProxiedCall call, ClientTransaction except) {
        call.branches.forEach((ct, branch) -> {
            if (ct == except || branch.state == ProxiedCall.BranchState.DONE) return;
            // RFC 3261 §9.1: a CANCEL may only follow a provisional response; otherwise send it when one arrives
            if (branch.state == ProxiedCall.BranchState.RINGING) {
                sendCancel(ct);
            } else {
                branch.cancelWanted = true;
            }
        });
    }

    private void sendCancel(ClientTransaction ct) {
        try {
            stack.send(ct.cancelRequest(), ResponseListener.IGNORE);
        } catch (RuntimeException e) {
            log.debug("cannot cancel branch: {}", e.getMessage());
        }
    }

    private static void respond(ServerTransaction server, SipResponse response) {
        try {
            server.respond(response);
        } catch (IllegalStateException e) {
            log.debug("cannot relay {}: {}", response.status(), e.getMessage());
        }
    }

    /** Retransmitted or late 2xx answers belong to the caller too (§16.7 step 5); others are dropped. */
    public void relayStray(SipResponse response) {
        if (response.status() / 100 != 2) return;
        SipResponse out = withoutTopVia(response);
        if (out.topVia() == null) return;
        try {
            stack.sendStatelessly(out);
        } catch (RuntimeException e) {
            log.debug("cannot relay stray 2xx: {}", e.getMessage());
        }
    }

    private static SipResponse withoutTopVia(SipResponse response) {
        SipResponse copy = (SipResponse) response.copy();
        copy.removeFirst("Via");
        return copy;
    }

    /**
     * The copy of a request this proxy sends on (§16.6): new Request-URI for a target, our Route removed,
     * the target's Path as Route, one less Max-Forwards, our Record-Route on a new dialog, our Via on top.
     */
    private SipRequest forwardCopy(SipRequest request, Target target, boolean recordRoute) {
        OwnAddress own = stack.own();
        SipRequest copy = (SipRequest) request.copy();
        popOwnRoute(copy);
        // the edge's word on where the caller is, for this server only: a callee never learns the caller's address
        copy.removeAll(org.hotdesk.sip.stack.TrustedEdges.HEADER);
        String transport;
        if (target != null) {
            copy.setRequestUri(SipUri.parse(target.uri()));
            for (String route : target.routes()) copy.addLast("Route", route);
            transport = target.transport();
            copy.removeAll("Proxy-Authorization");
        } else {
            transport = nextTransport(copy);
        }
        int mf = copy.maxForwards();
        copy.set("Max-Forwards", String.valueOf(mf < 0 ? 70 : Math.max(0, mf - 1)));
        if (recordRoute) {
            String inbound = request.topVia().transport();
            boolean inTls = "tls".equalsIgnoreCase(inbound);
            boolean outTls = "tls".equalsIgnoreCase(transport);
            // a dialog that crosses from TLS to UDP/TCP gets two entries, one facing each side (RFC 5658)
            copy.addFirst("Record-Route", own.recordRoute(inbound).toString());
            if (inTls != outTls) copy.addFirst("Record-Route", own.recordRoute(transport).toString());
        }
        copy.addFirst("Via", own.via(transport).toString());
        return copy;
    }

    /** A phone that uses this server as its outbound proxy, and every Record-Routed dialog, put it on top. */
    private void popOwnRoute(SipRequest copy) {
        List<NameAddr> routes = copy.routes();
        int own = 0;
        while (own < routes.size() && stack.own().isMe(routes.get(own).uri())) own++;
        for (int i = 0; i < own; i++) copy.removeFirst("Route");
    }

    /** The transport of the next hop: the top Route's, else the Request-URI's. */
    private static String nextTransport(SipRequest copy) {
        List<NameAddr> routes = copy.routes();
        SipUri next = routes.isEmpty() ? copy.requestUri() : routes.get(0).uri();
        if (next.isSip() && next.transportParam() != null) return next.transportParam();
        return next.isSip() && next.scheme().equalsIgnoreCase("sips") ? "tls" : "udp";
    }

    /** Does the request's top Route (or, without one, its Request-URI) name this server? */
    boolean addressedToMe(SipRequest request) {
        List<NameAddr> routes = request.routes();
        if (!routes.isEmpty()) {
            if (!stack.own().isMe(routes.get(0).uri())) return false;
            return routes.size() == 1 && stack.own().isMe(request.requestUri());
        }
        return stack.own().isMe(request.requestUri());
    }

    /**
     * A request whose top Route names another server: its sender's route set does not pass through here, so this
     * server never Record-Routed that dialog and is not to relay it (an open relay otherwise).
     */
    boolean routedElsewhere(SipRequest request) {
        List<NameAddr> routes = request.routes();
        return !routes.isEmpty() && !stack.own().isMe(routes.get(0).uri());
    }

    /** INVITE and its CANCEL share the Call-ID and the top Via branch. */
    private static String key(SipRequest request) {
        Via via = request.topVia();
        return request.callId() + "|" + (via == null ? "" : via.branch());
    }
}
