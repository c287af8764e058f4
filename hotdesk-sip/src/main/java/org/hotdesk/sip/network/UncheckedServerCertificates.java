package org.hotdesk.sip.network;

import java.net.Socket;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts any certificate a phone shows when the server connects out to it over TLS. Desk phones present
 * self-signed or vendor-factory certificates that no trust store holds, and the server only connects out to a
 * phone that registered over TLS (after digest authentication) and whose connection has since dropped; while the
 * connection lives it is reused, so checking the phone's certificate would only refuse the phones we serve.
 * Inbound connections, where the phone checks the server's certificate, are unaffected. Never used for servers.
 */
final class UncheckedServerCertificates extends X509ExtendedTrustManager {
    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        throw new UnsupportedOperationException("used for outbound connections only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        throw new UnsupportedOperationException("used for outbound connections only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        throw new UnsupportedOperationException("used for outbound connections only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
