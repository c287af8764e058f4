package org.hotdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real softphone (baresip from Debian) set up with a demo device account from {@code serve --demo}:
 * it registers, dials the one-time code an admin generated, and the user is then logged in on that desk; once
 * over UDP, once over TLS (baresip does not check the self-signed demo certificate).
 */
class BaresipIT {
    @TempDir
    Path dir;

    @Test
    void baresipRegistersWithADemoDeskAndLogsInByOtp() throws Exception {
        registerAndLogInByOtp("udp");
    }

    @Test
    void theSameOverTlsWithTheDemoCertificate() throws Exception {
        String printed = registerAndLogInByOtp("tls");
        assertThat(printed).as(printed).contains("/TLS/");
    }

    /**
     * The phone-key method with a real UA: the desk's own account registers, then a phone at the same address
     * registers as 1001 with Alice's PIN as its password (what a Yealink hot-desk key does). No trusted networks are set in
     * the demo tenant, so this works only because the desk's own account is registered from that address.
     */
    @Test
    void baresipLogsInWithExtensionAndPinAsItsSipAccountAndOutWhenItUnregisters() throws Exception {
        Path baresip = requireBaresip();
        Files.createDirectories(dir.resolve("server"));
        try (DemoServerProcess server = DemoServerProcess.start(dir.resolve("server"))) {
            String[] desk = server.deviceLine("hd001565de0001");
            Path deskConfig = baresipConfig("desk");
            Files.writeString(deskConfig.resolve("accounts"), "<sip:hd001565de0001@127.0.0.1:" + server.sipPort
                    + ";transport=udp>;auth_pass=" + desk[desk.length - 1] + ";regint=300\n");
            Process deskAccount = new ProcessBuilder(baresip.toString(), "-f", deskConfig.toString(), "-t", "25")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("desk.log").toFile()).start();
            String deskRow = "";
            for (int i = 0; i < 20 && !deskRow.contains("127.0.0.1:"); i++) {
                Thread.sleep(500);
                deskRow = server.cli("devices", "list", "-t", "demo.hotdesk.test").lines()
                        .filter(l -> l.contains("hd001565de0001")).findFirst().orElse("");
            }
            assertThat(deskRow).as("the desk's own account registered").contains("127.0.0.1:");

            Path keyConfig = baresipConfig("hotdesk-key");
            Files.writeString(keyConfig.resolve("accounts"), "<sip:1001@demo.hotdesk.test;transport=udp>;auth_pass=1357;"
                    + "outbound=\"sip:127.0.0.1:" + server.sipPort + "\";regint=300\n");
            Process phone = new ProcessBuilder(baresip.toString(), "-f", keyConfig.toString(), "-t", "8")
                    .redirectErrorStream(true).start();
            String open = "";
            for (int i = 0; i < 16 && !open.contains("PHONE_KEY"); i++) {
                Thread.sleep(500);
                open = server.cli("sessions", "list", "-t", "demo.hotdesk.test");
            }
            String printed = new String(phone.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(phone.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(printed).as(printed).contains("1001@demo.hotdesk.test: {0/UDP/v4} 200 OK");
            assertThat(open).as(printed).contains("001565de0001").contains("1001").contains("PHONE_KEY");
            assertThat(server.cli("sessions", "list", "-t", "demo.hotdesk.test")).as("logged out by the un-REGISTER")
                    .doesNotContain("PHONE_KEY");
            assertThat(server.cli("sessions", "list", "--history", "-t", "demo.hotdesk.test"))
                    .contains("PHONE_KEY").contains("USER");
            deskAccount.destroy();
            deskAccount.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * The on-site alert end to end: the running server's delivery loop POSTs the call to the tenant's webhook,
     * even though this tenant has no emergency gateway (the call itself gets 503, the alert goes out anyway).
     */
    @Test
    void anEmergencyCallFromADemoDeskReachesTheOnSiteAlertWebhook() throws Exception {
        Path baresip = requireBaresip();
        java.util.concurrent.BlockingQueue<String> alerts = new java.util.concurrent.LinkedBlockingQueue<>();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/alerts", exchange -> {
            alerts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        Files.createDirectories(dir.resolve("server"));
        try (DemoServerProcess server = DemoServerProcess.start(dir.resolve("server"))) {
            server.cli("tenants", "set", "demo.hotdesk.test", "--emergency-alert-url",
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/alerts");
            String[] desk = server.deviceLine("hd001565de0001");
            Path config = baresipConfig();
            Files.writeString(config.resolve("accounts"), "<sip:hd001565de0001@127.0.0.1:" + server.sipPort
                    + ";transport=udp>;auth_pass=" + desk[desk.length - 1] + ";regint=300\n");

            Process phone = new ProcessBuilder(baresip.toString(), "-f", config.toString(), "-e", "/dial 911", "-t", "8")
                    .redirectErrorStream(true).start();
            String printed = new String(phone.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(phone.waitFor(30, TimeUnit.SECONDS)).isTrue();

            String alert = alerts.poll(15, TimeUnit.SECONDS);
            assertThat(alert).as(printed).isNotNull();
            assertThat(alert).contains("\"dialled\":\"911\"", "\"mac\":\"001565de0001\"", "\"street\":\"Market Street\"",
                    "\"callbackNumber\":\"+14155550100\"", "\"dispatchable\":true");
            assertThat(server.cli("emergency", "-t", "demo.hotdesk.test")).contains("911", "delivered");
        } finally {
            receiver.stop(0);
        }
    }

    private Path requireBaresip() {
        Path baresip = Path.of("/usr/bin/baresip");
        if (!Files.isExecutable(baresip) && "1".equals(System.getenv("HOTDESK_TEST_REQUIRE_PEERS"))) {
            throw new AssertionError("baresip is missing: apt-get install baresip-core");
        }
        assumeTrue(Files.isExecutable(baresip), "baresip not installed (apt-get install baresip-core)");
        return baresip;
    }

    private Path baresipConfig() throws java.io.IOException {
        return baresipConfig("baresip");
    }

    private Path baresipConfig(String name) throws java.io.IOException {
        Path config = Files.createDirectories(dir.resolve(name));
        Files.writeString(config.resolve("config"), String.join("\n",
                "sip_listen 127.0.0.1:" + freePort(),
                "audio_player aufile,/dev/null",
                "audio_source ausine,440",
                "audio_alert aufile,/dev/null",
                "module_path /usr/lib/baresip/modules",
                "module stdio.so", "module g711.so", "module aufile.so", "module ausine.so",
                "module_app account.so", "module_app menu.so", ""));
        return config;
    }

    private String registerAndLogInByOtp(String transport) throws Exception {
        Path baresip = requireBaresip();
        Files.createDirectories(dir.resolve("server"));
        try (DemoServerProcess server = DemoServerProcess.start(dir.resolve("server"))) {
            String[] desk = server.deviceLine("hd001565de0001");
            String password = desk[desk.length - 1];
            String otp = server.cli("otp", "-t", "demo.hotdesk.test", "--extension", "1001").lines()
                    .filter(l -> l.matches("[0-9]{6}")).findFirst().orElseThrow();

            Path config = baresipConfig();
            int port = transport.equals("tls") ? server.sipTlsPort : server.sipPort;
            Files.writeString(config.resolve("accounts"), "<sip:hd001565de0001@127.0.0.1:" + port
                    + ";transport=" + transport + ">;auth_pass=" + password + ";regint=300\n");

            Process phone = new ProcessBuilder(baresip.toString(), "-f", config.toString(),
                    "-e", "/dial 00*" + otp + "%23", "-t", "12")
                    .redirectErrorStream(true).start();
            String printed = new String(phone.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(phone.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(printed).as(printed).contains("200 OK");
            assertThat(server.cli("sessions", "list", "-t", "demo.hotdesk.test"))
                    .as(printed).contains("001565de0001").contains("1001").contains("OTP");
            return printed;
        }
    }

    /** baresip needs a fixed port to listen on (0 leaves it without a transport). */
    private static int freePort() throws java.io.IOException {
        try (java.net.DatagramSocket udp = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress());
             java.net.ServerSocket tcp = new java.net.ServerSocket(udp.getLocalPort(), 1, java.net.InetAddress.getLoopbackAddress())) {
            return udp.getLocalPort();
        }
    }
}
