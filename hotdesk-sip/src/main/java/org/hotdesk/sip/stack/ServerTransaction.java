package org.hotdesk.sip.stack;

import java.util.concurrent.ScheduledExecutorService;
import org.hotdesk.sip.message.SipRequest;
import org.hotdesk.sip.message.SipResponse;

/**
 * One received request and its answers (RFC 3261 §17.2): retransmissions of the request are answered with the
 * last response sent and never reach a handler again; over UDP a final non-2xx answer to an INVITE is repeated
 * until the ACK comes (Timer G); an INVITE answered 2xx stays to absorb its retransmissions and to carry
 * retransmitted 2xx answers (the Accepted state of RFC 6026). When this server is the INVITE's UAS it may ask the
 * transaction to repeat its own 2xx until the dialog's ACK comes (RFC 3261 §13.3.1.4).
 */
public final class ServerTransaction {
    enum State { PROCEEDING, ACCEPTED, COMPLETED, CONFIRMED, TERMINATED }

    private final TransactionKey key;
    /**
     * Only the method is kept, not the request: a transaction outlives its answer by 64×T1 (32 s) to absorb
     * retransmissions, and at 200 logins/s the requests held that long were most of what each young collection
     * copied (heap histogram during the morning storm, 2026-12-06: 14,800 requests alive, 38 MB of byte[]).
     */
    private final String method;
    private final ReplyPath path;
    private final SipTimers timers;
    private final Runnable onTerminated;
    private final boolean invite;
    private State state = State.PROCEEDING;
    private byte[] lastResponse;
    private int lastStatus;
    private final TransactionTimers timer;
    private long interval;
    /** While a 2xx of this server's own waits for its ACK: what to do when none comes; null otherwise. */
    private Runnable onNoAck;
    /** When the request was read, on the {@link System#nanoTime()} scale, and who hears of the first answer. */
    private final long receivedNanos;
    private final AnswerObserver observer;

    ServerTransaction(TransactionKey key, SipRequest request, ReplyPath path, SipTimers timers,
                      ScheduledExecutorService scheduler, Runnable onTerminated, long receivedNanos,
                      AnswerObserver observer) {
        this.key = key;
        this.receivedNanos = receivedNanos;
        this.observer = observer;
        this.method = request.method();
        this.path = path;
        this.timers = timers;
        this.timer = new TransactionTimers(scheduler);
        this.onTerminated = onTerminated;
        this.invite = method.equals("INVITE");
    }

    TransactionKey key() {
        return key;
    }

    /** The status of the last answer sent, 0 before any. */
    public synchronized int lastStatus() {
        return lastStatus;
    }

    /** Has a final answer gone out? */
    public synchronized boolean answered() {
        return lastStatus >= 200;
    }

    /**
     * Sends an answer. After the final one only a 2xx to an INVITE may follow (a retransmission the proxy
     * relays, RFC 6026 §8.7); anything else is refused with IllegalStateException.
     */
    public synchronized void respond(SipResponse response) {
        int status = response.status();
        switch (state) {
            case PROCEEDING -> { }
            case ACCEPTED -> {
                if (status / 100 != 2) throw new IllegalStateException("INVITE already answered " + lastStatus);
            }
            default -> throw new IllegalStateException(method + " already answered " + lastStatus);
        }
        byte[] frame = response.toBytes();
        boolean first = lastStatus == 0;
        lastResponse = frame;
        lastStatus = status;
        // counted before it leaves: whoever got the answer and then reads the metrics finds it counted
        if (first) observer.answered(method, status, System.nanoTime() - receivedNanos);
        path.send(frame);
        if (status < 200 || state == State.ACCEPTED) return;
        long timeout = timers.transactionTimeoutMillis();
        if (invite && status < 300) {
            // RFC 6026 §7.1: Accepted, Timer L; the 2xx itself is the sender's to repeat (§13.3.1.4)
            state = State.ACCEPTED;
            timer.end(this::terminate, timeout);
        } else if (invite) {
            state = State.COMPLETED;
            if (!path.reliable()) {
                interval = timers.t1Millis();
                timer.repeat(this::repeatFinal, interval);
            }
            timer.end(this::terminate, timeout); // Timer H: no ACK came
        } else {
            state = State.COMPLETED;
            // Timer J: absorbs retransmissions over UDP; a reliable transport has none
            if (path.reliable()) {
                terminate();
            } else {
                timer.end(this::terminate, timeout);
            }
        }
    }

    /**
     * Answers this INVITE 2xx as its user agent server (RFC 3261 §13.3.1.4): over UDP the answer is repeated
     * after T1, doubling up to T2, until {@link #acknowledged()}; when no ACK comes within 64×T1, {@code onNoAck}
     * runs (the UAS then ends the dialog with a BYE). A reliable transport carries the answer once.
     */
    public synchronized void respondUntilAcknowledged(SipResponse ok, Runnable onNoAck) {
        if (!invite || ok.status() / 100 != 2) throw new IllegalArgumentException("only a 2xx to an INVITE waits for an ACK");
        respond(ok);
        if (path.reliable()) return;
        this.onNoAck = onNoAck;
        interval = timers.t1Millis();
        timer.repeat(this::repeatOwn2xx, interval);
    }

    /** The ACK for this server's own 2xx came (it is a transaction of its own, so the dialog's owner says so). */
    public synchronized void acknowledged() {
        onNoAck = null;
        timer.stopRepeating();
    }

    private synchronized void repeatOwn2xx() {
        if (state != State.ACCEPTED || onNoAck == null) return;
        path.send(lastResponse);
        interval = Math.min(interval * 2, timers.t2Millis());
        timer.repeat(this::repeatOwn2xx, interval);
    }

    /** A copy of the request came again: it gets the last answer again (none while a handler still decides). */
    synchronized void retransmitted(SipRequest copy) {
        if (copy.method().equals("ACK")) {
            if (state == State.COMPLETED) {
                // §17.2.1: the ACK ends the repeats; Timer I absorbs further ACKs for T4
                state = State.CONFIRMED;
                timer.stopAll();
                timer.end(this::terminate, path.reliable() ? 0 : timers.t4Millis());
            }
            return;
        }
        if (state == State.ACCEPTED) return; // RFC 6026 §8.5: an INVITE repeated after 2xx is absorbed
        if (lastResponse != null && state != State.CONFIRMED && state != State.TERMINATED) path.send(lastResponse);
    }

    /** Is this the INVITE a CANCEL or an ACK is for, still without a final answer? */
    synchronized boolean proceeding() {
        return state == State.PROCEEDING;
    }

    synchronized boolean absorbsAck() {
        return invite && (state == State.COMPLETED || state == State.CONFIRMED);
    }

    private synchronized void repeatFinal() {
        if (state != State.COMPLETED) return;
        path.send(lastResponse);
        interval = Math.min(interval * 2, timers.t2Millis());
        timer.repeat(this::repeatFinal, interval);
    }

    private void terminate() {
        Runnable unacknowledged;
        synchronized (this) {
            if (state == State.TERMINATED) return;
            state = State.TERMINATED;
            timer.stopAll();
            unacknowledged = onNoAck;
            onNoAck = null;
        }
        onTerminated.run();
        // Timer L ran out with the 2xx still unacknowledged; run outside the lock, the UAS sends a BYE
        if (unacknowledged != null) unacknowledged.run();
    }

    /** The stack is stopping. */
    synchronized void abandon() {
        timer.stopAll();
        state = State.TERMINATED;
    }
}
