package org.hotdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, for real: the packaged jar runs {@code serve --demo} as its own process,
 * prints the demo users, PINs and device accounts, and answers on /health. Run by failsafe after packaging.
 */
class ServeDemoIT {
    @TempDir
    Path dir;

    @Test
    void serveDemoPrintsWhatANewcomerNeedsAndAnswersHealth() throws Exception {
        DemoServerProcess first = DemoServerProcess.start(dir);
        List<String> devicesFirstRun;
        try {
            String printed = String.join("\n", first.output);
            assertThat(printed).contains("demo.hotdesk.test", "1001", "Alice Archer", "1357", "1005");
            assertThat(printed).contains("hd001565de0001", "00:15:65:de:00:01");
            devicesFirstRun = first.output.stream().filter(l -> l.contains("hd0")).toList();
            assertThat(devicesFirstRun).hasSize(3);

            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + first.httpPort + "/health"))
                            .timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"UP\"");

            // the first start prints a system admin token once; it opens the REST API
            String token = first.output.stream().filter(l -> l.contains("System admin token"))
                    .map(l -> l.substring(l.lastIndexOf(' ') + 1)).findFirst()
                    .orElseThrow(() -> new AssertionError("no admin token printed:\n" + printed));
            HttpResponse<String> tenants = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + first.httpPort + "/api/v1/tenants"))
                            .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(tenants.statusCode()).isEqualTo(200);
            assertThat(tenants.body()).contains("demo.hotdesk.test");
            assertThat(printed).contains("/console", "/api/v1/openapi.json");

            // HTTPS with the self-signed demo certificate, TLS 1.2 or newer only
            SSLContext trustAll = SSLContext.getInstance("TLS");
            trustAll.init(null, new TrustManager[] {new TrustAnyCertificate()}, null);
            HttpResponse<String> secure = HttpClient.newBuilder().sslContext(trustAll).build().send(
                    HttpRequest.newBuilder(URI.create("https://localhost:" + first.httpsPort + "/health"))
                            .timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(secure.statusCode()).isEqualTo(200);
            assertThat(secure.sslSession().orElseThrow().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
            assertThat(dir.resolve("data/tls/demo.p12")).exists();
            try (SSLSocket old = (SSLSocket) trustAll.getSocketFactory().createSocket("127.0.0.1", first.sipTlsPort)) {
                old.setEnabledProtocols(new String[] {"TLSv1.2"});
                old.startHandshake();
                assertThat(old.getSession().getProtocol()).as("SIP over TLS answers on its port").isEqualTo("TLSv1.2");
            }
        } finally {
            first.process.destroy();
            assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }

        // a second start finds the demo data and prints the same accounts: nothing is created twice
        DemoServerProcess second = DemoServerProcess.start(dir);
        try {
            assertThat(second.output.stream().filter(l -> l.contains("hd0")).toList()).isEqualTo(devicesFirstRun);
            assertThat(second.output).noneMatch(l -> l.contains("System admin token"));
        } finally {
            second.process.destroy();
            second.process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The demo certificate is self-signed: the test checks the server's TLS, not the certificate's issuer. */
    static final class TrustAnyCertificate implements X509TrustManager {
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
