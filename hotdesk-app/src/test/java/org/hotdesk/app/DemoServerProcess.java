package org.hotdesk.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/hotdesk serve --demo} as its own process, as a newcomer starts it (the script finds a JDK and
 * runs the jar this build just packaged), on free ports, loopback only, with its database in a scratch
 * directory; plus the admin CLI on the same database.
 */
final class DemoServerProcess implements AutoCloseable {
    static final Pattern RUNNING = Pattern.compile("SIP at ([^:]+):(\\d+) .*health at http://[^:]+:(\\d+)/health");
    static final Pattern TLS = Pattern.compile("SIP over TLS on port (\\d+), HTTPS at https://[^:]+:(\\d+)/health");

    final Process process;
    final List<String> output;
    final int sipPort;
    final int httpPort;
    final int sipTlsPort;
    final int httpsPort;
    private final Path dir;

    private DemoServerProcess(Process process, List<String> output, int sipPort, int httpPort, int sipTlsPort,
                              int httpsPort, Path dir) {
        this.process = process;
        this.output = output;
        this.sipPort = sipPort;
        this.httpPort = httpPort;
        this.sipTlsPort = sipTlsPort;
        this.httpsPort = httpsPort;
        this.dir = dir;
    }

    static DemoServerProcess start(Path dir) throws IOException {
        return start(dir, Map.of());
    }

    /** @param settings more HOTDESK_... variables, e.g. who may read /metrics */
    static DemoServerProcess start(Path dir, Map<String, String> settings) throws IOException {
        Map<String, String> env = new HashMap<>(environment(dir));
        env.putAll(settings);
        return start(script(), dir, env);
    }

    /**
     * {@code serve --demo} by another launcher (an unpacked release's), started in {@code dir} on free ports with
     * nothing else set: its database is wherever that launcher puts it by default.
     */
    static DemoServerProcess startWith(Path launcher, Path dir) throws IOException {
        return start(launcher.toString(), dir, PORTS);
    }

    private static DemoServerProcess start(String launcher, Path dir, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(launcher, "serve", "--demo")
                .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process process = pb.start();
        List<String> output = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
            output.add(line);
            Matcher m = RUNNING.matcher(line);
            if (m.find()) {
                String tlsLine = reader.readLine();
                output.add(tlsLine);
                Matcher tls = TLS.matcher(tlsLine == null ? "" : tlsLine);
                if (!tls.find()) throw new AssertionError("no TLS line after the running line:\n" + String.join("\n", output));
                // then the admin token (first start only) and the console line
                String more;
                while ((more = reader.readLine()) != null) {
                    output.add(more);
                    if (more.contains("Admin console at")) {
                        break;
                    }
                }
                // keep draining so the server never blocks on a full pipe
                Thread drain = new Thread(() -> reader.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return new DemoServerProcess(process, output, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                        Integer.parseInt(tls.group(1)), Integer.parseInt(tls.group(2)), dir);
            }
        }
        process.destroyForcibly();
        throw new AssertionError("server did not start:\n" + String.join("\n", output));
    }

    /** The system admin token the demo printed at its first start. */
    String adminToken() {
        return output.stream().filter(l -> l.contains("System admin token"))
                .map(l -> l.substring(l.lastIndexOf(' ') + 1)).findFirst().orElseThrow();
    }

    /** Runs an admin command on the server's database; returns what it printed. */
    String cli(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(script()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().putAll(environment(dir));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new AssertionError(String.join(" ", args) + " failed:\n" + out + err);
        return out;
    }

    /** The printed demo line of a device account: MAC, name, vendor, SIP username, SIP password. */
    String[] deviceLine(String sipUsername) {
        return output.stream().filter(l -> l.contains(sipUsername)).findFirst().orElseThrow().trim().split("\\s+");
    }

    private static final Map<String, String> PORTS = Map.of("HOTDESK_HTTP_PORT", "0", "HOTDESK_SIP_PORT", "0",
            "HOTDESK_SIP_HOST", "127.0.0.1", "HOTDESK_TLS_SIP_PORT", "0", "HOTDESK_TLS_HTTPS_PORT", "0");

    private static Map<String, String> environment(Path dir) {
        Map<String, String> env = new HashMap<>(PORTS);
        env.put("HOTDESK_DATABASE_URL", "jdbc:h2:file:" + dir.resolve("data/hotdesk") + ";AUTO_SERVER=TRUE");
        return env;
    }

    /** The checkout's bin/hotdesk. */
    static String script() {
        return checkout().resolve("bin/hotdesk").toString();
    }

    /** The checkout under test: the jar failsafe was given is checkout/hotdesk-app/target/hotdesk.jar. */
    static Path checkout() {
        return Path.of(System.getProperty("hotdesk.jar")).toAbsolutePath().getParent().getParent().getParent();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
