package org.hotdesk.sip.network;

import javax.net.ssl.SSLContext;

/**
 * What the network layer binds.
 *
 * @param bindHost        numeric address to bind, "0.0.0.0" (or null) for all
 * @param port            the SIP port, the same for UDP and TCP; 0 picks one free on both
 * @param tlsPort         0 = TLS off; -1 = any free port (tests); TLS is on only with an SSLContext too
 * @param tls             server certificate; null = TLS off
 * @param maxMessageBytes larger datagrams are dropped and larger stream messages close the connection (16384)
 * @param udpReceivers    UDP sockets sharing the port with SO_REUSEPORT; 0 = number of cores
 */
public record NetworkConfig(String bindHost, int port, boolean udp, boolean tcp, int tlsPort, SSLContext tls,
                            int maxMessageBytes, int udpReceivers) {
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 16_384;

    public NetworkConfig {
        bindHost = bindHost == null || bindHost.isEmpty() ? "0.0.0.0" : bindHost;
        if (port < 0 || port > 65_535) throw new IllegalArgumentException("port out of range: " + port);
        if (tlsPort < -1 || tlsPort > 65_535) throw new IllegalArgumentException("TLS port out of range: " + tlsPort);
        // 65507: the largest UDP payload over IPv4
        if (maxMessageBytes < 64 || maxMessageBytes > 65_507) {
            throw new IllegalArgumentException("maxMessageBytes must be 64..65507: " + maxMessageBytes);
        }
        if (udpReceivers < 0) throw new IllegalArgumentException("udpReceivers < 0: " + udpReceivers);
    }

    /** UDP and TCP on one port, no TLS, the default sizes. */
    public static NetworkConfig plain(String bindHost, int port) {
        return new NetworkConfig(bindHost, port, true, true, 0, null, DEFAULT_MAX_MESSAGE_BYTES, 0);
    }

    boolean tlsOn() {
        return tls != null && tlsPort != 0;
    }

    int receivers() {
        return udpReceivers == 0 ? Runtime.getRuntime().availableProcessors() : udpReceivers;
    }
}
