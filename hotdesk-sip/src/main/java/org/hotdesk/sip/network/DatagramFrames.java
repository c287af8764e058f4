package org.hotdesk.sip.network;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each datagram into a Frame (RFC 3261 §18.3: a datagram is one message), copied into a byte[] of its exact
 * size so the pooled receive buffer goes straight back to Netty. Keep-alives and STUN are not SIP and are dropped.
 */
final class DatagramFrames extends SimpleChannelInboundHandler<DatagramPacket> {
    private static final Logger log = LoggerFactory.getLogger(DatagramFrames.class);

    private final FrameReceiver receiver;
    private final int maxMessageBytes;
    private int localPort;

    DatagramFrames(FrameReceiver receiver, int maxMessageBytes) {
        this.receiver = receiver;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        // a datagram socket is active once bound: its port is known from here on
        localPort = ((InetSocketAddress) ctx.channel().localAddress()).getPort();
        super.channelActive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        ByteBuf content = packet.content();
        int size = content.readableBytes();
        if (size > maxMessageBytes) {
            // the receive buffer holds maxMessageBytes + 1, so a longer datagram shows up here cut at that length
            log.debug("udp datagram from {} larger than {} bytes: dropped", packet.sender(), maxMessageBytes);
            return;
        }
        if (notSip(content)) {
            return;
        }
        Peer from = Peer.of(packet.sender(), "udp");
        try {
            receiver.receive(new Frame(ByteBufUtil.getBytes(content), new UdpLink(ctx.channel(), from, localPort)));
        } catch (RuntimeException e) {
            log.warn("the receiver failed on a udp frame from {}", from, e);
        }
    }

    /**
     * Empty, CR/LF only (a keep-alive some phones send over UDP, RFC 5626 §3.5.1 keeps CRLF for streams), or STUN:
     * its first byte is 0x00 or 0x01, never the first letter of a SIP method or of "SIP/2.0" (RFC 5626 §4.4.1;
     * answering STUN is not done here).
     */
    private static boolean notSip(ByteBuf content) {
        int from = content.readerIndex();
        int to = content.writerIndex();
        if (from == to) return true;
        byte first = content.getByte(from);
        if (first == 0x00 || first == 0x01) return true;
        for (int i = from; i < to; i++) {
            byte b = content.getByte(i);
            if (b != '\r' && b != '\n') return false;
        }
        return true;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // e.g. ICMP port unreachable reported on the socket: the socket stays open for everyone else
        log.debug("udp socket on port {}: {}", localPort, String.valueOf(cause));
    }
}
