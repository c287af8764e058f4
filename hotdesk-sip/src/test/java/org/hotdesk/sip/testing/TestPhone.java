package org.hotdesk.sip.testing;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A SIP phone for tests: writes SIP as text over a real UDP socket (or a TLS connection), answers digest challenges, and keeps
 * whatever arrives that the test has not asked for yet. Simple on purpose, so each test reads as the
 * messages a desk phone would exchange.
 */
public final class TestPhone implements AutoCloseable {
    private final PhoneWire socket;
    private final String ip;
    private final InetSocketAddress server;
    private final String username;
    private final String password;
    private final String domain;
    private final String userAgent;
    private volatile String claimedOrigin;
    private final AtomicInteger cseq = new AtomicInteger(1);
    private final List<SipMessage> unread = new ArrayList<>();
    /** Everything received, in the order it arrived: "SIP/2.0 200 INVITE" or "NOTIFY". */
    private final List<String> arrivals = new ArrayList<>();
    private String algorithm = "SHA-256";
    private String instance;
    private String registrationCallId;

    public TestPhone(String ip, int serverPort, String username, String password, String domain, String userAgent) {
        this(new PhoneWire.Udp(ip, new InetSocketAddress("127.0.0.1", serverPort)), ip, serverPort, username, password,
                domain, userAgent);
    }

    /** A phone that talks SIP over TLS to the server's TLS port, on one connection it keeps open. */
    public static TestPhone overTls(int serverTlsPort, String username, String password, String domain, String userAgent,
                                    String... tlsProtocols) {
        return new TestPhone(new PhoneWire.Tls("127.0.0.1", new InetSocketAddress("127.0.0.1", serverTlsPort), tlsProtocols),
                "127.0.0.1", serverTlsPort, username, password, domain, userAgent);
    }

    /** A phone that talks SIP over one TCP connection to the server's SIP port; answers come back on it. */
    public static TestPhone overTcp(int serverPort, String username, String password, String domain, String userAgent) {
        return new TestPhone(new PhoneWire.Tcp("127.0.0.1", new InetSocketAddress("127.0.0.1", serverPort)),
                "127.0.0.1", serverPort, username, password, domain, userAgent);
    }

    /** Whether the server closed this phone's TCP connection (always false for UDP and TLS phones). */
    public boolean closedByServer() {
        return socket instanceof PhoneWire.Tcp tcp && tcp.closedByPeer();
    }

    /** The TLS version the connection negotiated (TLS phones only). */
    public String tlsProtocol() {
        return ((PhoneWire.Tls) socket).negotiatedProtocol();
    }

    private TestPhone(PhoneWire wire, String ip, int serverPort, String username, String password, String domain,
                      String userAgent) {
        this.socket = wire;
        this.ip = ip;
        this.server = new InetSocketAddress("127.0.0.1", serverPort);
        this.username = username;
        this.password = password;
        this.domain = domain;
        this.userAgent = userAgent;
    }

    /** Answer challenges with this digest algorithm (the server offers SHA-256 and MD5). */
    public TestPhone preferring(String digestAlgorithm) {
        this.algorithm = digestAlgorithm;
        return this;
    }

    /** Write this {@code +sip.instance} (e.g. {@code <urn:uuid:00000000-0000-1000-8000-001565aabbcc>}) on the contact. */
    public TestPhone withInstance(String instanceId) {
        this.instance = instanceId;
        return this;
    }

    /** Use one Call-ID for every REGISTER, as real phones do for their refreshes (RFC 3261 §10.2.4). */
    public TestPhone keepingCallId() {
        this.registrationCallId = UUID.randomUUID() + "@" + ip;
        return this;
    }

    public int port() {
        return socket.localPort();
    }

    public String contact() {
        return "sip:" + username + "@" + ip + ":" + port() + (socket.transport().equals("TLS") ? ";transport=tls" : "");
    }

