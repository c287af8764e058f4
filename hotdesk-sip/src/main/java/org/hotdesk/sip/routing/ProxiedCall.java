package org.hotdesk.sip.routing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import org.hotdesk.sip.message.SipRequest;
import org.hotdesk.sip.message.SipResponse;
import org.hotdesk.sip.stack.ClientTransaction;
import org.hotdesk.sip.stack.ServerTransaction;

/** A forked INVITE in flight: the caller's server transaction and one client transaction per target. */
final class ProxiedCall {
    enum BranchState { TRYING, RINGING, DONE }

    static final class Branch {
        final Target target;
        BranchState state = BranchState.TRYING;
        boolean cancelWanted;

        Branch(Target target) {
            this.target = target;
        }
    }

    final String key;
    final ServerTransaction server;
    final SipRequest request;
    final CallObserver observer;
    final Proxy.Fallbacks fallbacks;
    final Map<ClientTransaction, Branch> branches = new LinkedHashMap<>();
    SipResponse best;
    boolean finalSent;
    ScheduledFuture<?> ringTimer;

    ProxiedCall(String key, ServerTransaction server, SipRequest request, CallObserver observer,
                Proxy.Fallbacks fallbacks) {
        this.fallbacks = fallbacks;
        this.key = key;
        this.server = server;
        this.request = request;
        this.observer = observer;
    }

    boolean allDone() {
        return branches.values().stream().allMatch(b -> b.state == BranchState.DONE);
    }

    /** RFC 3261 §16.7: a 6xx wins; otherwise the lowest class, 3xx before 4xx before 5xx. */
    void consider(SipResponse response) {
        int status = response.status();
        if (best == null) {
            best = response;
            return;
        }
        int current = best.status();
        if (current >= 600) return;
        if (status >= 600 || status / 100 < current / 100) best = response;
    }
}
