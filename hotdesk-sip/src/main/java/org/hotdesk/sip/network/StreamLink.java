package org.hotdesk.sip.network;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;

/**
 * The way back over a TCP or TLS connection, whichever side opened it: responses go back on the connection the
 * request came in on (RFC 3261 §18.2.2), and requests to a phone behind NAT on the one it registered over
 * (RFC 5626 §5.3).
 */
record StreamLink(Channel channel, Peer peer, int localPort) implements Link {
    @Override
    public String transport() {
        return peer.transport();
    }

    @Override
    public boolean reliable() {
        return true;
    }

    @Override
    public void send(byte[] frame) {
        write(frame);
    }

    boolean open() {
        return channel.isActive();
    }

    CompletableFuture<Void> write(byte[] frame) {
        // over TLS, SslHandler holds the bytes until the handshake is done and fails them if it fails
        return SendResult.of(channel.writeAndFlush(Unpooled.wrappedBuffer(frame)), peer);
    }
}
