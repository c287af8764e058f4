package org.hotdesk.sip.stack;

import java.util.Optional;
import java.util.function.Function;
import org.hotdesk.sip.message.SipUri;
import org.hotdesk.sip.network.NetworkConfig;
import org.hotdesk.sip.network.Peer;

/**
 * @param network          the sockets
 * @param advertisedHost   the address written into Via, Record-Route and Contact
 * @param workers          worker lanes that run handlers (see {@link Lanes}); handlers may wait on the database
 * @param queuePerLane     requests a lane holds before the server counts itself overloaded
 * @param timers           RFC 3261 T1, T2, T4
 * @param registeredSource where a registered contact is really reached (see {@link NextHop})
 * @param trustedEdges     edge proxies whose word on a request's origin is believed ({@link ServerRequest#origin()})
 */
public record StackConfig(NetworkConfig network, String advertisedHost, int workers, int queuePerLane, SipTimers timers,
                          Function<SipUri, Optional<Peer>> registeredSource, TrustedEdges trustedEdges) {
    public StackConfig(NetworkConfig network, String advertisedHost, int workers, int queuePerLane, SipTimers timers,
                       Function<SipUri, Optional<Peer>> registeredSource) {
        this(network, advertisedHost, workers, queuePerLane, timers, registeredSource, TrustedEdges.NONE);
    }

    public StackConfig {
        if (trustedEdges == null) trustedEdges = TrustedEdges.NONE;
        if (workers < 1) throw new IllegalArgumentException("sip workers: at least 1, not " + workers);
        if (queuePerLane < 1) throw new IllegalArgumentException("sip queue per worker: at least 1, not " + queuePerLane);
    }
}
