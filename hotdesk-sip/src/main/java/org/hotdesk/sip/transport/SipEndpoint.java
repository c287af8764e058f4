package org.hotdesk.sip.transport;

import gov.nist.javax.sip.message.SIPMessage;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Consumer;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionUnavailableException;
import javax.sip.ListeningPoint;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.hotdesk.core.security.TlsPolicy;
import org.hotdesk.sip.SipConfig;
import org.hotdesk.sip.SipTls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JAIN-SIP stack on its sockets (UDP and/or TCP on one port), with the factories and the few headers
 * every part of the server writes about itself (Via, Record-Route, Contact).
 */
public final class SipEndpoint implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SipEndpoint.class);
    private static final Duration READY_WITHIN = Duration.ofSeconds(10);

    private final SipStack stack;
    private final SipProvider provider;
    private final String host;
    private final String bindHost;
    private final int port;
    private final int tlsPort;
    private final List<String> transports;
    private final AddressFactory addresses;
    private final HeaderFactory headers;
    private final MessageFactory messages;

    private SipEndpoint(SipStack stack, SipProvider provider, String host, String bindHost, int port, int tlsPort,
                        List<String> transports, SipFactory factory) throws Exception {
        this.stack = stack;
        this.provider = provider;
        this.host = host;
        this.bindHost = bindHost;
        this.port = port;
        this.tlsPort = tlsPort;
        this.transports = transports;
        this.addresses = factory.createAddressFactory();
        this.headers = factory.createHeaderFactory();
        this.messages = factory.createMessageFactory();
    }

    /**
     * Opens the sockets and starts the stack; {@link #listen} then connects the server's handlers.
     *
     * @param registeredSource where a registered contact is really reached (see {@link NextHopRouter})
     */
    public static SipEndpoint start(SipConfig config, Function<SipURI, Optional<NetworkAddress>> registeredSource) {
        return start(config, null, registeredSource);
    }

    /** The same, plus SIP over TLS when {@code tls} is set. */
    public static SipEndpoint start(SipConfig config, SipTls tls,
                                    Function<SipURI, Optional<NetworkAddress>> registeredSource) {
        int port = config.port() == 0 ? freePort(config.host()) : config.port();
        int tlsPort = tls == null ? 0 : tls.port() == 0 ? freePort(config.host()) : tls.port();
        String advertised = advertisedHost(config);
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "hotdesk-" + port + "-" + System.nanoTime());
        // a proxy: dialogs belong to the phones, the server only relays them
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("javax.sip.ROUTER_PATH", NextHopRouter.class.getName());
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
        boolean wire = LoggerFactory.getLogger("org.hotdesk.sip.wire").isTraceEnabled();
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", wire ? "TRACE" : "ERROR");
        // the stack formats every message for its log when this is on, logged or not: only for a wire trace
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", String.valueOf(wire));
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", System.getProperty("hotdesk.sip.threads", "16"));
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        // one thread receives every datagram: a burst of REGISTERs waits in the socket buffer, which at the kernel's
        // default (~200 KiB) overflows within milliseconds of a stall; the kernel caps this at net.core.rmem_max
        p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", String.valueOf(4 << 20));
        p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", String.valueOf(1 << 20));
        // larger messages are refused (TCP) or cut (UDP): an INVITE with SDP and a PIDF-LO location is under 4 KiB.
        // The stack allocates a buffer of this size for every datagram it queues, so 64 KiB made a burst of
        // REGISTERs (a socket buffer's worth queued at once) cost gigabytes of heap
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "16384");
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "true");
        if (tls != null) {
            // the stack reads its key store from these (stack properties, not JVM-wide system properties)
            p.setProperty("javax.net.ssl.keyStore", tls.keyStore().toString());
            p.setProperty("javax.net.ssl.keyStorePassword", tls.keyStorePassword());
            p.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
            p.setProperty("javax.net.ssl.trustStore", tls.keyStore().toString());
            p.setProperty("javax.net.ssl.trustStorePassword", tls.keyStorePassword());
            // phones have no client certificates
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", String.join(",", TlsPolicy.PROTOCOLS));
            // the stack's own default list is RSA-key-exchange suites of the TLS 1.0 era
            p.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", String.join(",", TlsPolicy.CIPHER_SUITES));
            p.setProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT", "10000");
        }
        try {
            SipStack stack = factory.createSipStack(p);
            if (tls != null) {
                ((gov.nist.javax.sip.SipStackImpl) stack).setEnabledProtocols(TlsPolicy.PROTOCOLS.toArray(String[]::new));
            }
            List<String> transports = new ArrayList<>();
            if (config.udp()) transports.add(ListeningPoint.UDP);
            if (config.tcp()) transports.add(ListeningPoint.TCP);
            SipProvider provider = null;
            for (String transport : transports) {
                ListeningPoint lp = stack.createListeningPoint(config.host(), port, transport);
                lp.setSentBy(advertised + ":" + port);
                if (provider == null) {
                    provider = stack.createSipProvider(lp);
                } else {
                    provider.addListeningPoint(lp);
                }
            }
            if (tls != null) {
                ListeningPoint lp = stack.createListeningPoint(config.host(), tlsPort, ListeningPoint.TLS);
                lp.setSentBy(advertised + ":" + tlsPort);
                if (provider == null) {
                    provider = stack.createSipProvider(lp);
                } else {
                    provider.addListeningPoint(lp);
                }
                transports.add(ListeningPoint.TLS);
            }
            NextHopRouter.attach(stack, registeredSource);
            stack.start();
            log.info("SIP listening address={} port={} tlsPort={} transports={} advertised={}", config.host(), port,
                    tlsPort, transports, advertised);
            return new SipEndpoint(stack, provider, advertised, config.host(), port, tlsPort,
                    transports.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList(), factory);
        } catch (Exception e) {
            throw new IllegalStateException("SIP cannot listen on " + config.host() + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * Hands every message and transaction event to the listener; call once, right after start. Returns once
     * the server answers over UDP (see {@link UdpReadiness}), so a request sent next is not waiting in a queue.
     */
    public void listen(SipListener listener) {
        try {
            provider.addSipListener(listener);
        } catch (java.util.TooManyListenersException e) {
            throw new IllegalStateException("SIP listener already set", e);
        }
        if (transports.contains("udp")) UdpReadiness.await(bindHost, port, READY_WITHIN);
    }

    public SipProvider provider() {
        return provider;
    }

    public AddressFactory addresses() {
        return addresses;
    }

    public HeaderFactory headers() {
        return headers;
    }

    public MessageFactory messages() {
        return messages;
    }

    /** The address phones reach this server at. */
    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The SIP over TLS port, or 0 when TLS is off. */
    public int tlsPort() {
        return tlsPort;
    }

    private static boolean isTls(String transport) {
        return transport != null && transport.equalsIgnoreCase(ListeningPoint.TLS);
    }

    /** A Via for a request this server sends or forwards, with a fresh RFC 3261 branch. */
    public ViaHeader via(String transport) {
        try {
            return headers.createViaHeader(host, isTls(transport) ? tlsPort : port, transport, "z9hG4bK" + randomToken());
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
    }

    public RecordRouteHeader recordRoute() {
        return headers.createRecordRouteHeader(addresses.createAddress(uri(null, true)));
    }

    /** A Record-Route phones on this transport reach the server at: the TLS port for TLS, else the SIP port. */
    public RecordRouteHeader recordRoute(String transport) {
        if (!isTls(transport) || tlsPort == 0) return recordRoute();
        try {
            SipURI uri = uri(null, true);
            uri.setPort(tlsPort);
            uri.setTransportParam("tls");
            return headers.createRecordRouteHeader(addresses.createAddress(uri));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    public ContactHeader contact() {
        return headers.createContactHeader(addresses.createAddress(uri("hotdesk", false)));
    }

    public SipURI uri(String user, boolean looseRoute) {
        try {
            SipURI uri = addresses.createSipURI(user, host);
            uri.setPort(port);
            if (looseRoute) uri.setLrParam();
            return uri;
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    public Address address(String uri) throws ParseException {
        return addresses.createAddress(uri);
    }

    public URI parseUri(String uri) throws ParseException {
        return addresses.createURI(uri);
    }

    /** Does this URI name this server (so a Route header with it is ours to remove)? */
    public boolean isMe(URI uri) {
        if (!(uri instanceof SipURI sip)) return false;
        boolean tls = isTls(sip.getTransportParam()) || sip.isSecure();
        int p = sip.getPort() > 0 ? sip.getPort() : tls ? 5061 : 5060;
        return (p == port || (tlsPort > 0 && p == tlsPort))
                && (sip.getHost().equalsIgnoreCase(host) || isLocalAddress(sip.getHost()));
    }

    /** Where a received message really came from: the packet's source address, not what its Via claims. */
    public static NetworkAddress sourceOf(Message message) {
        SIPMessage m = (SIPMessage) message;
        InetAddress address = m.getPeerPacketSourceAddress() != null ? m.getPeerPacketSourceAddress() : m.getRemoteAddress();
        int sourcePort = m.getPeerPacketSourcePort() > 0 ? m.getPeerPacketSourcePort() : m.getRemotePort();
        ViaHeader via = (ViaHeader) message.getHeader(ViaHeader.NAME);
        String transport = via == null ? "udp" : via.getTransport();
        return new NetworkAddress(address.getHostAddress(), sourcePort, transport);
    }

    /**
     * The SIP version the sender speaks, e.g. {@code SIP/2.0}, read from its top Via's sent-protocol: the
     * stack's parser reports SIP/2.0 for every start line (its "Expecting SIP/2.0" error is built, never thrown).
     */
    public static String sipVersion(Request request) {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        return via == null || via.getProtocol() == null ? "SIP/2.0" : via.getProtocol().replace(" ", "");
    }

    /** The request's server transaction, created if the stack has none yet; null for ACK or a retransmission. */
    public ServerTransaction serverTransaction(RequestEvent event) {
        if (event.getServerTransaction() != null) return event.getServerTransaction();
        if (event.getRequest().getMethod().equals(Request.ACK)) return null;
        try {
            return provider.getNewServerTransaction(event.getRequest());
        } catch (TransactionAlreadyExistsException e) {
            return null;
        } catch (TransactionUnavailableException e) {
            // e.g. no Max-Forwards: the stack keeps no transaction for it, the answer goes out statelessly
            log.debug("no transaction for {}: {}", event.getRequest().getMethod(), e.getMessage());
            return null;
        }
    }

    public Response response(int status, String reason, Request request) {
        try {
            Response response = messages.createResponse(status, request);
            if (reason != null) response.setReasonPhrase(reason);
            return response;
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers a request; {@code decorate} adds headers. A request already answered is left alone. */
    public void reply(RequestEvent event, int status, String reason, Consumer<Response> decorate) {
        Request request = event.getRequest();
        Response response = response(status, reason, request);
        decorate.accept(response);
        ServerTransaction st = serverTransaction(event);
        try {
            if (st != null) {
                st.sendResponse(response);
            } else if (!request.getMethod().equals(Request.ACK)) {
                provider.sendResponse(response);
            }
        } catch (SipException | InvalidArgumentException | IllegalStateException e) {
            log.debug("could not answer {} with {}: {}", request.getMethod(), status, e.getMessage());
        }
    }

    /**
     * Answers without keeping a transaction (RFC 3261 §8.2.7; Kamailio's {@code sl_send_reply}), for an answer that
     * costs nothing to give again: a retransmitted request simply gets a new one. A request that already has a
     * transaction is answered through it.
     */
    public void replyStatelessly(RequestEvent event, int status, String reason, Consumer<Response> decorate) {
        if (event.getServerTransaction() != null) {
            reply(event, status, reason, decorate);
            return;
        }
        Request request = event.getRequest();
        if (request.getMethod().equals(Request.ACK)) return;
        Response response = response(status, reason, request);
        decorate.accept(response);
        try {
            provider.sendResponse(response);
        } catch (SipException e) {
            log.debug("could not answer {} with {}: {}", request.getMethod(), status, e.getMessage());
        }
    }

    public void reply(RequestEvent event, int status, String reason) {
        reply(event, status, reason, r -> { });
    }

    /**
     * Adds a header written as text, e.g. {@code ("WWW-Authenticate", "Digest realm=...")}. A list such as
     * {@code ("Allow", "INVITE, ACK")} becomes one header per item, as the stack keeps them.
     */
    public void addHeader(Message message, String name, String value) {
        try {
            message.addHeader(headers.createHeader(name, value));
        } catch (ParseException e) {
            if (!value.contains(",")) throw new IllegalArgumentException(name + ": " + value, e);
            for (String item : value.split(",")) addHeader(message, name, item.trim());
        }
    }

    public List<String> transports() {
        return transports;
    }

    public static String randomToken() {
        byte[] bytes = new byte[10];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        NextHopRouter.detach(stack);
        stack.stop();
    }

    private static boolean isLocalAddress(String host) {
        try {
            InetAddress a = InetAddress.getByName(host);
            return a.isLoopbackAddress() || NetworkInterface.getByInetAddress(a) != null;
        } catch (IOException e) {
            return false;
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

    /** A port free on both UDP and TCP, for tests and {@code sip.port: 0}. */
    private static int freePort(String host) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(host, 0));
                 ServerSocket tcp = new ServerSocket()) {
                tcp.bind(new InetSocketAddress(host, udp.getLocalPort()));
                return udp.getLocalPort();
            } catch (IOException e) {
                // taken on TCP; try another
            }
        }
        throw new IllegalStateException("no free SIP port on " + host);
    }
}
