package org.hotdesk.sip.stack;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotdesk.sip.message.SipRequest;
import org.hotdesk.sip.network.Peer;

/**
 * The SIP edge proxies (Kamailio in front of a cluster, {@code deploy/kamailio/kamailio.cfg}) whose word on where a
 * request really came from is believed. Behind an edge every phone's packets come from the edge's address, so the
 * per-address limiter, the trusted-network rule and desk recognition would see one address for all phones; the edge
 * writes the phone's address into {@link #HEADER} (after removing any copy the phone sent), and a request from a
 * trusted edge is judged by that address. From anyone else the header is ignored: a phone cannot claim another's
 * address. The same idea as HTTP's {@code X-Forwarded-For} behind a trusted reverse proxy.
 *
 * <p>An entry is {@code ip} (any port of that address) or {@code ip:port} ({@code [v6]:port}).
 */
public final class TrustedEdges {
    /** Where a trusted edge writes the phone's address as it saw it: {@code ip:port} or {@code sip:ip:port}. */
    public static final String HEADER = "X-Hotdesk-Source";
    public static final TrustedEdges NONE = new TrustedEdges(Set.of());

    private final Set<String> entries;

    private TrustedEdges(Set<String> entries) {
        this.entries = entries;
    }

    /** @throws IllegalArgumentException naming the entry that is not an IP address, with or without a port */
    public static TrustedEdges of(List<String> entries) {
        return new TrustedEdges(entries.stream().map(TrustedEdges::normalise).collect(Collectors.toUnmodifiableSet()));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Whether a packet from {@code peer} comes from a trusted edge. */
    public boolean trusts(Peer peer) {
        if (entries.isEmpty()) return false;
        return entries.contains(peer.host()) || entries.contains(hostPort(peer.host(), peer.port()));
    }

    /**
     * Where {@code request}, received from {@code peer}, really came from: the address in {@link #HEADER} when the
     * peer is a trusted edge and the header holds one, otherwise the peer itself.
     */
    public Peer origin(SipRequest request, Peer peer) {
        if (!trusts(peer)) return peer;
        String said = request.header(HEADER);
        if (said == null) return peer;
        String text = said.trim();
        // Kamailio's $su: sip:IP:port, possibly with ;transport=
        if (text.regionMatches(true, 0, "sip:", 0, 4)) text = text.substring(4);
        int semi = text.indexOf(';');
        if (semi >= 0) text = text.substring(0, semi);
        try {
            Peer origin = parse(text, peer.transport());
            return origin == null ? peer : origin;
        } catch (IllegalArgumentException e) {
            return peer;
        }
    }

    private static String normalise(String entry) {
        String text = entry == null ? "" : entry.trim();
        try {
            Peer peer = parse(text, "udp");
            if (peer != null) return hostPort(peer.host(), peer.port());
            return new Peer(text, 5060, "udp").host();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("trusted edge '" + text + "' is not an IP address or IP:port");
        }
    }

    /** {@code ip:port} or {@code [v6]:port} as a peer; null when there is no port. */
    private static Peer parse(String text, String transport) {
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) throw new IllegalArgumentException(text);
            if (close == text.length() - 1) return null;
            if (text.charAt(close + 1) != ':') throw new IllegalArgumentException(text);
            return new Peer(text.substring(1, close), Integer.parseInt(text.substring(close + 2)), transport);
        }
        int colon = text.indexOf(':');
        if (colon < 0 || colon != text.lastIndexOf(':')) return null; // no port, or a bare IPv6 address
        return new Peer(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)), transport);
    }

    private static String hostPort(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
