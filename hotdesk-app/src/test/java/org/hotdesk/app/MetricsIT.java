package org.hotdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} on a running {@code serve --demo}, as a Prometheus server scrapes it: refused without the
 * configured token when the scraper is not in {@code metrics.allowFrom}, and with it the counters move as an admin
 * logs someone in and out, a phone fetches its configuration and a phone registers.
 */
class MetricsIT {
    private static final String TOKEN = "scrape-token-0123456789abcdef";
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void countersMoveAsPeopleLogInAndPhonesFetchAndRegister() throws Exception {
        // this machine is not in allowFrom: only the token opens /metrics
        try (DemoServerProcess server = DemoServerProcess.start(dir, Map.of(
                "HOTDESK_METRICS_TOKEN", TOKEN, "HOTDESK_METRICS_ALLOW_FROM", "192.0.2.0/24"))) {
            String base = "http://127.0.0.1:" + server.httpPort;
            HttpResponse<String> anonymous = get(base + "/metrics", null);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.body()).contains("metrics.token");
            assertThat(get(base + "/metrics", "Bearer wrong-token-0123456789abcdef").statusCode()).isEqualTo(401);

            HttpResponse<String> first = get(base + "/metrics", "Bearer " + TOKEN);
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
            assertThat(first.body()).contains("# TYPE hotdesk_logins_total counter", "jvm_memory_used_bytes",
                    "process_uptime_seconds");
            assertThat(value(first.body(), "hotdesk_logins_total{method=\"admin\",result=\"accepted\"}")).isZero();
            assertThat(value(first.body(), "hotdesk_sessions_open")).isZero();

            // an admin logs Alice in at the first desk, then out again
            String admin = "Bearer " + server.output.stream().filter(l -> l.contains("System admin token"))
                    .map(l -> l.substring(l.lastIndexOf(' ') + 1)).findFirst().orElseThrow();
            long tenant = json.readTree(get(base + "/api/v1/tenants", admin).body()).get(0).get("id").asLong();
            long alice = idWhere(get(base + "/api/v1/tenants/" + tenant + "/users", admin).body(), "extension", "1001");
            long desk = idWhere(get(base + "/api/v1/tenants/" + tenant + "/devices", admin).body(), "name", "Desk 2.01");
            HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tenants/" + tenant
                    + "/devices/" + desk + "/session")).header("Authorization", admin)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"userId\":" + alice + "}")));
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            String afterLogin = get(base + "/metrics", "Bearer " + TOKEN).body();
            assertThat(value(afterLogin, "hotdesk_logins_total{method=\"admin\",result=\"accepted\"}")).isEqualTo(1);
            assertThat(value(afterLogin, "hotdesk_sessions_open")).isEqualTo(1);

            HttpResponse<String> logout = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tenants/" + tenant
                    + "/devices/" + desk + "/session")).header("Authorization", admin).DELETE());
            assertThat(logout.statusCode()).isEqualTo(204);

            // the desk's phone fetches its configuration, and asks for a file that does not exist
            String provisioningUrl = server.output.stream().filter(l -> l.contains("fetch their configuration from"))
                    .map(l -> l.replaceAll(".*from (\\S+/) .*", "$1")).findFirst().orElseThrow()
                    .replaceAll("http://[^/]+/", base + "/");
            assertThat(get(provisioningUrl + "001565de0001.cfg", null).statusCode()).isEqualTo(200);
            assertThat(get(provisioningUrl + "001565ffffff.cfg", null).statusCode()).isEqualTo(404);

            // a phone's first REGISTER, without credentials: challenged
            registerWithoutCredentials(server.sipPort);

            String after = get(base + "/metrics", "Bearer " + TOKEN).body();
            assertThat(value(after, "hotdesk_logouts_total{reason=\"admin\"}")).isEqualTo(1);
            assertThat(value(after, "hotdesk_sessions_open")).isZero();
            assertThat(value(after, "hotdesk_provisioning_fetches_total{result=\"served\"}")).isEqualTo(1);
            assertThat(value(after, "hotdesk_provisioning_fetches_total{result=\"not_found\"}")).isEqualTo(1);
            assertThat(value(after, "hotdesk_registrations_total{result=\"challenged\"}")).isEqualTo(1);
            assertThat(value(after, "hotdesk_sip_answer_seconds_count{method=\"REGISTER\",status=\"4xx\"}")).isEqualTo(1);
            assertThat(value(after, "hotdesk_sip_answer_seconds_bucket{method=\"REGISTER\",status=\"4xx\",le=\"+Inf\"}"))
                    .isEqualTo(1);
            // every series the sample Grafana dashboard draws exists
            String dashboard = java.nio.file.Files.readString(Path.of("..", "deploy", "grafana", "hotdesk-dashboard.json"));
            Matcher names = Pattern.compile("\\b(hotdesk_[a-z_]+)").matcher(dashboard);
            int drawn = 0;
            while (names.find()) {
                assertThat(after).as("the dashboard's " + names.group(1)).containsPattern("(?m)^" + names.group(1) + "[{ ]");
                drawn++;
            }
            assertThat(drawn).isGreaterThan(10);
            // the login re-synced the desk: its NOTIFY went nowhere, as no phone is registered in this test
            assertThat(value(after, "hotdesk_resync_notifies_total{outcome=\"not_registered\"}")).isGreaterThanOrEqualTo(1);
        }
    }

    private void registerWithoutCredentials(int sipPort) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(5000);
            int port = socket.getLocalPort();
            String register = "REGISTER sip:demo.hotdesk.test SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bK-metrics-1;rport\r\n"
                    + "From: <sip:hd001565de0001@demo.hotdesk.test>;tag=m1\r\n"
                    + "To: <sip:hd001565de0001@demo.hotdesk.test>\r\n"
                    + "Call-ID: metrics-it-1@127.0.0.1\r\nCSeq: 1 REGISTER\r\n"
                    + "Contact: <sip:hd001565de0001@127.0.0.1:" + port + ">\r\n"
                    + "Max-Forwards: 70\r\nExpires: 300\r\nContent-Length: 0\r\n\r\n";
            byte[] bytes = register.getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), sipPort));
            DatagramPacket answer = new DatagramPacket(new byte[4096], 4096);
            socket.receive(answer);
            assertThat(new String(answer.getData(), 0, answer.getLength(), StandardCharsets.US_ASCII))
                    .startsWith("SIP/2.0 401");
        }
    }

    private long idWhere(String body, String field, String value) throws Exception {
        for (JsonNode node : json.readTree(body)) {
            if (value.equals(node.get(field).asText())) return node.get("id").asLong();
        }
        throw new AssertionError("no " + field + " " + value + " in " + body);
    }

    /** A sample's value in the exposition text; absent counts as a failure, not as 0. */
    private static double value(String exposition, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(exposition);
        assertThat(m.find()).as("series " + series + " in\n" + exposition).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private HttpResponse<String> get(String url, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (authorization != null) b.header("Authorization", authorization);
        return send(b.GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
