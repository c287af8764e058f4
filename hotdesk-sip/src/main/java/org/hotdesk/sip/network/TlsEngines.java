package org.hotdesk.sip.network;

import io.netty.handler.ssl.SslHandler;
import java.security.GeneralSecurityException;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import org.hotdesk.core.security.TlsPolicy;

/**
 * Makes the SslHandler of each TLS connection (RFC 3261 §26.3.1, RFC 5630): the server's own certificate when a
 * phone connects in, and a client engine when the server connects out. Both speak only what the server's TLS
 * policy allows (TLS 1.3 and 1.2, forward-secret AEAD suites: RFC 8996 retired 1.0 and 1.1).
 */
final class TlsEngines {
    private static final long HANDSHAKE_TIMEOUT_MILLIS = 10_000;

    private final SSLContext server;
    private final SSLContext client;
    private final String[] protocols;
    private final String[] cipherSuites;

    TlsEngines(SSLContext server) {
        this.server = server;
        SSLParameters supported = server.getSupportedSSLParameters();
        this.protocols = allowed(TlsPolicy.PROTOCOLS, supported.getProtocols(), "protocol");
        this.cipherSuites = allowed(TlsPolicy.CIPHER_SUITES, supported.getCipherSuites(), "cipher suite");
        try {
            this.client = SSLContext.getInstance("TLS");
            this.client.init(null, new TrustManager[] {new UncheckedServerCertificates()}, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS client for outbound connections: " + e.getMessage(), e);
        }
    }

    private static String[] allowed(List<String> policy, String[] supported, String what) {
        List<String> available = List.of(supported);
        String[] both = policy.stream().filter(available::contains).toArray(String[]::new);
        if (both.length == 0) throw new IllegalStateException("the TLS provider supports no " + what + " of the policy");
        return both;
    }

    /** For a connection a phone opened: server mode, no client certificate asked (phones authenticate by digest). */
    SslHandler accepting() {
        SSLEngine engine = server.createSSLEngine();
        engine.setUseClientMode(false);
        engine.setNeedClientAuth(false);
        return handler(engine);
    }

    /** For a connection the server opens to a phone; see UncheckedServerCertificates for why nothing is checked. */
    SslHandler connecting(Peer to) {
        SSLEngine engine = client.createSSLEngine(to.host(), to.port());
        engine.setUseClientMode(true);
        return handler(engine);
    }

    private SslHandler handler(SSLEngine engine) {
        engine.setEnabledProtocols(protocols);
        engine.setEnabledCipherSuites(cipherSuites);
        SslHandler handler = new SslHandler(engine);
        handler.setHandshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MILLIS);
        return handler;
    }
}
