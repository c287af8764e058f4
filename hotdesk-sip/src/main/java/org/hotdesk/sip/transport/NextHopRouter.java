package org.hotdesk.sip.transport;

import gov.nist.javax.sip.stack.DefaultRouter;
import gov.nist.javax.sip.stack.HopImpl;
import java.util.ListIterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.sip.SipException;
import javax.sip.SipStack;
import javax.sip.address.Hop;
import javax.sip.address.Router;
import javax.sip.address.SipURI;
import javax.sip.header.RouteHeader;
import javax.sip.message.Request;

/**
 * Decides where the stack sends a request. A request without a Route header to a registered contact goes
 * to the address the REGISTER came from, not to the contact: a phone behind NAT writes a private address
 * into its Contact that nobody else can reach. Everything else is routed by RFC 3261 (the stack's default).
 *
 * <p>The stack creates its router by class name, so the registrar's lookup is attached per stack afterwards.
 */
public final class NextHopRouter implements Router {
    private static final Map<SipStack, Function<SipURI, Optional<NetworkAddress>>> LOOKUPS = new ConcurrentHashMap<>();

    private final SipStack stack;
    private final DefaultRouter rfc3261;

    public NextHopRouter(SipStack stack, String outboundProxy) {
        this.stack = stack;
        this.rfc3261 = new DefaultRouter(stack, outboundProxy);
    }

    static void attach(SipStack stack, Function<SipURI, Optional<NetworkAddress>> registeredSource) {
        LOOKUPS.put(stack, registeredSource);
    }

    static void detach(SipStack stack) {
        LOOKUPS.remove(stack);
    }

    @Override
    public Hop getNextHop(Request request) throws SipException {
        if (request.getHeader(RouteHeader.NAME) == null && request.getRequestURI() instanceof SipURI uri) {
            Function<SipURI, Optional<NetworkAddress>> lookup = LOOKUPS.get(stack);
            if (lookup != null) {
                Optional<NetworkAddress> source = lookup.apply(uri);
                if (source.isPresent()) {
                    NetworkAddress a = source.get();
                    return new HopImpl(a.host(), a.port(), a.transport());
                }
            }
        }
        return rfc3261.getNextHop(request);
    }

    @Override
    public Hop getOutboundProxy() {
        return rfc3261.getOutboundProxy();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ListIterator getNextHops(Request request) {
        return rfc3261.getNextHops(request);
    }
}
