package org.hotdesk.sip.stack;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import org.hotdesk.sip.message.SipRequest;
import org.hotdesk.sip.message.SipResponse;
import org.hotdesk.sip.network.Peer;

/** Every transaction in flight, found by its key (RFC 3261 §17.1.3, §17.2.3). */
final class TransactionLayer {
    private final Map<TransactionKey, ServerTransaction> servers = new ConcurrentHashMap<>();
    private final Map<TransactionKey, ClientTransaction> clients = new ConcurrentHashMap<>();
    private final SipTimers timers;
    private final ScheduledExecutorService scheduler;
    private final ClientTransaction.Sender sender;

    TransactionLayer(SipTimers timers, ScheduledExecutorService scheduler, ClientTransaction.Sender sender) {
        this.timers = timers;
        this.scheduler = scheduler;
        this.sender = sender;
    }

    /** A new server transaction, or null when one with the same key exists already. */
    ServerTransaction begin(SipRequest request, ReplyPath path, long receivedNanos, AnswerObserver observer) {
        TransactionKey key = TransactionKey.server(request);
        ServerTransaction[] created = new ServerTransaction[1];
        servers.computeIfAbsent(key, k -> created[0] = new ServerTransaction(k, request, path, timers, scheduler,
                () -> servers.remove(k), receivedNanos, observer));
        return created[0];
    }

    /** The transaction a received request belongs to when it is a retransmission (or an ACK to a failed INVITE). */
    ServerTransaction existing(SipRequest request) {
        return servers.get(TransactionKey.server(request));
    }

    /** The INVITE transaction a CANCEL names (RFC 3261 §9.2): same branch, method INVITE. */
    ServerTransaction inviteOf(SipRequest cancel) {
        return servers.get(TransactionKey.server(cancel, "INVITE"));
    }

    ClientTransaction send(SipRequest request, Peer peer, ResponseListener listener) {
        TransactionKey key = TransactionKey.client(request.topVia().branch(), request.method());
        ClientTransaction tx = new ClientTransaction(key, request, peer, timers, scheduler, sender, listener,
                () -> clients.remove(key));
        if (clients.putIfAbsent(key, tx) != null) {
            throw new IllegalStateException("a transaction with branch " + request.topVia().branch() + " is in flight");
        }
        tx.start();
        return tx;
    }

    /** Hands an answer to the transaction it belongs to; false when it belongs to none (a stray). */
    boolean received(SipResponse response) {
        if (response.topVia() == null || response.topVia().branch() == null) return false;
        ClientTransaction tx = clients.get(TransactionKey.client(response.topVia().branch(), response.cseq().method()));
        if (tx == null) return false;
        tx.received(response);
        return true;
    }

    int inFlight() {
        return servers.size() + clients.size();
    }

    void abandonAll() {
        servers.values().forEach(ServerTransaction::abandon);
        clients.values().forEach(ClientTransaction::abandon);
        servers.clear();
        clients.clear();
    }
}
