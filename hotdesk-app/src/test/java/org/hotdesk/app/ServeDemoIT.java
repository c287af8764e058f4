package org.hotdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, for real: the packaged jar runs {@code serve --demo} as its own process,
 * prints the demo users, PINs and device accounts, and answers on /health. Run by failsafe after packaging.
 */
class ServeDemoIT {
    static final Pattern LISTENING = Pattern.compile("health at http://[^:]+:(\\d+)/health");

    @TempDir
    Path dir;

    record Started(Process process, List<String> output, int port) {
    }

    Started serveDemo() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-jar", System.getProperty("hotdesk.jar"), "serve", "--demo")
                .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("HOTDESK_HTTP_PORT", "0");
        pb.environment().put("HOTDESK_DATABASE_URL", "jdbc:h2:file:" + dir.resolve("data/hotdesk") + ";AUTO_SERVER=TRUE");
        Process process = pb.start();
        List<String> output = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
            output.add(line);
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                // keep draining so the server never blocks on a full pipe
                Thread drain = new Thread(() -> reader.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return new Started(process, output, Integer.parseInt(m.group(1)));
            }
        }
        process.destroyForcibly();
        throw new AssertionError("server did not start:\n" + String.join("\n", output));
    }

    @Test
    void serveDemoPrintsWhatANewcomerNeedsAndAnswersHealth() throws Exception {
        Started first = serveDemo();
        List<String> devicesFirstRun;
        try {
            String printed = String.join("\n", first.output());
            assertThat(printed).contains("demo.hotdesk.test", "1001", "Alice Archer", "1357", "1005");
            assertThat(printed).contains("hd001565de0001", "00:15:65:de:00:01");
            devicesFirstRun = first.output().stream().filter(l -> l.contains("hd0")).toList();
            assertThat(devicesFirstRun).hasSize(3);

            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + first.port() + "/health"))
                            .timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"UP\"");
        } finally {
            first.process().destroy();
            assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }

        // a second start finds the demo data and prints the same accounts: nothing is created twice
        Started second = serveDemo();
        try {
            assertThat(second.output().stream().filter(l -> l.contains("hd0")).toList()).isEqualTo(devicesFirstRun);
        } finally {
            second.process().destroy();
            second.process().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
