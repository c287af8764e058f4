package org.hotdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpServerTest {
    final HttpClient client = HttpClient.newHttpClient();
    HttpServer server;

    @BeforeEach
    void start() {
        server = new HttpServer("127.0.0.1", 0, Map::of);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void portZeroBindsAFreePortAndReportsIt() {
        assertThat(server.port()).isBetween(1, 65535);
    }

    @Test
    void unknownPathAnswers404AsJson() throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/nothing/here"))
                        .timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("{\"error\":\"not_found\",\"message\":\"no resource at GET /nothing/here\"}");
    }
}
