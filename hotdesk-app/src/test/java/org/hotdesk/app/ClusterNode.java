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

    static ClusterNode start(String name, Path dir, String databaseUrl, int sipPort, int httpPort, String adminToken,
                             int edgePort) throws IOException, InterruptedException {
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
        env.put("HOTDESK_CLUSTER_NODE_ID", name);
        // phones get the edge's address; the edge (on loopback, from its SIP port) is believed about who sent what
        env.put("HOTDESK_CLUSTER_EDGE", "127.0.0.1:" + edgePort);
        env.put("HOTDESK_CLUSTER_TRUSTED_EDGES", "127.0.0.1:" + edgePort);
        // six failures block an address, so a guesser is blocked before its slowed answers (up to 1.5 s here)
        // come near the edge's 3 s failover timer
        env.put("HOTDESK_SOURCE_LIMITS_MAX_FAILURES", "6");
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

    /** {@code bin/hotdesk <args>} on the cluster's database, as an admin runs it on any machine; its output. */
    static String admin(Path dir, String databaseUrl, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(DemoServerProcess.script()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("HOTDESK_DATABASE_URL", databaseUrl);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("bin/hotdesk " + String.join(" ", args) + " failed:\n" + out);
        }
        return out;
    }

    /** A number from this node's /metrics (0 when it is not there). */
    double metric(String name) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + httpPort + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.E]+)$").matcher(r.body());
        return m.find() ? Double.parseDouble(m.group(2)) : 0;
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
