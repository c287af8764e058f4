package org.hotdesk.sip.network;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;

/**
 * Where a message came from or goes to. transport: "udp", "tcp" or "tls" (lower-case). host: numeric IP as text.
 *
 * <p>The host is normalised ("::1" and "0:0:0:0:0:0:0:1" are one peer) because peers key the connection table:
 * a response must find the connection its request came in on (RFC 3261 §18.2.2). Names are refused rather than
 * resolved, since resolving would block a Netty I/O thread; resolving (RFC 3263) is the stack's job.
 */
public record Peer(String host, int port, String transport) {
    public Peer {
        if (host == null || host.isEmpty()) throw new IllegalArgumentException("no host");
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress ip = NetUtil.createInetAddressFromIpAddressString(literal);
        if (ip == null) throw new IllegalArgumentException("not a numeric IP address: " + host);
        host = ip.getHostAddress();
        if (port < 1 || port > 65_535) throw new IllegalArgumentException("port out of range: " + port);
        transport = transport == null ? "" : transport.toLowerCase(Locale.ROOT);
        if (!transport.equals("udp") && !transport.equals("tcp") && !transport.equals("tls")) {
            throw new IllegalArgumentException("transport must be udp, tcp or tls: " + transport);
        }
    }

    /** The peer of a socket address that Netty reports (already numeric). */
    static Peer of(InetSocketAddress address, String transport) {
        return new Peer(address.getAddress().getHostAddress(), address.getPort(), transport);
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(NetUtil.createInetAddressFromIpAddressString(host), port);
    }

    public boolean reliable() {
        return !transport.equals("udp");
    }

    @Override
    public String toString() {
        return transport + ":" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
