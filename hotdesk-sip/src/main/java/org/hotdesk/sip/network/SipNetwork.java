package org.hotdesk.sip.network;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP transport layer (RFC 3261 §18) of the server: UDP and TCP on the SIP port, TLS on its own port, all
 * delivering whole messages to one {@link FrameReceiver} and sending bytes to peers.
 *
 * <p>Threads: UDP frames arrive on the "sip-udp-N" threads (one per UDP socket), TCP/TLS frames on the "sip-tcp-N"
 * threads (a connection stays on one thread, so its frames arrive in order). send() may be called from any thread.
 */
public final class SipNetwork implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SipNetwork.class);
    /** Tries to find a port free on both UDP and TCP when asked for port 0. */
    private static final int PORT_TRIES = 20;
    private static final long CLOSE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(3);

    private final UdpReceivers udp;
    private final EventLoopGroup streamLoops;
    private final SipThreads streamThreads;
    private final List<Channel> listeners;
    private final Connections connections;
    private final Connector connector;
    private final int port;
    private final int tlsPort;
    private volatile boolean closed;

    private SipNetwork(UdpReceivers udp, EventLoopGroup streamLoops, SipThreads streamThreads, List<Channel> listeners,
                       Connections connections, Connector connector, int port, int tlsPort) {
        this.udp = udp;
        this.streamLoops = streamLoops;
        this.streamThreads = streamThreads;
        this.listeners = listeners;
        this.connections = connections;
        this.connector = connector;
        this.port = port;
        this.tlsPort = tlsPort;
    }

    /**
     * Binds everything or throws IllegalStateException naming what could not bind; port 0 picks a port free on both
     * UDP and TCP (the same port for both: a Via sent-by names one port for the two, RFC 3261 §18.2.1).
     */
    public static SipNetwork start(NetworkConfig config, FrameReceiver receiver) {
        if (!config.udp() && !config.tcp() && !config.tlsOn()) throw new IllegalArgumentException("no transport enabled");
        IoKind io = IoKind.best();
        boolean streams = config.tcp() || config.tlsOn();
        SipThreads streamThreads = new SipThreads("sip-tcp");
        EventLoopGroup streamLoops = streams ? io.loops(Runtime.getRuntime().availableProcessors(), streamThreads) : null;
        Connections connections = new Connections();
        List<Channel> listeners = new ArrayList<>();
        UdpReceivers udp = null;
        try {
            TlsEngines tls = config.tlsOn() ? new TlsEngines(config.tls()) : null;
            StreamPipeline tcpPipeline = new StreamPipeline("tcp", null, config.maxMessageBytes(), connections, receiver);
            int port = config.port();
            for (int attempt = 1; ; attempt++) {
                Channel tcp = config.tcp() ? listen(io, streamLoops, config.bindHost(), port, tcpPipeline, "TCP") : null;
                int bound = tcp == null ? port : localPort(tcp);
                try {
                    udp = config.udp() ? UdpReceivers.bind(io, config, bound, receiver) : null;
                } catch (IllegalStateException e) {
                    if (tcp != null) tcp.close().syncUninterruptibly();
                    // TCP took a free port that UDP has in use: try another (only when we were free to choose)
                    if (port != 0 || tcp == null || attempt == PORT_TRIES) throw e;
                    continue;
                }
                if (tcp != null) listeners.add(tcp);
                port = udp != null ? udp.port() : bound;
                break;
            }
            int tlsPort = 0;
            if (tls != null) {
                StreamPipeline tlsPipeline = new StreamPipeline("tls", tls::accepting, config.maxMessageBytes(), connections, receiver);
                Channel listener = listen(io, streamLoops, config.bindHost(), Math.max(0, config.tlsPort()), tlsPipeline, "TLS");
                listeners.add(listener);
                tlsPort = localPort(listener);
            }
            Connector connector = streams
                    ? new Connector(io, streamLoops, tls, config.maxMessageBytes(), connections, receiver) : null;
            log.info("SIP network on {} ({}): udp {} ({} receiver(s)), tcp {}, tls {}", config.bindHost(), io.name(),
                    udp != null ? port : "off", udp != null ? udp.count() : 0, config.tcp() ? port : "off",
                    tls != null ? tlsPort : "off");
            return new SipNetwork(udp, streamLoops, streamThreads, listeners, connections, connector, port, tlsPort);
        } catch (RuntimeException e) {
            listeners.forEach(Channel::close);
            if (udp != null) udp.closeSockets();
            shutDown(udp, streamLoops, streamThreads);
            throw e;
        }
    }

    private static Channel listen(IoKind io, EventLoopGroup loops, String host, int port, ChannelInitializer<Channel> pipeline,
                                  String what) {
        try {
            return new ServerBootstrap().group(loops).channel(io.server())
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .option(ChannelOption.SO_REUSEADDR, true) // rebind at once after a restart (TIME_WAIT)
                    .childOption(ChannelOption.TCP_NODELAY, true) // SIP messages are small and wait for answers
                    .childHandler(pipeline)
                    .bind(new InetSocketAddress(host, port)).syncUninterruptibly().channel();
        } catch (Exception e) { // Netty rethrows the bind's IOException unchecked
            throw new IllegalStateException("could not bind " + what + " " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    private static int localPort(Channel channel) {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** The SIP port, UDP and TCP. */
    public int port() {
        return port;
    }

    /** The TLS port; 0 when TLS is off. */
    public int tlsPort() {
        return tlsPort;
    }

    /** How many UDP sockets share the SIP port (SO_REUSEPORT); 0 when UDP is off. */
    public int udpReceivers() {
        return udp == null ? 0 : udp.count();
    }

    /**
     * Sends a request or a response to a peer: UDP from the listening socket (so the source port is the SIP port),
     * TCP/TLS over an open connection to that address if any (one the peer opened counts: phones behind NAT are
     * reached over the connection they registered on, RFC 5626 §5.3 / RFC 3261 §18.2.2), else a new connection
     * (connect timeout 2 s). Returns a future that fails when the bytes could not be sent (connect refused, etc.).
     * Choosing TCP for a request too large for UDP (RFC 3261 §18.1.1) is the caller's job.
     */
    public CompletableFuture<Void> send(Peer to, byte[] frame) {
        if (closed) return CompletableFuture.failedFuture(new IllegalStateException("the SIP network is closed"));
        if (!to.reliable()) {
            return udp != null ? udp.send(to, frame)
                    : CompletableFuture.failedFuture(new IllegalStateException("UDP is off: cannot send to " + to));
        }
        StreamLink link = connections.get(to);
        if (link != null) return link.write(frame);
        if (connector == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("TCP and TLS are off: cannot send to " + to));
        }
        return connector.open(to).thenCompose(opened -> opened.write(frame));
    }

    /** Is a reliable connection to this peer open now? */
    public boolean connected(Peer peer) {
        return peer.reliable() && connections.get(peer) != null;
    }

    /** Closes sockets and event loops, and waits for their threads to end (at most 3 s). */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        listeners.forEach(Channel::close);
        if (udp != null) udp.closeSockets();
        shutDown(udp, streamLoops, streamThreads);
        log.info("SIP network on port {} closed", port);
    }

    private static void shutDown(UdpReceivers udp, EventLoopGroup streamLoops, SipThreads streamThreads) {
        long deadline = System.nanoTime() + CLOSE_WAIT_NANOS;
        // quiet period 0: nothing is sent after close; open connections are closed with their loops
        List<Future<?>> ends = new ArrayList<>();
        if (udp != null) ends.add(udp.loops().shutdownGracefully(0, 1, TimeUnit.SECONDS));
        if (streamLoops != null) ends.add(streamLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS));
        try {
            for (Future<?> end : ends) end.await(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (udp != null) udp.threads().awaitEnd(deadline);
            streamThreads.awaitEnd(deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
