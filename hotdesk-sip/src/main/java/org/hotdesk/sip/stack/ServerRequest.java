package org.hotdesk.sip.stack;

import java.util.function.Consumer;
import org.hotdesk.sip.message.SipRequest;
import org.hotdesk.sip.message.SipResponse;
import org.hotdesk.sip.network.Link;
import org.hotdesk.sip.network.Peer;

/**
 * A received request and the ways to answer it: through a server transaction, which absorbs the request's
 * retransmissions (created on first need), or statelessly (RFC 3261 §8.2.7: Kamailio's {@code sl_send_reply}), for
 * an answer that costs nothing to give again.
 */
public final class ServerRequest {
    private final SipRequest request;
    private final Link link;
    private final ReplyPath path;
    private final TransactionLayer layer;
    private ServerTransaction transaction;
    private boolean noTransaction;
    private final long receivedNanos;
    private final AnswerObserver observer;
    private final TrustedEdges edges;
    private Peer origin;

    ServerRequest(SipRequest request, Link link, ReplyPath path, TransactionLayer layer, long receivedNanos,
                  AnswerObserver observer, TrustedEdges edges) {
        this.edges = edges;
        this.request = request;
        this.link = link;
        this.path = path;
        this.layer = layer;
        this.receivedNanos = receivedNanos;
        this.observer = observer;
    }

    /** When the request was read off the network, on the {@link System#nanoTime()} scale. */
    public long receivedNanos() {
        return receivedNanos;
    }

    public SipRequest request() {
        return request;
    }

    public String method() {
        return request.method();
    }

    /**
     * Where the packet really came from, not what its Via claims: the next hop back (a phone, or the edge proxy in
     * front of a cluster). Answers and the route to a registered phone go here.
     */
    public Peer source() {
        return link.peer();
    }

    /**
     * Who sent the request: the phone's own address even behind a trusted edge proxy ({@link TrustedEdges}), else
     * {@link #source()}. What the per-address limiter counts, the trusted-network rule checks and desks are known by.
     */
    public synchronized Peer origin() {
        if (origin == null) origin = edges.origin(request, link.peer());
        return origin;
    }

    /** {@code udp}, {@code tcp} or {@code tls}: what it came over. */
    public String transport() {
        return link.transport();
    }

    /**
     * This request's server transaction, created on the first call. Null for an ACK, and null when another copy of
     * the request already has one (a retransmission that overtook this copy: that one answers).
     */
    public synchronized ServerTransaction transaction() {
        if (transaction != null || noTransaction) return transaction;
        if (request.method().equals("ACK")) return null;
        transaction = layer.begin(request, path, receivedNanos, observer);
        noTransaction = transaction == null;
        return transaction;
    }

    /** A response to this request with the headers RFC 3261 §8.2.6 copies; {@code reason} null = the standard phrase. */
    public SipResponse response(int status, String reason) {
        return LocalResponse.to(request, status, reason);
    }

    /** Answers through the transaction. A request already answered, or an ACK, is left alone. */
    public void reply(int status, String reason, Consumer<SipResponse> decorate) {
        if (request.method().equals("ACK")) return;
        SipResponse response = response(status, reason);
        decorate.accept(response);
        send(response);
    }

    public void reply(int status, String reason) {
        reply(status, reason, r -> { });
    }

    /** Sends a prepared answer through the transaction; false when it could not be (already answered). */
    public boolean send(SipResponse response) {
        ServerTransaction st = transaction();
        if (st == null) return false;
        try {
            st.respond(response);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** Answers without a transaction; a request that already has one is answered through it. */
    public void replyStatelessly(int status, String reason, Consumer<SipResponse> decorate) {
        if (request.method().equals("ACK")) return;
        SipResponse response = response(status, reason);
        decorate.accept(response);
        synchronized (this) {
            if (transaction != null) {
                send(response);
                return;
            }
        }
        byte[] frame = response.toBytes();
        // answered without a transaction: the transaction is not there to tell the observer. Counted before it
        // leaves, so whoever got the answer and then reads the metrics finds it counted
        observer.answered(request.method(), status, System.nanoTime() - receivedNanos);
        path.send(frame);
    }
}