    public String via(String branch) {
        return "SIP/2.0/" + socket.transport() + " " + ip + ":" + port() + ";rport;branch=" + branch;
    }

    // ---- REGISTER

    public SipMessage register(int expires) {
        return register(expires, password);
    }

    public SipMessage register(int expires, String withPassword) {
        String callId = registrationCallId != null ? registrationCallId : UUID.randomUUID() + "@" + ip;
        SipMessage answer = exchange(registerText(callId, expires, null));
        if (answer.status() == 401) {
            answer = exchange(registerText(callId, expires, authorization("REGISTER", "sip:" + domain, answer,
                    "WWW-Authenticate", withPassword)));
        }
        return answer;
    }

    public String registerText(String callId, int expires, String authorization) {
        return "REGISTER sip:" + domain + " SIP/2.0\r\n"
                + "Via: " + via(branch()) + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + username + "@" + domain + ">;tag=" + tag() + "\r\n"
                + "To: <sip:" + username + "@" + domain + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq.getAndIncrement() + " REGISTER\r\n"
                + "Contact: <" + contact() + ">;expires=" + expires
                + (instance == null ? "" : ";+sip.instance=\"" + instance + "\"") + "\r\n"
                + "User-Agent: " + userAgent + "\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Content-Length: 0\r\n\r\n";
    }

    // ---- calls

    /** A call in progress from this phone: the INVITE as sent and the answers so far. */
    public record Call(String callId, String fromTag, String inviteText, String dialled, SipMessage finalResponse) {
        public int status() {
            return finalResponse.status();
        }

        public String reason() {
            return finalResponse.reason();
        }
    }

    /** Dials, answering the proxy's 407 challenge; returns once a final answer arrived (ACKing non-2xx). */
    public Call dial(String dialled) {
        return dial(dialled, null);
    }

    /** The same with this SDP offer (null: a plain PCMU offer with no telephone-event). */
    public Call dial(String dialled, String sdp) {
        String callId = UUID.randomUUID() + "@" + ip;
        String fromTag = tag();
        int seq = cseq.getAndIncrement();
        String invite = inviteText(dialled, callId, fromTag, seq, null, sdp);
        send(invite);
        SipMessage answer = awaitFinal(callId, "INVITE");
        if (answer.status() == 407) {
            ack(invite, answer);
            seq = cseq.getAndIncrement();
            invite = inviteText(dialled, callId, fromTag, seq,
                    authorization("INVITE", "sip:" + dialled + "@" + domain, answer, "Proxy-Authenticate", password), sdp);
            send(invite);
            answer = awaitFinal(callId, "INVITE");
        }
        if (answer.status() >= 300) ack(invite, answer);
        return new Call(callId, fromTag, invite, dialled, answer);
    }

    /**
     * Dials, answers the 407, and returns as soon as the call rings (180), leaving it up to the test to
     * CANCEL or wait: returns the INVITE as sent with credentials.
     */
    public String dialUntilRinging(String dialled) {
        String callId = UUID.randomUUID() + "@" + ip;
        String fromTag = tag();
        String invite = inviteText(dialled, callId, fromTag, cseq.getAndIncrement(), null);
        send(invite);
        SipMessage challenge = awaitFinal(callId, "INVITE");
        ack(invite, challenge);
        invite = inviteText(dialled, callId, fromTag, cseq.getAndIncrement(),
                authorization("INVITE", "sip:" + dialled + "@" + domain, challenge, "Proxy-Authenticate", password));
        send(invite);
        await(m -> m.isResponse() && m.status() == 180 && m.callId().equals(callId), Duration.ofSeconds(10), "180 Ringing");
        return invite;
    }

