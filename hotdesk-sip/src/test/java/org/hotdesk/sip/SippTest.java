package org.hotdesk.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.user.User;
import org.hotdesk.sip.testing.Peers;
import org.hotdesk.store.testing.TestHotdesk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIPp (Debian sip-tester) drives the flows a phone fleet does: digest registrations, an OTP login. */
class SippTest extends SipTestBase {
    @TempDir
    Path dir;

    @Override
    SipConfig sipConfig() {
        return md5Only();
    }

    @Test
    void sippRegistersTwentyDeskAccountsWithDigestAuth() throws Exception {
        List<Device> desks = new ArrayList<>();
        StringBuilder csv = new StringBuilder("SEQUENTIAL\n");
        for (int i = 0; i < 20; i++) {
            Device d = hd.device(acme);
            desks.add(d);
            csv.append(d.sipUsername()).append(';').append(acme.domain()).append(";[authentication username=")
                    .append(d.sipUsername()).append(" password=").append(d.sipPassword()).append("]\n");
        }

        Result r = sipp("register.xml", csv.toString(), "-m", "20", "-r", "10");

        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("Successful call");
        for (Device d : desks) {
            assertThat(server.registrations().ofDevice(d.id())).as(d.sipUsername()).hasSize(1);
        }
    }

    @Test
    void sippRegistersOverTcpToo() throws Exception {
        Device d = hd.device(acme);
        String csv = "SEQUENTIAL\n" + d.sipUsername() + ";" + acme.domain() + ";[authentication username="
                + d.sipUsername() + " password=" + d.sipPassword() + "]\n";

        Result r = sipp("register.xml", csv, "-m", "1", "-t", "t1");

        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(server.registrations().ofDevice(d.id())).singleElement()
                .satisfies(b -> assertThat(b.transport()).isEqualTo("tcp"));
    }

    @Test
    void sippLogsAUserInWithAnOtp() throws Exception {
        User alice = hd.user(acme, "1001", "1357");
        Device desk = hd.device(acme);
        String otp = core().otps().generate(acme.id(), alice.id(), TestHotdesk.ADMIN).code();
        String csv = "SEQUENTIAL\n" + desk.sipUsername() + ";" + acme.domain() + ";[authentication username="
                + desk.sipUsername() + " password=" + desk.sipPassword() + "];" + otp + "\n";

        Result r = sipp("otp-login.xml", csv, "-m", "1", "-aa");

        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(core().sessions().openSessionOf(desk.id())).map(Session::userId).contains(alice.id());
    }

    @Test
    void sippKeysAPinFromItsDtmfRecordingsIntoTheVoiceMenu() throws Exception {
        User alice = hd.user(acme, "1001", "1357");
        Device desk = hd.device(acme);
        String csv = "SEQUENTIAL\n" + desk.sipUsername() + ";" + acme.domain() + ";[authentication username="
                + desk.sipUsername() + " password=" + desk.sipPassword() + "];1001\n";

        Result r = sipp("ivr-pin-login.xml", csv, "-m", "1", "-mi", "127.0.0.1", "-mp", String.valueOf(freePort()));

        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(core().sessions().openSessionOf(desk.id())).map(Session::userId).contains(alice.id());
    }

    record Result(int exitCode, String output) {
    }

    private Result sipp(String scenario, String injection, String... extra) throws IOException, InterruptedException {
        Path sipp = Peers.require("sipp", "sip-tester");
        Path xml = dir.resolve(scenario);
        try (InputStream in = getClass().getResourceAsStream("/sipp/" + scenario)) {
            Files.write(xml, in.readAllBytes());
        }
        Path csv = dir.resolve("accounts.csv");
        Files.writeString(csv, injection);
        List<String> command = new ArrayList<>(List.of(sipp.toString(), "127.0.0.1:" + server.port(),
                "-sf", xml.toString(), "-inf", csv.toString(), "-i", "127.0.0.1", "-p", String.valueOf(freePort()),
                "-timeout", "30", "-nostdin", "-trace_err", "-error_file", dir.resolve("errors.log").toString()));
        command.addAll(List.of(extra));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        String errors = Files.exists(dir.resolve("errors.log")) ? Files.readString(dir.resolve("errors.log")) : "";
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8) + "\n" + errors);
    }

    /** A local port free on UDP and TCP both: SIPp binds its transport's socket to it. */
    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                 java.net.ServerSocket tcp = new java.net.ServerSocket()) {
                tcp.bind(new InetSocketAddress("127.0.0.1", udp.getLocalPort()));
                return udp.getLocalPort();
            } catch (IOException taken) {
                // in use on TCP: another
            }
        }
        throw new IOException("no port free on both UDP and TCP");
    }
}
