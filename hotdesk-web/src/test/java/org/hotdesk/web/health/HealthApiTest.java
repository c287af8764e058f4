package org.hotdesk.web.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hotdesk.web.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /health} over a real socket, as a load balancer asks it. */
class HealthApiTest {
    final AtomicBoolean databaseUp = new AtomicBoolean(true);
    final AtomicBoolean checkFails = new AtomicBoolean(false);
    final HttpClient client = HttpClient.newHttpClient();
    HttpServer server;

    @BeforeEach
    void start() {
        server = new HttpServer("127.0.0.1", 0, () -> {
            if (checkFails.get()) {
                throw new IllegalStateException("pool closed");
            }
            return Map.of("database", databaseUp.get());
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthyServerAnswers200WithEveryCheckUp() throws Exception {
        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\",\"checks\":{\"database\":\"UP\"}}");
    }

    @Test
    void databaseDownAnswers503AndNamesIt() throws Exception {
        databaseUp.set(false);

        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"status\":\"DOWN\",\"checks\":{\"database\":\"DOWN\"}}");
    }

    @Test
    void recoversWhenTheDatabaseComesBack() throws Exception {
        databaseUp.set(false);
        assertThat(get("/health").statusCode()).isEqualTo(503);

        databaseUp.set(true);

        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void checkThatFailsToAnswerCountsAsDown() throws Exception {
        checkFails.set(true);

        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("\"status\":\"DOWN\"");
    }
}