    /** CANCELs a ringing INVITE (same Via branch and CSeq number, RFC 3261 §9.1). */
    public void cancel(String inviteText) {
        SipMessage invite = SipMessage.parse(inviteText);
        send("CANCEL " + invite.requestUri() + " SIP/2.0\r\n"
                + "Via: " + invite.header("Via") + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: " + invite.header("From") + "\r\n"
                + "To: " + invite.header("To") + "\r\n"
                + "Call-ID: " + invite.callId() + "\r\n"
                + "CSeq: " + invite.header("CSeq").split(" ")[0] + " CANCEL\r\n"
                + "Content-Length: 0\r\n\r\n");
    }

    /** Dials without waiting: for calls the test answers elsewhere and watches ring. */
    public String dialNoWait(String dialled, SipMessage challenge) {
        String callId = UUID.randomUUID() + "@" + ip;
        send(inviteText(dialled, callId, tag(), cseq.getAndIncrement(), challenge == null ? null
                : authorization("INVITE", "sip:" + dialled + "@" + domain, challenge, "Proxy-Authenticate", password)));
        return callId;
    }

    public String inviteText(String dialled, String callId, String fromTag, int seq, String proxyAuthorization) {
        return inviteText(dialled, callId, fromTag, seq, proxyAuthorization, null);
    }

    public String inviteText(String dialled, String callId, String fromTag, int seq, String proxyAuthorization,
                             String offer) {
        String sdp = offer != null ? offer
                : "v=0\r\no=- 1 1 IN IP4 " + ip + "\r\ns=-\r\nc=IN IP4 " + ip + "\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n";
        return "INVITE sip:" + dialled + "@" + domain + " SIP/2.0\r\n"
                + "Via: " + via(branch()) + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + username + "@" + domain + ">;tag=" + fromTag + "\r\n"
                + "To: <sip:" + dialled + "@" + domain + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + seq + " INVITE\r\n"
                + "Contact: <" + contact() + ">\r\n"
                + "User-Agent: " + userAgent + "\r\n"
                + (proxyAuthorization == null ? "" : "Proxy-Authorization: " + proxyAuthorization + "\r\n")
                + "Content-Type: application/sdp\r\n"
                + "Content-Length: " + sdp.length() + "\r\n\r\n" + sdp;
    }

    /** ACK for a final answer to an INVITE this phone sent (same branch for non-2xx, new one for 2xx). */
    public void ack(String inviteText, SipMessage answer) {
        SipMessage invite = SipMessage.parse(inviteText);
        String via = answer.status() >= 300 ? invite.header("Via") : via(branch());
        String requestUri = answer.status() >= 300 ? invite.requestUri()
                : answer.headerOpt("Contact").map(c -> c.replaceAll(".*<([^>]*)>.*", "$1")).orElse(invite.requestUri());
        StringBuilder routes = new StringBuilder();
        if (answer.status() < 300) {
            List<String> rr = new ArrayList<>(answer.headers("Record-Route"));
            java.util.Collections.reverse(rr);
            for (String r : rr) routes.append("Route: ").append(r).append("\r\n");
        }
        send("ACK " + requestUri + " SIP/2.0\r\n"
                + "Via: " + via + "\r\n"
                + routes
                + "Max-Forwards: 70\r\n"
                + "From: " + invite.header("From") + "\r\n"
                + "To: " + answer.header("To") + "\r\n"
                + "Call-ID: " + invite.callId() + "\r\n"
                + "CSeq: " + invite.header("CSeq").split(" ")[0] + " ACK\r\n"
                + "Content-Length: 0\r\n\r\n");
    }

    /** A key sent by SIP INFO ({@code application/dtmf-relay}), for phones without RFC 4733. */
    public void info(Call call, char key) {
        String body = "Signal=" + key + "\r\nDuration=160\r\n";
        String text = inDialogText(call, "INFO", body);
        awaitFinal(call.callId(), "INFO");
    }

    /** Sends a BYE for a call this phone made and that was answered; its answer comes with {@link #awaitFinal}. */
    public void hangUp(Call call) {
        inDialogText(call, "BYE");
    }

