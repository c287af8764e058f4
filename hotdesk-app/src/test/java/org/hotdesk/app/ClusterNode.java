package org.hotdesk.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One hotdesk node of a cluster test: {@code bin/hotdesk serve} as its own process on fixed loopback ports (the edge's
 * node list names them before the node starts), on a shared PostgreSQL schema; its output kept for the failure report.
 */
final class ClusterNode implements AutoCloseable {
    private static final Pattern REGISTRATIONS_OK = Pattern.compile("(?m)^hotdesk_registrations_total\\{result=\"accepted\",?\\} ([0-9.E]+)$");

    final String name;
    final int sipPort;
    final int httpPort;
    final Process process;
    final List<String> output = new CopyOnWriteArrayList<>();

    private ClusterNode(String name, int sipPort, int httpPort, Process process) {
        this.name = name;
        this.sipPort = sipPort;
        this.httpPort = httpPort;
        this.process = process;
    }

    static ClusterNode start(String name, Path dir, String databaseUrl, int sipPort, int httpPort, String adminToken)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(DemoServerProcess.script(), "serve").directory(dir.toFile()).redirectErrorStream(true);
        var env = pb.environment();
        env.put("HOTDESK_DATABASE_URL", databaseUrl);
        env.put("HOTDESK_SIP_HOST", "127.0.0.1");
        env.put("HOTDESK_SIP_PORT", String.valueOf(sipPort));
        env.put("HOTDESK_HTTP_HOST", "127.0.0.1");
        env.put("HOTDESK_HTTP_PORT", String.valueOf(httpPort));
        env.put("HOTDESK_TLS_SIP_PORT", "0");
        env.put("HOTDESK_TLS_HTTPS_PORT", "0");
        env.put("HOTDESK_ADMIN_TOKEN", adminToken);
        env.put("HOTDESK_SECURITY_PIN_HASH_COST", "4");
        // a timer the kill test can watch fire: one minute idle, looked for every 2 s
        env.put("HOTDESK_TENANT_DEFAULTS_IDLE_LOGOUT_MINUTES", "1");
        env.put("HOTDESK_TIMERS_CHECK_INTERVAL_SECONDS", "2");
        ClusterNode node = new ClusterNode(name, sipPort, httpPort, pb.start());
        Thread drain = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(node.process.getInputStream(), StandardCharsets.UTF_8))) {
                r.lines().forEach(node.output::add);
            } catch (IOException ignored) {
                // the process went away
            }
        });
        drain.setDaemon(true);
        drain.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!node.process.isAlive()) break;
            if (node.output.stream().anyMatch(l -> l.contains("hotdesk is running"))) return node;
            Thread.sleep(100);
        }
        node.process.destroyForcibly();
        throw new AssertionError("node " + name + " did not start:\n" + String.join("\n", node.output));
    }

    /** How many REGISTERs this node has accepted (its own /metrics, open to loopback). */
    double registrationsAccepted() throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + httpPort + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = REGISTRATIONS_OK.matcher(r.body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    String log() {
        return "--- node " + name + " ---\n" + String.join("\n", output);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
