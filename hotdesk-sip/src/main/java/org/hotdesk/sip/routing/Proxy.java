package org.hotdesk.sip.routing;

import java.text.ParseException;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.hotdesk.sip.transport.SipEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stateful proxy (RFC 3261 §16): forks an INVITE to its targets, relays provisional and final answers,
 * CANCELs the losing branches, and relays everything inside the dialogs it Record-Routes (ACK, BYE, re-INVITE).
 */
public final class Proxy {
    private static final Logger log = LoggerFactory.getLogger(Proxy.class);

    private final SipEndpoint sip;
    private final ScheduledExecutorService timers;
    private final int ringTimeoutSeconds;
    private final Map<String, ProxiedCall> calls = new ConcurrentHashMap<>();

    public Proxy(SipEndpoint sip, ScheduledExecutorService timers, int ringTimeoutSeconds) {
        this.sip = sip;
        this.timers = timers;
        this.ringTimeoutSeconds = ringTimeoutSeconds;
    }

    /** The calls still ringing (for tests and metrics). */
    public int ringing() {
        return calls.size();
    }

    /** Forks an INVITE; {@code decorate} adjusts each forwarded copy (e.g. the caller's asserted identity). */
    void fork(RequestEvent event, List<Target> targets, Consumer<Request> decorate, CallObserver observer) {
        Request request = event.getRequest();
        ServerTransaction server = sip.serverTransaction(event);
        if (server == null) return;
        ProxiedCall call = new ProxiedCall(key(request), server, request, observer);
        calls.put(call.key, call);
        sendTrying(server, request);
        synchronized (call) {
            for (Target target : targets) {
                try {
                    Request copy = forwardCopy(request, target, true);
                    decorate.accept(copy);
                    ClientTransaction ct = sip.provider().getNewClientTransaction(copy);
                    ct.setApplicationData(call);
                    call.branches.put(ct, new ProxiedCall.Branch(target));
                    ct.sendRequest();
                } catch (Exception e) {
                    log.warn("cannot forward call-id={} to {}: {}", callId(request), target.uri(), e.getMessage());
                }
            }
            if (call.branches.isEmpty()) {
                finish(call, sip.response(Response.TEMPORARILY_UNAVAILABLE, null, request));
                return;
            }
            call.ringTimer = timers.schedule(() -> ringTimeout(call), ringTimeoutSeconds, TimeUnit.SECONDS);
        }
    }

    /** Relays a request inside a dialog this server Record-Routed (BYE, re-INVITE, UPDATE, INFO, ...). */
    void relayInDialog(RequestEvent event) {
        Request request = event.getRequest();
        ServerTransaction server = sip.serverTransaction(event);
        if (server == null) return;
        try {
            Request copy = forwardCopy(request, null, false);
            ClientTransaction ct = sip.provider().getNewClientTransaction(copy);
            ct.setApplicationData(new Relay(server));
            ct.sendRequest();
        } catch (Exception e) {
            log.warn("cannot relay {} call-id={}: {}", request.getMethod(), callId(request), e.getMessage());
            sip.reply(event, Response.SERVER_INTERNAL_ERROR, "Cannot relay");
        }
    }

    /** An ACK for a 2xx is its own transaction: relayed statelessly along the dialog's route. */
    void relayAck(Request ack) {
        try {
            sip.provider().sendRequest(forwardCopy(ack, null, false));
        } catch (Exception e) {
            log.debug("cannot relay ACK call-id={}: {}", callId(ack), e.getMessage());
        }
    }

