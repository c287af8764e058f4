package org.hotdesk.sip.subscribe;

import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.hotdesk.sip.message.NameAddr;
import org.hotdesk.sip.message.SipUri;
import org.hotdesk.sip.network.Peer;
import org.hotdesk.sip.registrar.SipAccount;

/**
 * One accepted subscription: its dialog (RFC 3261 §12.1.1 as the UAS: route set from Record-Route, the subscriber's
 * Contact as remote target, this server's own CSeq space), who subscribed, and how long it lasts. The mutable part
 * (CSeq, expiry, the NOTIFY in flight) is guarded by this object.
 */
public final class Subscription {
    private final DialogId id;
    private final EventPackage eventPackage;
    private final EventType event;
    private final SipAccount subscriber;
    private final String resource;
    private final NameAddr local;
    private final NameAddr remote;
    private final List<String> routeSet;
    private final Peer flow;

    private SipUri remoteTarget;
    private long localCseq;
    private long remoteCseq;
    private long expiresAtNanos;
    private ScheduledFuture<?> expiry;
    /** a terminating NOTIFY has been queued: nothing more is sent */
    private boolean ended;
    private boolean inFlight;
    private Notice pending;

    Subscription(DialogId id, EventPackage eventPackage, EventType event, SipAccount subscriber, String resource,
                 NameAddr local, NameAddr remote, SipUri remoteTarget, List<String> routeSet, Peer flow,
                 long remoteCseq) {
        this.id = id;
        this.eventPackage = eventPackage;
        this.event = event;
        this.subscriber = subscriber;
        this.resource = resource;
        this.local = local;
        this.remote = remote;
        this.remoteTarget = remoteTarget;
        this.routeSet = List.copyOf(routeSet);
        this.flow = flow;
        this.remoteCseq = remoteCseq;
    }

    DialogId id() {
        return id;
    }

    public EventPackage eventPackage() {
        return eventPackage;
    }

    EventType event() {
        return event;
    }

    /** The authenticated account that subscribed: a desk, a person's own phone, a phone-key login. */
    public SipAccount subscriber() {
        return subscriber;
    }

    /** The user part of the SUBSCRIBE's Request-URI (what is watched), or null. */
    public String resource() {
        return resource;
    }

    NameAddr local() {
        return local;
    }

    NameAddr remote() {
        return remote;
    }

    List<String> routeSet() {
        return routeSet;
    }

    /** Where the subscriber's SUBSCRIBE came from. */
    Peer flow() {
        return flow;
    }

    synchronized SipUri remoteTarget() {
        return remoteTarget;
    }

    /**
     * An in-dialog SUBSCRIBE (a refresh is a target refresh request, RFC 6665 §4.1.2.1): false when its CSeq is not
     * above the last one (RFC 3261 §12.2.2, out of order); else its number and Contact are taken.
     */
    synchronized boolean refreshedBy(long cseq, SipUri newTarget) {
        if (cseq <= remoteCseq) return false;
        remoteCseq = cseq;
        if (newTarget != null) remoteTarget = newTarget;
        return true;
    }

    synchronized long nextCseq() {
        return ++localCseq;
    }

    /** Runs until {@code seconds} from now; the previous expiry timer is replaced. */
    synchronized void lastsFor(int seconds, ScheduledFuture<?> timer) {
        if (expiry != null) expiry.cancel(false);
        expiry = timer;
        expiresAtNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    }

    /** Seconds left, at least 0, as {@code Subscription-State: active;expires=} writes them. */
    synchronized long secondsLeft() {
        return Math.max(0, TimeUnit.NANOSECONDS.toSeconds(expiresAtNanos - System.nanoTime()));
    }

    /** Whether the time is up (a timer that fired after a refresh finds it is not). */
    synchronized boolean expired() {
        return System.nanoTime() - expiresAtNanos >= 0;
    }

    synchronized boolean ended() {
        return ended;
    }

    /** False once it ended or was abandoned: nothing more is sent in it. */
    public synchronized boolean isActive() {
        return !ended;
    }

    synchronized void stopTimer() {
        if (expiry != null) expiry.cancel(false);
    }

    /**
     * Queues a NOTIFY: true when the caller is to send it now; false when one is in flight (it goes out when that one
     * is answered, replacing any queued state: each NOTIFY carries the full state, so only the newest matters) or the
     * subscription already ended.
     */
    synchronized boolean offer(Notice notice) {
        if (ended) return false;
        if (notice.last()) ended = true;
        if (inFlight) {
            pending = notice;
            return false;
        }
        inFlight = true;
        return true;
    }

    /** The NOTIFY in flight was answered: the next one to send now, or null. */
    synchronized Notice answered() {
        Notice next = pending;
        pending = null;
        inFlight = next != null;
        return next;
    }

    /** The subscriber no longer knows the dialog (481, no answer): nothing more is sent. */
    synchronized void abandon() {
        ended = true;
        pending = null;
        if (expiry != null) expiry.cancel(false);
    }

    @Override
    public String toString() {
        return event.name() + " of " + subscriber.username() + " (" + id.callId() + ")";
    }
}
