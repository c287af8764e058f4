package org.hotdesk.app.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.hotdesk.app.config.TlsConfig;

/**
 * The self-signed certificate {@code serve --demo} runs SIP over TLS and HTTPS with, made once by the JDK's
 * own keytool (no crypto library needed) and kept next to the demo database. Phones and browsers will warn
 * about it, as they should: production configures {@code tls.keyStore}.
 */
public final class DemoCertificate {
    static final String PASSWORD = "hotdesk-demo";

    private DemoCertificate() {
    }

    /** The demo key store under {@code dataDir/tls/}, created if missing, valid for localhost and {@code host}. */
    public static TlsConfig ensure(TlsConfig tls, Path dataDir, String host) {
        Path keyStore = dataDir.resolve("tls").resolve("demo.p12");
        if (!Files.exists(keyStore)) generate(keyStore, host);
        return tls.withKeyStore(keyStore.toString(), PASSWORD);
    }

    private static void generate(Path keyStore, String host) {
        try {
            Files.createDirectories(keyStore.getParent());
            String san = "dns:localhost,ip:127.0.0.1" + (host.matches("[0-9.]+") && !host.equals("127.0.0.1")
                    ? ",ip:" + host : host.matches("[A-Za-z0-9.-]+") && !host.equals("localhost") ? ",dns:" + host : "");
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "hotdesk", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-sigalg", "SHA256withECDSA", "-dname", "CN=hotdesk demo", "-ext", "SAN=" + san,
                    "-validity", "825", "-keystore", keyStore.toString(), "-storetype", "PKCS12",
                    "-storepass", PASSWORD).redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool could not make the demo certificate: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot make the demo certificate in " + keyStore.getParent() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making the demo certificate", e);
        }
    }
}
