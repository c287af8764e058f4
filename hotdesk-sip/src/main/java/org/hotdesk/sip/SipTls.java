package org.hotdesk.sip;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * SIP over TLS: the port (5061 by convention) and the PKCS#12 key store with the server's certificate and
 * key, offered under the server's {@link org.hotdesk.core.security.TlsPolicy}.
 */
public record SipTls(int port, Path keyStore, String keyStorePassword) {
    public SipTls {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("sip.tls.port: " + port + " is not a port");
        if (keyStore == null || !Files.isReadable(keyStore)) {
            throw new IllegalArgumentException("sip.tls.keyStore: cannot read " + keyStore);
        }
        if (keyStorePassword == null) keyStorePassword = "";
    }
}
