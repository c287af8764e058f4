package org.hotdesk.sip.network;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.epoll.EpollChannelOption;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UDP side of the SIP port: with epoll, several sockets bound to it with SO_REUSEPORT, each read by its own
 * event loop thread, so the kernel spreads datagrams (by source address hash) over them as Kamailio spreads them
 * over its pre-forked receivers: no single receive thread. Without epoll, one NIO socket.
 */
final class UdpReceivers {
    private static final Logger log = LoggerFactory.getLogger(UdpReceivers.class);
    /** Datagrams read per recvmmsg call (epoll): fewer system calls under load. */
    private static final int BATCH = 8;

    private final EventLoopGroup loops;
    private final SipThreads threads;
    private final List<Channel> sockets;
    private final int port;

    private UdpReceivers(EventLoopGroup loops, SipThreads threads, List<Channel> sockets, int port) {
        this.loops = loops;
        this.threads = threads;
        this.sockets = sockets;
        this.port = port;
    }

    /** Binds, or throws IllegalStateException naming the address; leaves nothing open when it throws. */
    static UdpReceivers bind(IoKind io, NetworkConfig config, int port, FrameReceiver receiver) {
        int count = io.reusePort() ? config.receivers() : 1;
        SipThreads threads = new SipThreads("sip-udp");
        EventLoopGroup loops = io.loops(count, threads);
        List<Channel> sockets = new ArrayList<>();
        try {
            if (io.reusePort() && port != 0) refuseIfTaken(config.bindHost(), port);
            int bound = port;
            for (int i = 0; i < count; i++) {
                Bootstrap bootstrap = new Bootstrap().group(loops).channel(io.datagram())
                        .option(ChannelOption.SO_RCVBUF, 4 << 20)
                        .option(ChannelOption.SO_SNDBUF, 1 << 20)
                        .handler(new DatagramFrames(receiver, config.maxMessageBytes()));
                int slot = config.maxMessageBytes() + 1; // one byte more than allowed, to see a datagram too long
                if (io.reusePort()) {
                    bootstrap.option(EpollChannelOption.SO_REUSEPORT, true)
                            .option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, slot)
                            .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(slot * BATCH));
                } else {
                    bootstrap.option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(slot));
                }
                // port 0: the first socket takes a free port, the others join it there
                Channel socket = bootstrap.bind(new InetSocketAddress(config.bindHost(), bound)).syncUninterruptibly().channel();
                sockets.add(socket);
                bound = ((InetSocketAddress) socket.localAddress()).getPort();
            }
            log.debug("udp bound on {}:{} with {} {} socket(s)", config.bindHost(), bound, sockets.size(), io.name());
            return new UdpReceivers(loops, threads, sockets, bound);
        } catch (Exception e) { // Netty rethrows the bind's IOException unchecked
            sockets.forEach(Channel::close);
            loops.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw new IllegalStateException("could not bind UDP " + config.bindHost() + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * SO_REUSEPORT would let this server share a port another server (of the same user) already holds, and take
     * half its traffic silently. A plain socket, without the option, cannot bind a port that is in use at all.
     */
    private static void refuseIfTaken(String host, int port) {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(host, port))) {
            probe.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("port in use (" + e.getMessage() + ")", e);
        }
    }

    int port() {
        return port;
    }

    int count() {
        return sockets.size();
    }

    /**
     * Sends from the SIP port (RFC 3581: the peer's NAT binding is for it). All sockets share the port; picking one
     * by peer spreads the sending over the loops and keeps the messages to one peer in order.
     */
    CompletableFuture<Void> send(Peer to, byte[] frame) {
        Channel socket = sockets.get(Math.floorMod(to.hashCode(), sockets.size()));
        return new UdpLink(socket, to, port).write(frame);
    }

    void closeSockets() {
        sockets.forEach(Channel::close);
    }

    EventLoopGroup loops() {
        return loops;
    }

    SipThreads threads() {
        return threads;
    }
}
