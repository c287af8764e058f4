package org.hotdesk.sip;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * SIP over TLS: the port (5061 by convention) and the PKCS#12 key store with the server's certificate and
 * key. Only TLS 1.3 and 1.2 are offered (RFC 8996 retired 1.0 and 1.1), with Mozilla's "intermediate"
 * cipher suites: forward secrecy and AEAD only.
 */
public record SipTls(int port, Path keyStore, String keyStorePassword) {
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    /** Mozilla's "intermediate" list: TLS 1.3 suites, then forward-secret AEAD suites for TLS 1.2. */
    public static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    public SipTls {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("sip.tls.port: " + port + " is not a port");
        if (keyStore == null || !Files.isReadable(keyStore)) {
            throw new IllegalArgumentException("sip.tls.keyStore: cannot read " + keyStore);
        }
        if (keyStorePassword == null) keyStorePassword = "";
    }
}
