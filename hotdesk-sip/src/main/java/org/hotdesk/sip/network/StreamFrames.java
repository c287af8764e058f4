package org.hotdesk.sip.network;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each message the framer cut from a connection to the receiver, with the connection as its way back; enters
 * the connection in the table when it opens, and closes it on any error (a TLS handshake that fails, a reset).
 */
final class StreamFrames extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(StreamFrames.class);

    private final Connections connections;
    private final FrameReceiver receiver;
    private final String transport;
    private StreamLink link;

    StreamFrames(Connections connections, FrameReceiver receiver, String transport) {
        this.connections = connections;
        this.receiver = receiver;
        this.transport = transport;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        link = connections.add(ctx.channel(), transport);
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        try {
            receiver.receive(new Frame((byte[]) message, link));
        } catch (RuntimeException e) {
            log.warn("the receiver failed on a {} frame from {}", transport, link.peer(), e);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("{} connection {}: {}; closing it", transport, ctx.channel().remoteAddress(), String.valueOf(cause));
        ctx.close();
    }
}
