package org.hotdesk.sip.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A self-signed certificate for localhost and 127.0.0.1, made by the JDK's own keytool as an admin would. */
public final class TestCertificates {
    public static final String PASSWORD = "changeit";

    private TestCertificates() {
    }

    /** Writes a PKCS12 key store (alias "hotdesk", password {@link #PASSWORD}) into this folder and returns it. */
    public static Path localhostKeyStore(Path folder) throws IOException, InterruptedException {
        Path keyStore = folder.resolve("sip.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "hotdesk", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "30",
                "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD)
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        return keyStore;
    }
}
