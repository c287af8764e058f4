package org.hotdesk.app.config;

/**
 * SIP over TLS and HTTPS, both with one certificate.
 *
 * @param keyStore         PKCS#12 file with the server's certificate chain and private key; empty turns TLS
 *                         off (with {@code serve --demo} a self-signed one is generated under {@code data/tls/})
 * @param keyStorePassword the file's password
 * @param sipPort          SIP over TLS port (RFC 3261: 5061)
 * @param httpsPort        HTTPS port
 */
public record TlsConfig(String keyStore, String keyStorePassword, int sipPort, int httpsPort) {
    public static final TlsConfig DEFAULTS = new TlsConfig("", "", 5061, 8443);

    public TlsConfig {
        keyStore = keyStore == null ? "" : keyStore.trim();
        keyStorePassword = keyStorePassword == null ? "" : keyStorePassword;
        // 0 picks a free port, as for sip.port and http.port
        Require.between("tls.sipPort", sipPort, 0, 65535);
        Require.between("tls.httpsPort", httpsPort, 0, 65535);
    }

    public boolean enabled() {
        return !keyStore.isEmpty();
    }

    public TlsConfig withKeyStore(String path, String password) {
        return new TlsConfig(path, password, sipPort, httpsPort);
    }
}
