package org.hotdesk.sip.stack;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.hotdesk.sip.message.NameAddr;
import org.hotdesk.sip.message.SipRequest;
import org.hotdesk.sip.message.SipUri;
import org.hotdesk.sip.network.Peer;

/**
 * Where a request goes next (RFC 3261 §8.1.2, §16.6 step 7; RFC 3263 without SRV/NAPTR look-ups): the top Route,
 * else the Request-URI. A Request-URI naming a registered contact goes to the address that contact's REGISTER
 * came from: a phone behind NAT writes a private address into its Contact that nobody else can reach.
 */
final class NextHop {
    private final Function<SipUri, Optional<Peer>> registeredSource;

    NextHop(Function<SipUri, Optional<Peer>> registeredSource) {
        this.registeredSource = registeredSource;
    }

    /** @throws UnknownHostException when the next hop's host has no address */
    Peer of(SipRequest request) throws UnknownHostException {
        List<NameAddr> routes = request.routes();
        SipUri target;
        if (!routes.isEmpty()) {
            target = routes.get(0).uri();
        } else {
            target = request.requestUri();
            Optional<Peer> registered = registeredSource.apply(target);
            if (registered.isPresent()) return registered.get();
        }
        return of(target);
    }

    static Peer of(SipUri target) throws UnknownHostException {
        if (!target.isSip()) throw new UnknownHostException("no route to a " + target.scheme() + ": URI");
        boolean secure = target.scheme().equalsIgnoreCase("sips");
        String transport = target.transportParam() != null ? target.transportParam().toLowerCase(Locale.ROOT)
                : secure ? "tls" : "udp";
        int port = target.port() > 0 ? target.port() : transport.equals("tls") ? 5061 : 5060;
        String host = target.host();
        if (host.startsWith("[")) host = host.substring(1, host.length() - 1);
        return new Peer(InetAddress.getByName(host).getHostAddress(), port, transport);
    }
}
