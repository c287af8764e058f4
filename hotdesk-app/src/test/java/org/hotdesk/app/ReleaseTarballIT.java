package org.hotdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release tarball as someone without the source installs it: unpacked into an empty directory, it holds the
 * launcher, the jar, the example configuration and the systemd unit; its launcher answers {@code --help} and runs
 * {@code serve --demo} in the directory it was started from, building nothing. Run by failsafe after packaging.
 */
class ReleaseTarballIT {
    @TempDir
    Path dir;

    @Test
    void unpackedInAnEmptyDirectoryItShowsItsHelpAndServesTheDemo() throws Exception {
        Path tarball = Path.of(System.getProperty("hotdesk.release"));
        assertThat(tarball).isRegularFile();
        Path unpacked = Files.createDirectory(dir.resolve("opt"));
        assertThat(run(List.of("tar", "-xzf", tarball.toString(), "-C", unpacked.toString()), unpacked).exit).isZero();
        Path release;
        try (Stream<Path> entries = Files.list(unpacked)) {
            List<Path> all = entries.toList();
            assertThat(all).hasSize(1);
            release = all.get(0);
        }
        assertThat(release.getFileName().toString()).startsWith("hotdesk-");
        Path launcher = release.resolve("bin/hotdesk");
        assertThat(launcher).isExecutable();
        assertThat(release.resolve("lib/hotdesk.jar")).isRegularFile();
        assertThat(release.resolve("README.md")).isRegularFile();
        // the README's "Several nodes behind Kamailio" names this path: an unpacked release has it where it says
        assertThat(Files.readString(release.resolve("deploy/kamailio/kamailio.cfg"))).contains("dispatcher", "add_path_received");
        assertThat(Files.readString(release.resolve("hotdesk.example.yaml"))).contains("database:", "sip:");
        assertThat(Files.readString(release.resolve("systemd/hotdesk.service")))
                .contains("ExecStart=/opt/hotdesk/bin/hotdesk serve --config /etc/hotdesk/hotdesk.yaml", "User=hotdesk");
        // nothing to build from: the launcher must not look for Maven
        assertThat(release.resolve("pom.xml")).doesNotExist();
        assertThat(release.resolve("mvnw")).doesNotExist();

        Path work = Files.createDirectory(dir.resolve("work"));
        Run help = run(List.of(launcher.toString(), "--help"), work);
        assertThat(help.exit).as(help.output).isZero();
        assertThat(help.output).contains("serve", "devices", "users");
        Run serveHelp = run(List.of(launcher.toString(), "serve", "--help"), work);
        assertThat(serveHelp.exit).as(serveHelp.output).isZero();
        assertThat(serveHelp.output).contains("--demo", "--config");
        assertThat(help.output + serveHelp.output).doesNotContain("building hotdesk");

        try (DemoServerProcess server = DemoServerProcess.startWith(launcher, work)) {
            String printed = String.join("\n", server.output);
            assertThat(printed).contains("demo.hotdesk.test", "hd001565de0001").doesNotContain("building hotdesk");
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort + "/health"))
                            .timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"UP\"");
        }
        // the demo's database is where it was started, not inside the release
        assertThat(work.resolve("data")).isDirectory();
        assertThat(release.resolve("data")).doesNotExist();
    }

    private record Run(int exit, String output) {
    }

    private static Run run(List<String> command, Path workingDirectory) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish:\n" + output);
        }
        return new Run(process.exitValue(), output);
    }
}