    /**
     * A request inside an answered call (BYE, re-INVITE, ...), routed along the Record-Route set the 200 OK
     * carried, as RFC 3261 §12.2 has a phone do. Returns the text sent.
     */
    public String inDialogText(Call call, String method) {
        return inDialogText(call, method, null);
    }

    /** The same with a body ({@code application/dtmf-relay} for INFO, SDP for INVITE by default). */
    public String inDialogText(Call call, String method, String dtmfRelay) {
        SipMessage ok = call.finalResponse();
        String requestUri = ok.header("Contact").replaceAll(".*<([^>]*)>.*", "$1");
        StringBuilder routes = new StringBuilder();
        List<String> rr = new ArrayList<>(ok.headers("Record-Route"));
        java.util.Collections.reverse(rr);
        for (String r : rr) routes.append("Route: ").append(r).append("\r\n");
        String sdp = method.equals("INVITE")
                ? "v=0\r\no=- 1 2 IN IP4 " + ip + "\r\ns=-\r\nc=IN IP4 " + ip + "\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\na=sendonly\r\n"
                : "";
        String text = method + " " + requestUri + " SIP/2.0\r\n"
                + "Via: " + via(branch()) + "\r\n"
                + routes
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + username + "@" + domain + ">;tag=" + call.fromTag() + "\r\n"
                + "To: " + ok.header("To") + "\r\n"
                + "Call-ID: " + call.callId() + "\r\n"
                + "CSeq: " + cseq.getAndIncrement() + " " + method + "\r\n"
                + "Contact: <" + contact() + ">\r\n"
                + (sdp.isEmpty() ? "" : "Content-Type: application/sdp\r\n")
                + (dtmfRelay == null ? "" : "Content-Type: application/dtmf-relay\r\n")
                + "Content-Length: " + (sdp.length() + (dtmfRelay == null ? 0 : dtmfRelay.length())) + "\r\n\r\n"
                + sdp + (dtmfRelay == null ? "" : dtmfRelay);
        send(text);
        return text;
    }

    // ---- answering requests the server sends

    /** Replies to a request that arrived here, e.g. 180 / 200 to an INVITE, 200 to a NOTIFY or BYE. */
    public void reply(SipMessage request, int status, String reason, String toTag, String extraHeaders, String body) {
        StringBuilder b = new StringBuilder("SIP/2.0 " + status + " " + reason + "\r\n");
        for (String via : request.headers("Via")) b.append("Via: ").append(via).append("\r\n");
        for (String rr : request.headers("Record-Route")) b.append("Record-Route: ").append(rr).append("\r\n");
        String to = request.header("To");
        if (toTag != null && SipMessage.param(to, "tag") == null) to = to + ";tag=" + toTag;
        b.append("From: ").append(request.header("From")).append("\r\n")
                .append("To: ").append(to).append("\r\n")
                .append("Call-ID: ").append(request.callId()).append("\r\n")
                .append("CSeq: ").append(request.header("CSeq")).append("\r\n");
        if (status >= 200 && status < 300 && request.method().equals("INVITE")) {
            b.append("Contact: <").append(contact()).append(">\r\n");
        }
        if (extraHeaders != null) b.append(extraHeaders);
        String content = body == null ? "" : body;
        if (!content.isEmpty()) b.append("Content-Type: application/sdp\r\n");
        b.append("Content-Length: ").append(content.length()).append("\r\n\r\n").append(content);
        send(b.toString());
    }

    public void reply(SipMessage request, int status, String reason) {
        reply(request, status, reason, null, null, null);
    }

    // ---- wire

