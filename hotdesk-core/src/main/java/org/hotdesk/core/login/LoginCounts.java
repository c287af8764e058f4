package org.hotdesk.core.login;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.hotdesk.core.session.LoginMethod;

/**
 * Logins decided since the start, by method and result, and the lockouts they caused: plain counters (a
 * {@link LongAdder} each, cheap on the login path) that the server publishes as metrics.
 */
public final class LoginCounts {
    private final Map<LoginMethod, LongAdder> accepted = new EnumMap<>(LoginMethod.class);
    private final Map<LoginMethod, Map<LoginRefusal, LongAdder>> refused = new EnumMap<>(LoginMethod.class);
    private final LongAdder lockouts = new LongAdder();

    public LoginCounts() {
        // every cell exists from the start and the maps are never written again: reads need no lock
        for (LoginMethod method : LoginMethod.values()) {
            accepted.put(method, new LongAdder());
            Map<LoginRefusal, LongAdder> byReason = new EnumMap<>(LoginRefusal.class);
            for (LoginRefusal refusal : LoginRefusal.values()) byReason.put(refusal, new LongAdder());
            refused.put(method, byReason);
        }
    }

    /** A login decided: {@code refusal} is null when it was accepted. */
    void count(LoginMethod method, LoginRefusal refusal) {
        (refusal == null ? accepted.get(method) : refused.get(method).get(refusal)).increment();
    }

    void lockout() {
        lockouts.increment();
    }

    public long accepted(LoginMethod method) {
        return accepted.get(method).sum();
    }

    public long refused(LoginMethod method, LoginRefusal refusal) {
        return refused.get(method).get(refusal).sum();
    }

    /** Devices and users locked after too many failures. */
    public long lockouts() {
        return lockouts.sum();
    }
}
