package org.hotdesk.sip.network;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.function.Supplier;

/**
 * Which sockets to use: native epoll on Linux, because only it offers SO_REUSEPORT, which lets several UDP
 * sockets share the SIP port so the kernel spreads datagrams over several receive threads; NIO elsewhere.
 */
record IoKind(String name, Supplier<IoHandlerFactory> handlers, Class<? extends DatagramChannel> datagram,
              Class<? extends ServerChannel> server, Class<? extends SocketChannel> socket) {

    static IoKind best() {
        if (Epoll.isAvailable()) {
            return new IoKind("epoll", EpollIoHandler::newFactory, EpollDatagramChannel.class,
                    EpollServerSocketChannel.class, EpollSocketChannel.class);
        }
        return new IoKind("nio", NioIoHandler::newFactory, NioDatagramChannel.class, NioServerSocketChannel.class,
                NioSocketChannel.class);
    }

    boolean reusePort() {
        return name.equals("epoll");
    }

    EventLoopGroup loops(int threads, SipThreads names) {
        return new MultiThreadIoEventLoopGroup(threads, names, handlers.get());
    }
}
