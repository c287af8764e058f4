package org.hotdesk.web;

import java.nio.file.Path;

/**
 * HTTPS next to HTTP: the port and the PKCS#12 key store with the certificate, offered under the server's
 * {@link org.hotdesk.core.security.TlsPolicy}.
 */
public record Https(int port, Path keyStore, String keyStorePassword) {
}