    /** CANCEL: 200 for the CANCEL, 487 for the INVITE, CANCEL to every branch still ringing. */
    public void cancel(RequestEvent event) {
        Request cancel = event.getRequest();
        ProxiedCall call = calls.get(key(cancel));
        if (call == null) {
            sip.reply(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
            return;
        }
        sip.reply(event, Response.OK, null);
        synchronized (call) {
            if (call.finalSent) return;
            cancelBranches(call, null);
            // recorded before the caller hears of it, so whatever the caller does next sees the record
            call.observer.cancelled();
            finish(call, sip.response(Response.REQUEST_TERMINATED, null, call.request));
        }
    }

    /** A response to something this proxy sent; true when it was one of the proxy's. */
    public boolean onResponse(ResponseEvent event) {
        ClientTransaction ct = event.getClientTransaction();
        Response response = event.getResponse();
        if (ct == null) {
            relayStray(response);
            return true;
        }
        Object data = ct.getApplicationData();
        if (data instanceof Relay relay) {
            forwardResponse(relay.server, response);
            return true;
        }
        if (!(data instanceof ProxiedCall call)) return false;
        onBranchResponse(call, ct, response);
        return true;
    }

    /** A branch that never answered: counts as 408. */
    public boolean onTimeout(ClientTransaction ct) {
        if (ct == null || !(ct.getApplicationData() instanceof ProxiedCall call)) return false;
        Response timeout = sip.response(Response.REQUEST_TIMEOUT, null, call.request);
        synchronized (call) {
            ProxiedCall.Branch branch = call.branches.get(ct);
            if (branch == null || branch.state == ProxiedCall.BranchState.DONE) return true;
            branch.state = ProxiedCall.BranchState.DONE;
            call.consider(timeout);
            if (call.allDone() && !call.finalSent) finishWithBest(call);
        }
        return true;
    }

    private void onBranchResponse(ProxiedCall call, ClientTransaction ct, Response response) {
        int status = response.getStatusCode();
        synchronized (call) {
            ProxiedCall.Branch branch = call.branches.get(ct);
            if (branch == null) return;
            if (status < 200) {
                if (status == Response.TRYING) return;
                branch.state = ProxiedCall.BranchState.RINGING;
                if (branch.cancelWanted) {
                    sendCancel(ct);
                } else if (!call.finalSent) {
                    forwardResponse(call.server, response);
                }
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
                forwardResponse(call.server, response);
                cancelBranches(call, ct);
                stopRinging(call);
                calls.remove(call.key);
                return;
            }
            call.consider(response);
            if (status >= 600) cancelBranches(call, ct);
            if (call.allDone() && !call.finalSent) finishWithBest(call);
        }
    }

    private void finishWithBest(ProxiedCall call) {
        Response best = call.best;
        int status = best.getStatusCode();
        call.observer.failed(status);
        // a 503 from a target means that target is out of order, not this server (§16.7 step 6)
        Response out = status == Response.SERVICE_UNAVAILABLE
                ? sip.response(Response.SERVER_INTERNAL_ERROR, "Target unavailable", call.request)
                : withoutTopVia(best);
        finish(call, out);
    }

    private void ringTimeout(ProxiedCall call) {
        synchronized (call) {
            if (call.finalSent) return;
            cancelBranches(call, null);
            call.observer.failed(Response.REQUEST_TIMEOUT);
            finish(call, sip.response(Response.TEMPORARILY_UNAVAILABLE, "No answer", call.request));
        }
    }

    private void finish(ProxiedCall call, Response response) {
        call.finalSent = true;
        stopRinging(call);
        calls.remove(call.key);
        try {
            call.server.sendResponse(response);
        } catch (SipException | InvalidArgumentException | IllegalStateException e) {
            log.debug("cannot send final {} call-id={}: {}", response.getStatusCode(), callId(call.request), e.getMessage());
        }
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
            Request cancel = ct.createCancel();
            sip.provider().getNewClientTransaction(cancel).sendRequest();
        } catch (SipException e) {
            log.debug("cannot cancel branch: {}", e.getMessage());
        }
    }

    private void forwardResponse(ServerTransaction server, Response response) {
        try {
            server.sendResponse(withoutTopVia(response));
        } catch (SipException | InvalidArgumentException | IllegalStateException e) {
            log.debug("cannot relay {}: {}", response.getStatusCode(), e.getMessage());
        }
    }

    /** Retransmitted or late 2xx answers belong to the caller too (§16.7 step 5); others are dropped. */
    private void relayStray(Response response) {
        if (response.getStatusCode() / 100 != 2) return;
        Response out = withoutTopVia(response);
        if (out.getHeader(ViaHeader.NAME) == null) return;
        try {
            sip.provider().sendResponse(out);
        } catch (SipException e) {
            log.debug("cannot relay stray 2xx: {}", e.getMessage());
        }
    }

    private static Response withoutTopVia(Response response) {
        Response copy = (Response) response.clone();
        copy.removeFirst(ViaHeader.NAME);
        return copy;
    }

