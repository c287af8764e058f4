package org.hotdesk.sip.network;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens TCP/TLS connections to peers that have none open (RFC 3261 §18.1.1), one at a time per peer: messages sent
 * while a connection is being opened wait for that one instead of opening more.
 */
final class Connector {
    private static final Logger log = LoggerFactory.getLogger(Connector.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    private final Bootstrap bootstrap;
    private final TlsEngines tls;
    private final int maxMessageBytes;
    private final Connections connections;
    private final FrameReceiver receiver;
    private final Map<Peer, CompletableFuture<StreamLink>> opening = new ConcurrentHashMap<>();

    /** @param tls null when TLS is off: then no TLS connection is opened either */
    Connector(IoKind io, EventLoopGroup loops, TlsEngines tls, int maxMessageBytes, Connections connections,
              FrameReceiver receiver) {
        this.bootstrap = new Bootstrap().group(loops).channel(io.socket())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .option(ChannelOption.TCP_NODELAY, true);
        this.tls = tls;
        this.maxMessageBytes = maxMessageBytes;
        this.connections = connections;
        this.receiver = receiver;
    }

    CompletableFuture<StreamLink> open(Peer to) {
        CompletableFuture<StreamLink> mine = new CompletableFuture<>();
        CompletableFuture<StreamLink> already = opening.putIfAbsent(to, mine);
        if (already != null) return already;
        mine.whenComplete((link, failure) -> opening.remove(to, mine));
        if (to.transport().equals("tls") && tls == null) {
            mine.completeExceptionally(new IllegalStateException("TLS is off: cannot connect to " + to));
            return mine;
        }
        log.debug("connecting to {}", to);
        StreamPipeline pipeline = new StreamPipeline(to.transport(),
                to.transport().equals("tls") ? () -> tls.connecting(to) : null, maxMessageBytes, connections, receiver);
        try {
            bootstrap.clone().handler(pipeline).connect(to.address()).addListener((ChannelFutureListener) (ChannelFuture f) -> {
                if (f.isSuccess()) {
                    mine.complete(connections.add(f.channel(), to.transport()));
                } else {
                    log.debug("could not connect to {}: {}", to, String.valueOf(f.cause()));
                    mine.completeExceptionally(f.cause());
                }
            });
        } catch (RuntimeException e) { // the event loops are shut down
            mine.completeExceptionally(e);
        }
        return mine;
    }
}
