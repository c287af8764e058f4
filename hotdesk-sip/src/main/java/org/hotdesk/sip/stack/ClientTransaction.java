package org.hotdesk.sip.stack;

import java.util.concurrent.ScheduledExecutorService;
import org.hotdesk.sip.message.SipRequest;
import org.hotdesk.sip.message.SipResponse;
import org.hotdesk.sip.network.Peer;

/**
 * One request this server sent and its answers (RFC 3261 §17.1): repeated over UDP until answered (Timers A and
 * E), given up after 64×T1 (Timers B and F), a final non-2xx answer to an INVITE ACKed here (§17.1.1.3).
 */
public final class ClientTransaction {
    enum State { CALLING, PROCEEDING, ACCEPTED, COMPLETED, TERMINATED }

    private final TransactionKey key;
    private final SipRequest request;
    private final Peer peer;
    private final SipTimers timers;
    private final Sender sender;
    private final ResponseListener listener;
    private final Runnable onTerminated;
    private final boolean invite;
    private byte[] frame;
    private byte[] ack;
    private State state = State.CALLING;
    private final TransactionTimers timer;
    private long interval;
    private volatile Object applicationData;

    /** Puts bytes on the wire towards a peer; reports a failure to send through the callback. */
    interface Sender {
        void send(Peer peer, byte[] frame, Runnable onFailure);
    }

    ClientTransaction(TransactionKey key, SipRequest request, Peer peer, SipTimers timers,
                      ScheduledExecutorService scheduler, Sender sender, ResponseListener listener,
                      Runnable onTerminated) {
        this.key = key;
        this.request = request;
        this.peer = peer;
        this.timers = timers;
        this.timer = new TransactionTimers(scheduler);
        this.sender = sender;
        this.listener = listener;
        this.onTerminated = onTerminated;
        this.invite = request.method().equals("INVITE");
    }

    public SipRequest request() {
        return request;
    }

    /** Where the request went. */
    public Peer peer() {
        return peer;
    }

    TransactionKey key() {
        return key;
    }

    /** Whatever the sender wants to find again when an answer comes. */
    public Object applicationData() {
        return applicationData;
    }

    public void setApplicationData(Object data) {
        this.applicationData = data;
    }

    synchronized void start() {
        frame = request.toBytes();
        sender.send(peer, frame, this::transportFailed);
        if (!reliable()) {
            interval = timers.t1Millis();
            timer.repeat(this::repeat, interval);
        }
        timer.end(this::timedOut, timers.transactionTimeoutMillis());
    }

    private boolean reliable() {
        return !peer.transport().equals("udp");
    }

    void received(SipResponse response) {
        boolean deliver;
        synchronized (this) {
            deliver = advance(response);
        }
        if (deliver) listener.onResponse(this, response);
    }

    /** Moves the state on; true when the listener is to hear of this answer. */
    private boolean advance(SipResponse response) {
        int status = response.status();
        switch (state) {
            case CALLING, PROCEEDING -> {
                if (status < 200) {
                    state = State.PROCEEDING;
                    if (invite) {
                        // §17.1.1.2: a provisional answer ends the INVITE's repeats and Timer B; the proxy's own
                        // ring timer decides how long it may ring
                        timer.stopAll();
                    }
                    return true;
                }
                timer.stopAll();
                long timeout = timers.transactionTimeoutMillis();
                if (invite && status < 300) {
                    state = State.ACCEPTED;
                    timer.end(this::terminate, timeout); // Timer M (RFC 6026 §7.2)
                } else if (invite) {
                    state = State.COMPLETED;
                    ack = Requests.ackFor(request, response).toBytes();
                    sender.send(peer, ack, () -> { });
                    timer.end(this::terminate, reliable() ? 0 : timeout); // Timer D
                } else {
                    state = State.COMPLETED;
                    timer.end(this::terminate, reliable() ? 0 : timers.t4Millis()); // Timer K
                }
                return true;
            }
            case ACCEPTED -> {
                return status / 100 == 2;
            }
            case COMPLETED -> {
                if (ack != null) sender.send(peer, ack, () -> { });
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * Cancels this INVITE (RFC 3261 §9.1): the CANCEL is its own transaction, sent to where the INVITE went. Only
     * once a provisional answer has come; before that the caller waits for one.
     */
    public SipRequest cancelRequest() {
        return Requests.cancelFor(request);
    }

    private synchronized void repeat() {
        if (state != State.CALLING && (invite || state != State.PROCEEDING)) return;
        sender.send(peer, frame, () -> { });
        // §17.1.2.2: a non-INVITE that got a provisional answer repeats every T2
        interval = invite ? interval * 2 : state == State.PROCEEDING ? timers.t2Millis() : Math.min(interval * 2, timers.t2Millis());
        timer.repeat(this::repeat, interval);
    }

    private void timedOut() {
        synchronized (this) {
            if (state != State.CALLING && state != State.PROCEEDING) return;
            terminate();
        }
        listener.onTimeout(this);
    }

    private void transportFailed() {
        synchronized (this) {
            if (state == State.TERMINATED) return;
            terminate();
        }
        listener.onTimeout(this);
    }

    private synchronized void terminate() {
        if (state == State.TERMINATED) return;
        state = State.TERMINATED;
        timer.stopAll();
        onTerminated.run();
    }

    synchronized void abandon() {
        timer.stopAll();
        state = State.TERMINATED;
    }
}