    private void sendTrying(ServerTransaction server, Request request) {
        try {
            server.sendResponse(sip.response(Response.TRYING, null, request));
        } catch (SipException | InvalidArgumentException e) {
            log.debug("cannot send 100 Trying: {}", e.getMessage());
        }
    }

    /**
     * The copy of a request this proxy sends on (§16.6): new Request-URI for a target, our Route removed,
     * the target's Path as Route, one less Max-Forwards, our Record-Route on a new dialog, our Via on top.
     */
    private Request forwardCopy(Request request, Target target, boolean recordRoute)
            throws ParseException, InvalidArgumentException, SipException {
        Request copy = (Request) request.clone();
        popOwnRoute(copy);
        String transport;
        if (target != null) {
            copy.setRequestURI(sip.parseUri(target.uri()));
            for (String route : target.routes()) {
                copy.addLast(sip.headers().createRouteHeader(sip.address(route)));
            }
            transport = target.transport();
            copy.removeHeader(ProxyAuthorizationHeader.NAME);
        } else {
            transport = nextTransport(copy);
        }
        MaxForwardsHeader mf = (MaxForwardsHeader) copy.getHeader(MaxForwardsHeader.NAME);
        if (mf != null) mf.decrementMaxForwards();
        if (recordRoute) {
            String inbound = ((javax.sip.header.ViaHeader) request.getHeader(javax.sip.header.ViaHeader.NAME)).getTransport();
            boolean inTls = "tls".equalsIgnoreCase(inbound);
            boolean outTls = "tls".equalsIgnoreCase(transport);
            // a dialog that crosses from TLS to UDP/TCP gets two entries, one facing each side (RFC 5658)
            copy.addFirst(sip.recordRoute(inbound));
            if (inTls != outTls) copy.addFirst(sip.recordRoute(transport));
        }
        copy.addFirst(sip.via(transport));
        return copy;
    }

    /** A phone that uses this server as its outbound proxy, and every Record-Routed dialog, put it on top. */
    private void popOwnRoute(Request copy) {
        RouteHeader top = (RouteHeader) copy.getHeader(RouteHeader.NAME);
        while (top != null && sip.isMe(top.getAddress().getURI())) {
            copy.removeFirst(RouteHeader.NAME);
            top = (RouteHeader) copy.getHeader(RouteHeader.NAME);
        }
    }

    /** The transport of the next hop: the top Route's, else the Request-URI's. */
    private static String nextTransport(Request copy) {
        RouteHeader top = (RouteHeader) copy.getHeader(RouteHeader.NAME);
        javax.sip.address.URI next = top != null ? top.getAddress().getURI() : copy.getRequestURI();
        if (next instanceof SipURI s && s.getTransportParam() != null) return s.getTransportParam().toLowerCase();
        return "udp";
    }

    /** Is this request inside a dialog, i.e. does the To header carry a tag? */
    public static boolean inDialog(Request request) {
        javax.sip.header.ToHeader to = (javax.sip.header.ToHeader) request.getHeader(javax.sip.header.ToHeader.NAME);
        return to != null && to.getTag() != null;
    }

    /** Does the request's top Route (or, without one, its Request-URI) name this server? */
    boolean addressedToMe(Request request) {
        ListIterator<?> routes = request.getHeaders(RouteHeader.NAME);
        if (routes.hasNext()) {
            RouteHeader top = (RouteHeader) routes.next();
            if (!sip.isMe(top.getAddress().getURI())) return false;
            return !routes.hasNext() && sip.isMe(request.getRequestURI());
        }
        return sip.isMe(request.getRequestURI());
    }

    /**
     * A request whose top Route names another server: its sender's route set does not pass through here, so this
     * server never Record-Routed that dialog and is not to relay it (an open relay otherwise).
     */
    boolean routedElsewhere(Request request) {
        ListIterator<?> routes = request.getHeaders(RouteHeader.NAME);
        return routes.hasNext() && !sip.isMe(((RouteHeader) routes.next()).getAddress().getURI());
    }

    /** INVITE and its CANCEL share the Call-ID and the top Via branch. */
    private static String key(Request request) {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        return callId(request) + "|" + (via == null ? "" : via.getBranch());
    }

    public static String callId(Request request) {
        CallIdHeader id = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
        return id == null ? "" : id.getCallId();
    }

    /** A request relayed inside a dialog: its answers go back on this server transaction. */
    private record Relay(ServerTransaction server) {
    }
}
