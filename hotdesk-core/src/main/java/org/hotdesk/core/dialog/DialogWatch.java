package org.hotdesk.core.dialog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The calls each person is in right now, wherever they sit: what busy-lamp-field keys show (RFC 4235 dialog
 * event package) and what call pickup picks up. Kept in memory: a call lives only as long as this server does.
 */
public final class DialogWatch {
    /** RFC 4235 §4.1.1: the initiator sent the INVITE, the recipient got it. */
    public enum Direction { INITIATOR, RECIPIENT }

    /** The states a lamp shows (RFC 4235 §3.7.1): ringing, talking, over. */
    public enum State { EARLY, CONFIRMED, TERMINATED }

    /**
     * @param remote who is at the other end: an extension, or the caller's number from outside
     */
    public record Dialog(String callId, long userId, Direction direction, State state, String remote, long startedAt) {
        Dialog with(State next) {
            return new Dialog(callId, userId, direction, next, remote, startedAt);
        }
    }

    /** Told of every change, after it is made. */
    public interface Listener {
        void changed(Dialog dialog);
    }

    private final Map<Long, Map<String, Dialog>> byUser = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private long sequence;

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** {@code userId}'s phones ring for this call (recipient), or they placed it and it is not answered yet. */
    public void ringing(long userId, String callId, Direction direction, String remote) {
        Dialog d;
        synchronized (this) {
            d = new Dialog(callId, userId, direction, State.EARLY, remote, ++sequence);
            byUser.computeIfAbsent(userId, k -> new ConcurrentHashMap<>()).put(callId, d);
        }
        tell(d);
    }

    /** The call is answered: everyone in it who was ringing now talks. */
    public void answered(String callId) {
        for (Map<String, Dialog> calls : byUser.values()) {
            Dialog d = calls.computeIfPresent(callId, (k, v) -> v.state() == State.EARLY ? v.with(State.CONFIRMED) : v);
            if (d != null && d.state() == State.CONFIRMED) tell(d);
        }
    }

    /** The call is over for everyone in it. */
    public void ended(String callId) {
        for (Map.Entry<Long, Map<String, Dialog>> e : byUser.entrySet()) end(e.getKey(), callId);
    }

    /** The call is over for {@code userId} (it was forwarded away, or picked up by someone else). */
    public void ended(long userId, String callId) {
        end(userId, callId);
    }

    private void end(long userId, String callId) {
        Map<String, Dialog> calls = byUser.get(userId);
        if (calls == null) return;
        Dialog d = calls.remove(callId);
        if (calls.isEmpty()) byUser.remove(userId, calls);
        if (d != null) tell(d.with(State.TERMINATED));
    }

    /** The person's calls now, oldest first. */
    public List<Dialog> of(long userId) {
        Map<String, Dialog> calls = byUser.get(userId);
        if (calls == null) return List.of();
        List<Dialog> list = new ArrayList<>(calls.values());
        list.sort(Comparator.comparingLong(Dialog::startedAt));
        return list;
    }

    /** The call ringing at {@code userId}'s phones the longest: what pickup takes. */
    public Optional<Dialog> ringingAt(long userId) {
        return of(userId).stream()
                .filter(d -> d.direction() == Direction.RECIPIENT && d.state() == State.EARLY).findFirst();
    }

    private void tell(Dialog d) {
        for (Listener l : listeners) {
            try {
                l.changed(d);
            } catch (RuntimeException e) {
                // a listener's failure (a NOTIFY that cannot be sent) must not stop the call
            }
        }
    }
}
