package org.hotdesk.sip.network;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open TCP/TLS connections by remote address and transport, inbound (accepted) and outbound (connected)
 * alike, so a message to a peer goes over the connection it already has (RFC 3261 §18.2.2, RFC 5626 §5.3).
 * An entry leaves the table when its connection closes.
 */
final class Connections {
    private static final Logger log = LoggerFactory.getLogger(Connections.class);
    private static final AttributeKey<StreamLink> LINK = AttributeKey.valueOf(StreamLink.class, "link");

    private final Map<Peer, StreamLink> open = new ConcurrentHashMap<>();

    /**
     * The link of a connected channel, entered in the table on first call. Called both when the channel becomes
     * active and when an outbound connect succeeds, whichever comes first (Netty completes the connect promise
     * before it fires channelActive).
     */
    StreamLink add(Channel channel, String transport) {
        StreamLink known = channel.attr(LINK).get();
        if (known != null) return known;
        InetSocketAddress remote = (InetSocketAddress) channel.remoteAddress();
        InetSocketAddress local = (InetSocketAddress) channel.localAddress();
        StreamLink link = new StreamLink(channel, Peer.of(remote, transport), local.getPort());
        if (!channel.attr(LINK).compareAndSet(null, link)) return channel.attr(LINK).get();
        // the newest connection to a peer wins: it is the one the peer uses now
        open.put(link.peer(), link);
        channel.closeFuture().addListener(closed -> {
            open.remove(link.peer(), link);
            log.debug("{} connection {} closed", transport, link.peer());
        });
        log.debug("{} connection {} open on local port {}", transport, link.peer(), link.localPort());
        return link;
    }

    /** An open connection to the peer, or null. */
    StreamLink get(Peer peer) {
        StreamLink link = open.get(peer);
        return link != null && link.open() ? link : null;
    }
}
