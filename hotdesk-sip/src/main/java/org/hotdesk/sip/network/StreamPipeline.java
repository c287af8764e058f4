package org.hotdesk.sip.network;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.ssl.SslHandler;
import java.util.function.Supplier;

/**
 * The handlers of one TCP or TLS connection, inbound or outbound: [TLS] → idle close → framer → delivery.
 * The pong the framer writes goes out through the TLS handler, as it sits nearer the socket.
 */
final class StreamPipeline extends ChannelInitializer<Channel> {
    private final String transport;
    private final Supplier<SslHandler> tls;
    private final int maxMessageBytes;
    private final Connections connections;
    private final FrameReceiver receiver;

    /** @param tls the TLS handler of each new connection; null for TCP */
    StreamPipeline(String transport, Supplier<SslHandler> tls, int maxMessageBytes, Connections connections,
                   FrameReceiver receiver) {
        this.transport = transport;
        this.tls = tls;
        this.maxMessageBytes = maxMessageBytes;
        this.connections = connections;
        this.receiver = receiver;
    }

    @Override
    protected void initChannel(Channel channel) {
        if (tls != null) channel.pipeline().addLast("tls", tls.get());
        channel.pipeline().addLast("idle", new CloseWhenIdle(CloseWhenIdle.IDLE))
                .addLast("framer", new StreamFramer(maxMessageBytes, transport))
                .addLast("frames", new StreamFrames(connections, receiver, transport));
    }
}
