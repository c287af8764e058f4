package org.hotdesk.sip.stack;

import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.hotdesk.sip.message.MalformedHeaderException;
import org.hotdesk.sip.message.MalformedMessageException;
import org.hotdesk.sip.message.MessageParser;
import org.hotdesk.sip.message.SipMessage;
import org.hotdesk.sip.message.SipRequest;
import org.hotdesk.sip.message.SipResponse;
import org.hotdesk.sip.message.Via;
import org.hotdesk.sip.network.Frame;
import org.hotdesk.sip.network.Link;
import org.hotdesk.sip.network.Peer;
import org.hotdesk.sip.network.SipNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * hotdesk's own SIP stack: messages framed and parsed off the sockets, retransmissions absorbed by transactions,
 * each request handed to the handler registered for its method. Handlers answer through {@link ServerRequest} and
 * send requests through {@link #send}; nothing else of the stack shows.
 */
public final class SipStack implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SipStack.class);
    /** Methods of RFC 3261 and its extensions: one of these without a handler is 405, anything else 501. */
    private static final Set<String> KNOWN_METHODS = Set.of("INVITE", "ACK", "CANCEL", "BYE", "OPTIONS", "REGISTER",
            "PRACK", "SUBSCRIBE", "NOTIFY", "PUBLISH", "INFO", "REFER", "MESSAGE", "UPDATE");

    private final Map<String, RequestHandler> handlers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final TransactionLayer layer;
    private final NextHop nextHop;
    private final Lanes lanes;
    private final String advertisedHost;
    private final TrustedEdges trustedEdges;
    private final long staleNanos;
    private volatile SipNetwork network;
    private volatile OwnAddress own;
    private volatile RequestHandler front = this::dispatch;
    private volatile Consumer<SipResponse> strays = r -> { };
    private volatile AnswerObserver answers = AnswerObserver.NONE;

    private SipStack(StackConfig config) {
        this.advertisedHost = config.advertisedHost();
        this.trustedEdges = config.trustedEdges();
        this.staleNanos = config.timers().t1().toNanos();
        ScheduledThreadPoolExecutor timerThread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "sip-transaction-timers");
            t.setDaemon(true);
            return t;
        });
        // A cancelled timer leaves the queue at once, not when it would have run: most timers are cancelled (an
        // ACK ends Timer G and H), and each one kept its transaction reachable for up to 64×T1
        timerThread.setRemoveOnCancelPolicy(true);
        this.scheduler = timerThread;
        this.layer = new TransactionLayer(config.timers(), scheduler, this::sendFrame);
        this.nextHop = new NextHop(config.registeredSource());
        this.lanes = new Lanes(config.workers(), config.queuePerLane());
    }

    /** Opens the sockets; requests that arrive before a handler is registered get 405 / 501. */
    public static SipStack start(StackConfig config) {
        SipStack stack = new SipStack(config);
        try {
            stack.network = SipNetwork.start(config.network(), stack::receive);
        } catch (RuntimeException e) {
            stack.scheduler.shutdownNow();
            stack.lanes.close();
            throw e;
        }
        stack.own = new OwnAddress(stack.advertisedHost, stack.network.port(), stack.network.tlsPort());
        return stack;
    }

    public OwnAddress own() {
        return own;
    }

    /** Registers the handler of one method; the Allow header lists what is registered. */
    public void handle(String method, RequestHandler handler) {
        handlers.put(method.toUpperCase(Locale.ROOT), handler);
    }

    /**
     * Puts a handler in front of every request (the source guard, checks every request passes); it calls
     * {@link #dispatch} to hand a request on to its method's handler.
     */
    public void intercept(RequestHandler front) {
        this.front = front;
    }

    /** Where answers matching no transaction go (a 2xx repeated after its transaction ended, RFC 3261 §16.7 step 5). */
    public void onStrayResponse(Consumer<SipResponse> strays) {
        this.strays = strays;
    }

    /** Who is told of the first answer to each request (metrics). */
    public void observeAnswers(AnswerObserver observer) {
        this.answers = observer;
    }

    /** The methods this server takes, for Allow headers (RFC 3261 §20.5). */
    public String allow() {
        return String.join(", ", new TreeSet<>(handlers.keySet()));
    }

    /** Runs the handler of the request's method; 405 with Allow or 501 when there is none (RFC 3261 §8.2.1). */
    public void dispatch(ServerRequest request) {
        RequestHandler handler = handlers.get(request.method());
        if (handler != null) {
            handler.handle(request);
        } else if (request.method().equals("ACK")) {
            // never answered (RFC 3261 §17.2.1); an ACK nobody takes is simply dropped
        } else if (KNOWN_METHODS.contains(request.method())) {
            request.reply(Refusal.METHOD_NOT_ALLOWED.status(), Refusal.METHOD_NOT_ALLOWED.phrase(),
                    r -> r.addLast("Allow", allow()));
        } else {
            request.reply(Refusal.NOT_IMPLEMENTED.status(), Refusal.NOT_IMPLEMENTED.phrase());
        }
    }

    /**
     * Sends a request in a client transaction to its next hop (top Route, else the Request-URI, see {@link NextHop}).
     * The top Via must be this server's (see {@link OwnAddress#via}); its transport and port are set to the hop's.
     *
     * @throws IllegalArgumentException when the next hop has no address
     */
    public ClientTransaction send(SipRequest request, ResponseListener listener) {
        Peer peer = resolve(request);
        alignVia(request, peer);
        return layer.send(request, peer, listener);
    }

    /**
     * Sends a request in a client transaction to a peer the caller chose: a subscriber's flow, the address and
     * transport its SUBSCRIBE came from, so a NOTIFY reaches a phone behind NAT (RFC 5626 §5.3 reuses the flow the
     * same way). The top Via must be this server's; its transport and port are set to the peer's.
     */
    public ClientTransaction send(SipRequest request, Peer peer, ResponseListener listener) {
        alignVia(request, peer);
        return layer.send(request, peer, listener);
    }

    /** Sends a request without a transaction: an ACK to a 2xx, relayed along its dialog's route (RFC 3261 §16.7 step 5... §17). */
    public void sendStatelessly(SipRequest request) {
        Peer peer = resolve(request);
        alignVia(request, peer);
        network.send(peer, request.toBytes());
    }

    /** A response relayed without a transaction, to where its (new) top Via says (RFC 3261 §18.2.2, RFC 3581 §4). */
    public void sendStatelessly(SipResponse response) {
        Via via = response.topVia();
        if (via == null) return;
        String host = via.received() != null ? via.received() : via.host();
        int port = via.rport() > 0 ? via.rport() : via.port() > 0 ? via.port()
                : via.transport().equalsIgnoreCase("tls") ? 5061 : 5060;
        if (host.startsWith("[")) host = host.substring(1, host.length() - 1);
        network.send(new Peer(host, port, via.transport().toLowerCase(Locale.ROOT)), response.toBytes());
    }

    /** The server transaction of the INVITE a CANCEL is for, if it is still waiting for a final answer. */
    public ServerTransaction inviteOf(SipRequest cancel) {
        ServerTransaction invite = layer.inviteOf(cancel);
        return invite != null && invite.proceeding() ? invite : null;
    }

    public int port() {
        return network.port();
    }

    public int tlsPort() {
        return network.tlsPort();
    }

    /** Transactions in flight (for tests and metrics). */
    public int transactionsInFlight() {
        return layer.inFlight();
    }

    private Peer resolve(SipRequest request) {
        try {
            return nextHop.of(request);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("no address for the next hop of " + request.method() + ": " + e.getMessage(), e);
        }
    }

    /** Our Via names the transport and port the request really leaves by (RFC 3261 §18.1.1). */
    private void alignVia(SipRequest request, Peer peer) {
        Via via = request.topVia();
        if (via == null) throw new IllegalArgumentException(request.method() + " without a Via");
        String transport = peer.transport().toUpperCase(Locale.ROOT);
        int port = own.portFor(peer.transport());
        if (via.transport().equalsIgnoreCase(transport) && via.port() == port) return;
        Via aligned = new Via(via.protocol(), transport, via.host(), port, via.params());
        request.removeFirst("Via");
        request.addFirst("Via", aligned.toString());
    }

    private void sendFrame(Peer peer, byte[] frame, Runnable onFailure) {
        network.send(peer, frame).whenComplete((done, failure) -> {
            if (failure != null) {
                log.debug("cannot send to {}: {}", peer, failure.getMessage());
                scheduler.execute(onFailure);
            }
        });
    }

    /** On a network thread: parse, then hand over to the Call-ID's lane. */
    private void receive(Frame frame) {
        Link link = frame.link();
        SipMessage message;
        try {
            message = MessageParser.parse(frame.bytes(), 0, frame.bytes().length);
        } catch (MalformedMessageException e) {
            refuseMalformed(e, link);
            return;
        }
        long receivedAt = System.nanoTime();
        if (!lanes.submit(message.callId(), () -> {
            if (!stale(message, link, receivedAt)) process(message, link, receivedAt);
        })) {
            overloaded(message, link);
        }
    }

    /** RFC 3261 §21.4.1 / RFC 4475 §3.1.2: a request that can be answered gets 400 naming what is wrong; else dropped. */
    private void refuseMalformed(MalformedMessageException e, Link link) {
        SipRequest partial = e.request();
        log.debug("malformed message from {}: {}", link.peer(), e.reason());
        if (partial == null || partial.method().equals("ACK")) return;
        try {
            SipResponse bad = LocalResponse.to(partial, Refusal.MALFORMED.status(), e.reason());
            ReplyPath.of(partial, link, network).send(bad.toBytes());
        } catch (RuntimeException unanswerable) {
            log.debug("malformed request from {} cannot be answered either: {}", link.peer(), unanswerable.getMessage());
        }
    }

    /**
     * Every lane full. Over UDP the request is dropped: its sender repeats it, by when the queue may have room. Over
     * TCP and TLS nothing repeats it, so the sender hears 503 at once.
     */
    private void overloaded(SipMessage message, Link link) {
        log.debug("overloaded: dropped a message from {}", link.peer());
        if (!link.reliable() || !(message instanceof SipRequest request) || request.method().equals("ACK")) return;
        SipResponse busy = LocalResponse.to(request, Refusal.OVERLOADED.status(), Refusal.OVERLOADED.phrase());
        busy.addLast("Retry-After", "5");
        link.send(busy.toBytes());
    }

    /**
     * A UDP request that waited in its lane longer than T1 has been sent again by now (RFC 3261 §17.1.1.2,
     * §17.1.2.2), and that copy waits behind it: only one of them needs the work, and taking the newer keeps the
     * queue shorter than the time after which senders repeat themselves. Without this, a server that falls behind
     * for a moment (a cold start, a pause) answers every request two or three times and never catches up.
     * Responses, ACKs and anything over TCP or TLS (never repeated by the sender) are always handled.
     */
    private boolean stale(SipMessage message, Link link, long receivedAt) {
        if (link.reliable() || !(message instanceof SipRequest request) || request.method().equals("ACK")) return false;
        if (System.nanoTime() - receivedAt <= staleNanos) return false;
        log.debug("{} from {} waited longer than T1: its repeat is handled instead", request.method(), link.peer());
        return true;
    }

    /** On the Call-ID's lane. */
    private void process(SipMessage message, Link link, long receivedAt) {
        if (message instanceof SipResponse response) {
            onResponse(response, link);
            return;
        }
        SipRequest request = (SipRequest) message;
        ServerRequest incoming = null;
        try {
            stampVia(request, link);
            ServerTransaction existing = layer.existing(request);
            if (existing != null && (!request.method().equals("ACK") || existing.absorbsAck())) {
                existing.retransmitted(request);
                return;
            }
            incoming = new ServerRequest(request, link, ReplyPath.of(request, link, network), layer, receivedAt,
                    answers, trustedEdges);
            if (!"SIP/2.0".equalsIgnoreCase(request.version())) {
                incoming.reply(Refusal.VERSION_NOT_SUPPORTED.status(), Refusal.VERSION_NOT_SUPPORTED.phrase());
                return;
            }
            front.handle(incoming);
        } catch (MalformedHeaderException e) {
            log.debug("{} from {} has a malformed {}", request.method(), link.peer(), e.header());
            if (incoming != null) incoming.reply(Refusal.MALFORMED.status(), "Bad " + e.header());
        } catch (RuntimeException e) {
            log.error("{} from {} failed", request.method(), link.peer(), e);
            if (incoming != null) incoming.reply(Refusal.SERVER_ERROR.status(), Refusal.SERVER_ERROR.phrase());
        }
    }

    /**
     * RFC 3261 §18.2.1 and RFC 3581 §4: the top Via learns the address the request really came from ({@code
     * received}) and, when the client asked, the port ({@code rport}), so answers and relayed answers find it.
     */
    private static void stampVia(SipRequest request, Link link) {
        Via via = request.topVia();
        Peer source = link.peer();
        String sentBy = via.host().startsWith("[") ? via.host().substring(1, via.host().length() - 1) : via.host();
        boolean rport = via.hasRport() && via.rport() < 0;
        boolean received = !sentBy.equals(source.host());
        if (!rport && !received) return;
        Via stamped = via.with("received", source.host());
        if (rport) stamped = stamped.with("rport", String.valueOf(source.port()));
        request.removeFirst("Via");
        request.addFirst("Via", stamped.toString());
    }

    private void onResponse(SipResponse response, Link link) {
        try {
            Via top = response.topVia();
            // RFC 3261 §18.1.2: a response whose top Via is not ours was never meant for this server
            if (top == null || !own.isMe(top)) {
                log.debug("response {} from {} not for this server: dropped", response.status(), link.peer());
                return;
            }
            if (!layer.received(response)) strays.accept(response);
        } catch (RuntimeException e) {
            log.error("response {} from {} failed", response.status(), link.peer(), e);
        }
    }

    @Override
    public void close() {
        network.close();
        lanes.close();
        layer.abandonAll();
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
