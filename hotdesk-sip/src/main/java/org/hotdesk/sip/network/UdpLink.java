package org.hotdesk.sip.network;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import java.util.concurrent.CompletableFuture;

/**
 * The way back to a UDP sender: the socket its datagram arrived on. Answering from that socket makes the answer
 * leave from the SIP port, where the sender's NAT binding points (RFC 3581 §4, RFC 3261 §18.2.2).
 */
record UdpLink(Channel channel, Peer peer, int localPort) implements Link {
    @Override
    public String transport() {
        return "udp";
    }

    @Override
    public boolean reliable() {
        return false;
    }

    @Override
    public void send(byte[] frame) {
        write(frame);
    }

    CompletableFuture<Void> write(byte[] frame) {
        // writeAndFlush may be called from any thread: Netty hands the write to the channel's own loop
        return SendResult.of(channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(frame), peer.address())), peer);
    }
}