    public void send(String text) {
        if (claimedOrigin != null && !text.startsWith("SIP/2.0")) {
            int eol = text.indexOf("\r\n");
            // and, on a REGISTER, the edge's Path with the phone's address (Kamailio's add_path_received)
            String path = text.startsWith("REGISTER ") ? "Path: <sip:" + ip + ":" + port() + ";lr;received=sip:"
                    + claimedOrigin + ">\r\n" : "";
            text = text.substring(0, eol + 2) + "X-Hotdesk-Source: " + claimedOrigin + "\r\n" + path
                    + text.substring(eol + 2);
        }
        socket.send(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Plays a phone behind a Kamailio edge at this phone's address (deploy/kamailio/kamailio.cfg): writes
     * {@code X-Hotdesk-Source: origin} into every request from now on, and the edge's Path into REGISTERs; null stops.
     */
    public TestPhone claimingOrigin(String origin) {
        this.claimedOrigin = origin;
        return this;
    }

    public void sendBytes(byte[] bytes) {
        socket.send(bytes);
    }

    /** Sends a request and waits for its final answer. */
    public SipMessage exchange(String request) {
        SipMessage sent = SipMessage.parse(request);
        send(request);
        return awaitFinal(sent.callId(), sent.method());
    }

    public SipMessage awaitFinal(String callId, String method) {
        return await(m -> m.isResponse() && m.status() >= 200 && m.callId().equals(callId) && m.cseqMethod().equals(method),
                Duration.ofSeconds(10), "final answer to " + method + " " + callId);
    }

    public SipMessage awaitRequest(String method) {
        return awaitRequest(method, Duration.ofSeconds(10));
    }

    public SipMessage awaitRequest(String method, Duration timeout) {
        return await(m -> !m.isResponse() && m.method().equals(method), timeout, method);
    }

    /** Whether a matching message arrives within the time (for "nothing is sent" checks). */
    public boolean receives(Predicate<SipMessage> wanted, Duration within) {
        try {
            await(wanted, within, "");
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    /** What this phone has received so far, in order of arrival ("SIP/2.0 200 INVITE", "NOTIFY"). */
    public synchronized List<String> arrivals() {
        return List.copyOf(arrivals);
    }

    public synchronized SipMessage await(Predicate<SipMessage> wanted, Duration timeout, String what) {
        for (SipMessage m : unread) {
            if (wanted.test(m)) {
                unread.remove(m);
                return m;
            }
        }
        return awaitNew(wanted, timeout, what);
    }

    /**
     * The next wanted message still to arrive, passing over those already received and not yet read: over one UDP
     * socket pair on loopback messages arrive in the order the server sent them, so everything sent before this
     * one has been received when it is returned.
     */
    public synchronized SipMessage awaitNew(Predicate<SipMessage> wanted, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) throw new AssertionError("no " + what + " within " + timeout + "; unread: " + unread);
            String text = socket.receive((int) left);
            if (text == null) continue;
            SipMessage m = SipMessage.parse(text);
            arrivals.add(m.isResponse() ? "SIP/2.0 " + m.status() + " " + m.cseqMethod() : m.method());
            if (wanted.test(m)) return m;
            unread.add(m);
        }
    }

    // ---- digest

    public String authorization(String method, String uri, SipMessage challenge, String header, String withPassword) {
        String chosen = challenge.headers(header).stream()
                .filter(h -> algorithm.equalsIgnoreCase(SipMessage.param(h, "algorithm"))).findFirst()
                .orElse(challenge.header(header));
        String realm = SipMessage.param(chosen, "realm");
        String nonce = SipMessage.param(chosen, "nonce");
        String alg = SipMessage.param(chosen, "algorithm");
        String jdk = "SHA-256".equalsIgnoreCase(alg) ? "SHA-256" : "MD5";
        String cnonce = tag();
        String nc = "00000001";
        String ha1 = hash(jdk, username + ":" + realm + ":" + withPassword);
        String ha2 = hash(jdk, method + ":" + uri);
        String response = hash(jdk, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + username + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", response=\"" + response + "\", algorithm=" + alg + ", qop=auth, nc=" + nc + ", cnonce=\"" + cnonce + "\"";
    }

    static String hash(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String branch() {
        return "z9hG4bK" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    public static String tag() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    public InetAddress address() {
        return socket.localAddress();
    }

    @Override
    public void close() {
        socket.close();
    }
}
