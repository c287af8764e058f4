package org.hotdesk.sip.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.hotdesk.sip.message.NameAddr;
import org.hotdesk.sip.message.SipUri;
import org.hotdesk.sip.message.Via;

/**
 * How this server names itself in what it writes (Via, Record-Route, Contact) and recognises itself in what it
 * reads (a Route to remove, a Via on a response).
 *
 * @param host    the address phones reach this server at (advertised)
 * @param port    the UDP/TCP port
 * @param tlsPort the TLS port, 0 when TLS is off
 */
public record OwnAddress(String host, int port, int tlsPort) {
    private static final Map<String, Boolean> LOCAL = new ConcurrentHashMap<>();

    /** A Via for a request this server sends or forwards, with a fresh RFC 3261 branch (§8.1.1.7). */
    public Via via(String transport) {
        return Via.parse("SIP/2.0/" + transport.toUpperCase(Locale.ROOT) + " " + host + ":" + portFor(transport)
                + ";branch=" + TransactionKey.MAGIC_COOKIE + token());
    }

    /** The port phones on this transport reach the server at. */
    public int portFor(String transport) {
        return transport.equalsIgnoreCase("tls") && tlsPort > 0 ? tlsPort : port;
    }

    /** This server as a SIP URI; {@code looseRoute} adds {@code ;lr} (RFC 3261 §16.6 step 4). */
    public SipUri uri(String user, boolean looseRoute) {
        SipUri uri = SipUri.sip(user, host, port);
        return looseRoute ? uri.withParam("lr", null) : uri;
    }

    /** A Record-Route entry phones on this transport reach the server at: the TLS port for TLS, else the SIP port. */
    public NameAddr recordRoute(String transport) {
        if (!transport.equalsIgnoreCase("tls") || tlsPort == 0) return NameAddr.of(uri(null, true));
        return NameAddr.of(SipUri.sip(null, host, tlsPort).withParam("transport", "tls").withParam("lr", null));
    }

    public NameAddr contact() {
        return NameAddr.of(uri("hotdesk", false));
    }

    /** Does this URI name this server (so a Route with it is ours to remove)? */
    public boolean isMe(SipUri uri) {
        if (uri == null || !uri.isSip()) return false;
        boolean tls = "tls".equalsIgnoreCase(uri.transportParam()) || uri.scheme().equalsIgnoreCase("sips");
        int p = uri.port() > 0 ? uri.port() : tls ? 5061 : 5060;
        return (p == port || (tlsPort > 0 && p == tlsPort)) && isMyHost(uri.host());
    }

    /** Is this Via one this server wrote (RFC 3261 §18.1.2: a response whose top Via is not ours is discarded)? */
    public boolean isMe(Via via) {
        int p = via.port() > 0 ? via.port() : via.transport().equalsIgnoreCase("tls") ? 5061 : 5060;
        return (p == port || (tlsPort > 0 && p == tlsPort)) && isMyHost(via.host());
    }

    private boolean isMyHost(String other) {
        if (other.equalsIgnoreCase(host)) return true;
        return LOCAL.computeIfAbsent(other.toLowerCase(Locale.ROOT), OwnAddress::isLocalAddress);
    }

    private static boolean isLocalAddress(String host) {
        try {
            String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            // only literal addresses: a name is never looked up to decide whether a message is ours
            boolean literal = h.indexOf(':') >= 0 || (!h.isEmpty() && h.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9')));
            if (!literal) return false;
            InetAddress a = InetAddress.getByName(h);
            return a.isLoopbackAddress() || a.isAnyLocalAddress() || NetworkInterface.getByInetAddress(a) != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** 80 random bits in hex: branches, tags, Call-IDs. */
    public static String token() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return Long.toHexString(r.nextLong() | Long.MIN_VALUE) + Integer.toHexString(r.nextInt(1 << 16) | 1 << 16);
    }
}
