package org.hotdesk.sip.transport;

import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.hotdesk.sip.SipConfig;
import org.hotdesk.sip.SipTls;
import org.hotdesk.sip.message.SipUri;
import org.hotdesk.sip.network.NetworkConfig;
import org.hotdesk.sip.network.Peer;
import org.hotdesk.sip.stack.OwnAddress;
import org.hotdesk.sip.stack.SipStack;
import org.hotdesk.sip.stack.SipTimers;
import org.hotdesk.sip.stack.StackConfig;
import org.hotdesk.sip.stack.TrustedEdges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Our SIP stack on its sockets (UDP and/or TCP on one port, TLS on another), set up from the server's configuration. */
public final class SipEndpoint implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SipEndpoint.class);
    /** Larger messages are refused: an INVITE with SDP and a PIDF-LO location is under 4 KiB. */
    private static final int MAX_MESSAGE_BYTES = 16384;
    /** Requests one worker holds in its queue before the server counts itself overloaded. */
    private static final int QUEUE_PER_WORKER = 4096;

    private final SipStack stack;
    private final List<String> transports;

    private SipEndpoint(SipStack stack, List<String> transports) {
        this.stack = stack;
        this.transports = transports;
    }

    /**
     * Opens the sockets and starts the stack.
     *
     * @param tls              SIP over TLS as well, or null
     * @param timers           the transaction timers: {@link SipTimers#RFC_3261}, shorter in tests
     * @param registeredSource where a registered contact is really reached (a phone behind NAT: where its REGISTER came from)
     */
    public static SipEndpoint start(SipConfig config, SipTls tls, SipTimers timers,
                                    Function<SipUri, Optional<Peer>> registeredSource) {
        String advertised = advertisedHost(config);
        // handlers may wait on the database (a login, a first REGISTER after a restart): more workers than cores
        int workers = Integer.getInteger("hotdesk.sip.threads", 16);
        NetworkConfig network = new NetworkConfig(config.host(), config.port(), config.udp(), config.tcp(),
                tls == null ? 0 : tls.port() == 0 ? -1 : tls.port(), tls == null ? null : sslContext(tls),
                MAX_MESSAGE_BYTES, Integer.getInteger("hotdesk.sip.receivers", 0));
        SipStack stack = SipStack.start(new StackConfig(network, advertised, workers, QUEUE_PER_WORKER,
                timers, registeredSource, TrustedEdges.of(config.trustedEdges())));
        List<String> transports = new ArrayList<>();
        if (config.udp()) transports.add("udp");
        if (config.tcp()) transports.add("tcp");
        if (tls != null) transports.add("tls");
        log.info("SIP listening address={} port={} tlsPort={} transports={} advertised={}", config.host(), stack.port(),
                stack.tlsPort(), transports, advertised);
        return new SipEndpoint(stack, List.copyOf(transports));
    }

    public SipStack stack() {
        return stack;
    }

    public OwnAddress own() {
        return stack.own();
    }

    /** The address phones reach this server at. */
    public String host() {
        return stack.own().host();
    }

    public int port() {
        return stack.port();
    }

    /** The SIP over TLS port, or 0 when TLS is off. */
    public int tlsPort() {
        return stack.tlsPort();
    }

    public List<String> transports() {
        return transports;
    }

    @Override
    public void close() {
        stack.close();
    }

    private static SSLContext sslContext(SipTls tls) {
        try (InputStream in = Files.newInputStream(tls.keyStore())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            char[] password = tls.keyStorePassword().toCharArray();
            store.load(in, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (Exception e) {
            throw new IllegalArgumentException("sip.tls.keyStore: cannot use " + tls.keyStore() + ": " + e.getMessage(), e);
        }
    }

    /** The address phones are told to reach this server at: sip.advertisedHost, else the bound host, else this machine's first address. */
    public static String advertisedHost(SipConfig config) {
        if (config.advertisedHost() != null && !config.advertisedHost().isBlank()) return config.advertisedHost();
        if (!config.host().equals("0.0.0.0")) return config.host();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) continue;
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLinkLocalAddress()) return a.getHostAddress();
                }
            }
        } catch (SocketException e) {
            log.warn("cannot list network interfaces; advertising 127.0.0.1 (set sip.advertisedHost)", e);
        }
        return "127.0.0.1";
    }
}
