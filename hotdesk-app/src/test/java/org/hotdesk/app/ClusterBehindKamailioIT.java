package org.hotdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.hotdesk.sip.testing.SipMessage;
import org.hotdesk.sip.testing.TestPhone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment of issue 19, for real on loopback: Debian's Kamailio with {@code deploy/kamailio/kamailio.cfg} in
 * front of two hotdesk nodes ({@code bin/hotdesk serve} processes) on one PostgreSQL. Desks register through the
 * edge, which hashes each phone to one node; what a node does for a desk registered through the other (a login's
 * re-sync NOTIFY, a call to it) must still reach the phone, through the edge that holds its Path.
 */
class ClusterBehindKamailioIT {
    static final String TOKEN = "cluster-admin-token-0123456789abcdef";
    static final String DOMAIN = "cluster.hotdesk.test";
    static final String UA = "Yealink SIP-T54W 96.86.0.100";

    @TempDir
    Path dir;

    String pgUrl;
    String schema;
    String url;
    Process edge;
    int edgePort;
    final List<ClusterNode> nodes = new ArrayList<>();
    final List<TestPhone> phones = new ArrayList<>();
    final List<String> edgeOutput = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void cluster() throws Exception {
        pgUrl = requirePostgres();
        Path kamailio = requireKamailio();
        schema = "cluster" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        sql(pgUrl, "CREATE SCHEMA " + schema);
        url = pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;

        int[] sip = {freePort(), freePort()};
        int[] http = {freePort(), freePort()};
        edgePort = freePort();
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            Path nodeDir = Files.createDirectories(dir.resolve("node" + i));
            // one after the other: the first brings the schema up to date
            nodes.add(ClusterNode.start(i == 0 ? "A" : "B", nodeDir, url, sip[i], http[i], TOKEN, edgePort));
            list.append("1 sip:127.0.0.1:").append(sip[i]).append('\n');
        }
        Path nodesFile = Files.writeString(dir.resolve("nodes.list"), list);
        Path cfg = DemoServerProcess.checkout().resolve("deploy/kamailio/kamailio.cfg");
        edge = new ProcessBuilder(kamailio.toString(), "-DD", "-E", "-f", cfg.toString(), "-m", "64", "-M", "8",
                "-x", "tlsf", "-X", "tlsf", "-A", "EDGE_PORT=" + edgePort, "-A", "NODES_FILE=\"" + nodesFile + "\"",
                "-A", "CTL_SOCKET=\"unix:" + dir.resolve("kamailio_ctl") + "\"", "-Y", dir.toString(),
                // every test phone shares 127.0.0.1: the edge's per-address flood limit is an office's, not this
                "-A", "PIKE_DENSITY=5000")
                .redirectErrorStream(true).start();
        Thread drain = new Thread(() -> {
            try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(edge.getInputStream()))) {
                r.lines().forEach(edgeOutput::add);
            } catch (IOException ignored) {
                // gone
            }
        });
        drain.setDaemon(true);
        drain.start();
        awaitEdge();
    }

    /** Until the edge relays an OPTIONS to a node and brings back its answer. */
    private void awaitEdge() throws Exception {
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            probe.setSoTimeout(300);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            for (int i = 0; System.nanoTime() < until; i++) {
                assertThat(edge.isAlive()).as("Kamailio runs:\n%s", String.join("\n", edgeOutput)).isTrue();
                String options = "OPTIONS sip:probe@" + DOMAIN + " SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + probe.getLocalPort()
                        + ";branch=z9hG4bKprobe" + i + "\r\nFrom: <sip:probe@" + DOMAIN + ">;tag=p" + i + "\r\nTo: <sip:probe@"
                        + DOMAIN + ">\r\nCall-ID: probe" + i + "\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
                byte[] bytes = options.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                probe.send(new java.net.DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), edgePort));
                try {
                    java.net.DatagramPacket answer = new java.net.DatagramPacket(new byte[4096], 4096);
                    probe.receive(answer);
                    if (new String(answer.getData(), 0, answer.getLength(), java.nio.charset.StandardCharsets.US_ASCII)
                            .startsWith("SIP/2.0 ")) return;
                } catch (java.net.SocketTimeoutException notYet) {
                    // again
                }
            }
        }
        throw new AssertionError("the edge never answered:\n" + logs());
    }

    @AfterEach
    void tearDown() throws Exception {
        // every process's output, for whoever reads a failure (target/cluster-it.log)
        Files.writeString(DemoServerProcess.checkout().resolve("hotdesk-app/target/cluster-it.log"), logs());
        phones.forEach(TestPhone::close);
        if (edge != null) {
            edge.destroy();
            edge.waitFor(10, TimeUnit.SECONDS);
        }
        for (ClusterNode n : nodes) n.close();
        if (schema != null) sql(pgUrl, "DROP SCHEMA " + schema + " CASCADE");
    }

    @Test
    void desksRegisterThroughTheEdgeAndWhatOneNodeDoesReachesADeskRegisteredThroughTheOther() throws Exception {
        String status = ClusterNode.admin(dir, url, "cluster", "status");
        assertThat(status).as("bin/hotdesk cluster status").containsPattern("(?m)^A +LIVE +127\\.0\\.0\\.1:" + nodes.get(0).sipPort)
                .containsPattern("(?m)^B +LIVE +127\\.0\\.0\\.1:" + nodes.get(1).sipPort).contains("2 of 2 nodes live");
        AdminApi api = new AdminApi(nodes.get(0).httpPort, TOKEN);
        JsonNode cluster = api.post("/tenants", Map.of("name", "Cluster", "domain", DOMAIN));
        long tenant = cluster.get("id").asLong();
        String provisioning = cluster.get("provisioningUrl").asText();
        long alice = api.post("/tenants/" + tenant + "/users", Map.of("extension", "1001", "name", "Alice",
                "pin", "1357", "hotDesk", true)).get("id").asLong();
        long bob = api.post("/tenants/" + tenant + "/users", Map.of("extension", "1002", "name", "Bob",
                "pin", "2468", "hotDesk", true)).get("id").asLong();

        // desks register through the edge until each node holds at least one (the edge hashes each phone to a node)
        Map<Integer, List<Desk>> byNode = new HashMap<>();
        for (int i = 0; i < 16 && (byNode.get(0) == null || byNode.get(1) == null); i++) {
            JsonNode created = api.post("/tenants/" + tenant + "/devices", Map.of("mac", String.format("00:15:65:c1:00:%02x", i),
                    "name", "Desk " + i, "vendor", "yealink"));
            TestPhone phone = new TestPhone("127.0.0.1", edgePort, created.get("sipUsername").asText(),
                    created.get("sipPassword").asText(), DOMAIN, UA);
            phones.add(phone);
            double[] before = {nodes.get(0).registrationsAccepted(), nodes.get(1).registrationsAccepted()};
            SipMessage ok = phone.register(300);
            assertThat(ok.status()).as("desk %d registers through the edge:\n%s", i, logs()).isEqualTo(200);
            assertThat(ok.headers("Path")).as("the edge put itself in the path (RFC 3327)").singleElement()
                    .satisfies(p -> assertThat(p).contains("127.0.0.1:" + edgePort).contains("received="));
            int node = nodes.get(0).registrationsAccepted() > before[0] ? 0 : 1;
            assertThat(nodes.get(node).registrationsAccepted()).isGreaterThan(before[node]);
            byNode.computeIfAbsent(node, n -> new ArrayList<>()).add(new Desk(created.get("id").asLong(),
                    created.get("sipUsername").asText(), created.get("sipPassword").asText(), phone));
        }
        assertThat(byNode).as("desks landed on both nodes").containsKeys(0, 1);
        // the configuration a desk fetches names the edge, not a node, and is the same from either node
        String fromA = httpGet(provisioning + "001565c10000.cfg");
        String fromB = httpGet(provisioning.replace(":" + nodes.get(0).httpPort + "/", ":" + nodes.get(1).httpPort + "/")
                + "001565c10000.cfg");
        assertThat(fromA).contains("sip_server.1.port = " + edgePort).contains("outbound_proxy.1.port = " + edgePort);
        assertThat(fromB).isEqualTo(fromA);
        Desk onB = byNode.get(1).get(0);
        Desk onA = byNode.get(0).get(0);

        // an OTP login handled by node A for the desk registered through node B (its INVITE reached A, as after a
        // failover): A finds B's binding and sends the re-sync NOTIFY through the edge to the phone
        String otp = api.post("/tenants/" + tenant + "/users/" + alice + "/otp", Map.of()).get("code").asText();
        try (TestPhone atNodeA = new TestPhone("127.0.0.1", nodes.get(0).sipPort, onB.username, onB.password, DOMAIN, UA)) {
            TestPhone.Call login = atNodeA.dial("00*" + otp + "%23");
            assertThat(login.status()).as("OTP login on node A:\n%s", logs()).isEqualTo(200);
            atNodeA.ack(login.inviteText(), login.finalResponse());
            SipMessage notify = onB.phone.awaitRequest("NOTIFY", Duration.ofSeconds(10));
            assertThat(notify.header("Event")).startsWith("check-sync");
            assertThat(notify.headers("Via").get(0)).as("came through the edge").contains("127.0.0.1:" + edgePort);
            onB.phone.reply(notify, 200, "OK");
        }
        JsonNode session = new AdminApi(nodes.get(1).httpPort, TOKEN).get("/tenants/" + tenant + "/devices/" + onB.id);
        assertThat(session.toString()).as("node B sees the session").contains("\"userId\":" + alice);

        // Bob at the desk registered through A calls Alice's extension: her desk, registered through B, rings
        api.put("/tenants/" + tenant + "/devices/" + onA.id + "/session", Map.of("userId", bob));
        onA.phone.reply(onA.phone.awaitRequest("NOTIFY", Duration.ofSeconds(10)), 200, "OK");
        Thread answerer = new Thread(() -> {
            SipMessage invite = onB.phone.awaitRequest("INVITE", Duration.ofSeconds(15));
            onB.phone.reply(invite, 180, "Ringing", TestPhone.tag(), "", "");
            onB.phone.reply(invite, 200, "OK", TestPhone.tag(), "Contact: <" + onB.phone.contact() + ">\r\n", "");
        });
        answerer.start();
        TestPhone.Call call = onA.phone.dial("1001");
        answerer.join(20_000);
        assertThat(call.status()).as("Bob's call to 1001 through node A, answered at the desk on node B:\n%s", logs())
                .isEqualTo(200);
        onA.phone.ack(call.inviteText(), call.finalResponse());
        onA.phone.hangUp(call);
    }

    @Test
    void killingANodeInTheMiddleOfALoginStormLosesNoSessionNoBindingAndNoTimer() throws Exception {
        AdminApi api = new AdminApi(nodes.get(0).httpPort, TOKEN);
        long tenant = api.post("/tenants", Map.of("name", "Storm", "domain", DOMAIN)).get("id").asLong();
        int desks = 24;
        List<Desk> all = new ArrayList<>();
        List<Long> users = new ArrayList<>();
        int onB = 0;
        for (int i = 0; i < desks; i++) {
            users.add(api.post("/tenants/" + tenant + "/users", Map.of("extension", String.valueOf(2000 + i),
                    "name", "Person " + i, "pin", String.format("%04d", 1357 + i * 2), "hotDesk", true)).get("id").asLong());
            JsonNode created = api.post("/tenants/" + tenant + "/devices", Map.of("mac", String.format("00:15:65:c2:00:%02x", i),
                    "name", "Storm desk " + i, "vendor", "yealink"));
            TestPhone phone = new TestPhone("127.0.0.1", edgePort, created.get("sipUsername").asText(),
                    created.get("sipPassword").asText(), DOMAIN, UA);
            phones.add(phone);
            double before = nodes.get(1).registrationsAccepted();
            assertThat(phone.register(300).status()).as("desk %d registers through the edge", i).isEqualTo(200);
            if (nodes.get(1).registrationsAccepted() > before) onB++;
            all.add(new Desk(created.get("id").asLong(), created.get("sipUsername").asText(),
                    created.get("sipPassword").asText(), phone));
        }
        assertThat(onB).as("some desks registered through node B, the one to be killed").isBetween(1, desks - 1);
        Thread.sleep(2 * CrashRecoveryIT.LOSS_WINDOW.toMillis()); // every binding written and announced

        // the storm: one OTP login per desk, one every 100 ms through the edge; node B dies in the middle of it
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < desks; i++) {
            codes.add(api.post("/tenants/" + tenant + "/users/" + users.get(i) + "/otp", Map.of()).get("code").asText());
        }
        Map<Integer, Integer> firstAnswer = new java.util.concurrent.ConcurrentHashMap<>();
        List<Thread> storm = new ArrayList<>();
        for (int i = 0; i < desks; i++) {
            int desk = i;
            Thread t = new Thread(() -> firstAnswer.put(desk, logIn(all.get(desk).phone, codes.get(desk))));
            storm.add(t);
            t.start();
            if (i == desks / 2) nodes.get(1).kill();
            Thread.sleep(100);
        }
        for (Thread t : storm) t.join(30_000);
        assertThat(firstAnswer).hasSize(desks);
        System.out.println("storm: " + onB + " of " + desks + " desks registered through B; first answers " + firstAnswer);

        // every desk keeps working through node A: a login that got no answer (its node died) is tried again with a
        // new code, and the desk registers again
        for (int i = 0; i < desks; i++) {
            assertThat(all.get(i).phone.register(300).status()).as("desk %d registers again after the kill", i).isEqualTo(200);
            if (firstAnswer.get(i) != 200) {
                String code = api.post("/tenants/" + tenant + "/users/" + users.get(i) + "/otp", Map.of()).get("code").asText();
                assertThat(logIn(all.get(i).phone, code)).as("desk %d logs in through the surviving node:\n%s", i, logs())
                        .isEqualTo(200);
            }
        }
        // no session lost, none split: each person is logged in once, at their desk (answered by A or by B)
        JsonNode open = api.get("/tenants/" + tenant + "/sessions");
        for (int i = 0; i < desks; i++) {
            long user = users.get(i);
            long desk = all.get(i).id();
            List<JsonNode> theirs = new ArrayList<>();
            open.forEach(s -> { if (s.get("userId").asLong() == user) theirs.add(s); });
            assertThat(theirs).as("person %d (first answer %d)", i, firstAnswer.get(i)).singleElement()
                    .satisfies(s -> assertThat(s.get("deviceId").asLong()).isEqualTo(desk));
        }
        // no binding lost: node A reaches every desk, including those registered through B before it died
        for (int i = 0; i < desks; i++) {
            api.post("/tenants/" + tenant + "/devices/" + all.get(i).id() + "/resync", Map.of());
        }
        // (arriving from now on: a NOTIFY received earlier proves nothing about A; node B is dead, so a NOTIFY
        // arriving now came from A)
        for (int i = 0; i < desks; i++) answerNotify(all.get(i).phone, true);
        // no timer lost: the idle logout (one minute) of every session, those opened by B too, fires on A
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (api.get("/tenants/" + tenant + "/sessions").size() > 0 && System.nanoTime() < until) Thread.sleep(1000);
        assertThat(api.get("/tenants/" + tenant + "/sessions")).as("every session ended by its timer").isEmpty();
        JsonNode ended = api.get("/tenants/" + tenant + "/sessions/history");
        for (int i = 0; i < desks; i++) {
            long user = users.get(i);
            List<String> reasons = new ArrayList<>();
            ended.forEach(s -> { if (s.get("userId").asLong() == user) reasons.add(s.get("endReason").asText()); });
            assertThat(reasons).as("person %d's session ended once, by the idle timer", i).singleElement()
                    .satisfies(r -> assertThat(r.toLowerCase()).contains("idle"));
        }
        // the admin sees which node is gone (its heartbeat stopped more than 15 s ago)
        assertThat(ClusterNode.admin(dir, url, "cluster", "status")).containsPattern("(?m)^A +LIVE ")
                .containsPattern("(?m)^B +GONE ").contains("1 of 2 nodes live");
    }

    @Test
    void aGuessingPhoneBehindTheEdgeIsBlockedOnEveryNodeAndThePhonesBesideItAreNot() throws Exception {
        AdminApi api = new AdminApi(nodes.get(0).httpPort, TOKEN);
        long tenant = api.post("/tenants", Map.of("name", "Guessed", "domain", DOMAIN)).get("id").asLong();
        JsonNode desk = api.post("/tenants/" + tenant + "/devices", Map.of("mac", "00:15:65:c3:00:01", "name", "Desk",
                "vendor", "yealink"));
        // a scanner behind the edge tries extensions that do not exist; the edge hashes each From to a node, so the
        // tries land on both, and neither alone sees the allowance (6 in this test) used up
        TestPhone scanner = new TestPhone("127.0.0.5", edgePort, "3000", "x", DOMAIN, "friendly-scanner");
        phones.add(scanner);
        for (int ext = 3000; ext < 3006; ext++) {
            String text = scanner.registerText("scan" + ext + "-" + UUID.randomUUID(), 300, null)
                    .replace("sip:3000@", "sip:" + ext + "@");
            assertThat(scanner.exchange(text).status()).as("probe of %d", ext).isEqualTo(401);
        }
        // both nodes hold the block: the one that counted the sixth failure and the one that was told
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until && (nodes.get(0).metric("hotdesk_source_blocked") < 1
                || nodes.get(1).metric("hotdesk_source_blocked") < 1)) {
            Thread.sleep(100);
        }
        assertThat(nodes.get(0).metric("hotdesk_source_blocked")).as("blocked on A:\n%s", logs()).isEqualTo(1);
        assertThat(nodes.get(1).metric("hotdesk_source_blocked")).as("blocked on B:\n%s", logs()).isEqualTo(1);
        assertThat(logs()).contains("source blocked address=127.0.0.5").doesNotContain("source blocked address=127.0.0.1 ");

        // whichever node a further probe reaches, it gets no answer: the edge gives up on both nodes and says 408
        for (int ext = 3010; ext < 3012; ext++) {
            String text = scanner.registerText("late" + ext + "-" + UUID.randomUUID(), 300, null)
                    .replace("sip:3000@", "sip:" + ext + "@");
            assertThat(scanner.exchange(text).status()).as("probe of %d after the block", ext).isEqualTo(408);
        }
        // the desk beside it, behind the same edge, registers as usual
        TestPhone phone = new TestPhone("127.0.0.1", edgePort, desk.get("sipUsername").asText(),
                desk.get("sipPassword").asText(), DOMAIN, UA);
        phones.add(phone);
        assertThat(phone.register(300).status()).as("a desk behind the same edge:\n%s", logs()).isEqualTo(200);
    }

    private static String httpGet(String url) throws IOException, InterruptedException {
        var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET %s", url).isEqualTo(200);
        return r.body();
    }

    /** Call-IDs of the NOTIFYs each phone has answered, so a retransmission is not taken for a new one. */
    private final Map<TestPhone, java.util.Set<String>> answered = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Dials the one-time code as the desk; on 200 acknowledges it and answers the re-sync NOTIFY and the BYE that
     * follow. Answers the final status, or 0 when none came (the node died under it).
     */
    private int logIn(TestPhone desk, String code) {
        TestPhone.Call call;
        try {
            call = desk.dial("00*" + code + "%23");
        } catch (AssertionError noAnswer) {
            return 0;
        }
        if (call.status() != 200) return call.status();
        desk.ack(call.inviteText(), call.finalResponse());
        try {
            answerNotify(desk, false);
            desk.reply(desk.await(m -> "BYE".equals(m.method()), Duration.ofSeconds(10), "the login call's BYE"), 200, "OK");
        } catch (AssertionError lateOrLost) {
            // the session is what counts; a NOTIFY or BYE lost with a dying node is checked elsewhere
        }
        return 200;
    }

    /** Waits for a NOTIFY this phone has not answered before (only one still to arrive if asked) and answers it 200. */
    private void answerNotify(TestPhone desk, boolean stillToArrive) {
        java.util.Set<String> seen = answered.computeIfAbsent(desk, d -> java.util.concurrent.ConcurrentHashMap.newKeySet());
        java.util.function.Predicate<SipMessage> fresh = m -> "NOTIFY".equals(m.method()) && !seen.contains(m.callId());
        SipMessage notify = stillToArrive ? desk.awaitNew(fresh, Duration.ofSeconds(10), "a new NOTIFY")
                : desk.await(fresh, Duration.ofSeconds(10), "a new NOTIFY");
        seen.add(notify.callId());
        desk.reply(notify, 200, "OK");
    }

    record Desk(long id, String username, String password, TestPhone phone) {
    }

    private String logs() {
        StringBuilder all = new StringBuilder();
        for (ClusterNode n : nodes) all.append(n.log()).append('\n');
        return all.append("--- edge ---\n").append(String.join("\n", edgeOutput)).toString();
    }

    private static int freePort() throws IOException {
        // free for TCP and for UDP: Kamailio and the nodes listen on both
        while (true) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                    return port;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
    }

    private static String requirePostgres() {
        String url = System.getenv("HOTDESK_TEST_PG_URL");
        boolean required = "1".equals(System.getenv("HOTDESK_TEST_REQUIRE_PEERS"));
        if ((url == null || url.isBlank()) && required) throw new AssertionError("HOTDESK_TEST_PG_URL is not set");
        assumeTrue(url != null && !url.isBlank(), "HOTDESK_TEST_PG_URL not set: the cluster needs PostgreSQL");
        return url;
    }

    private static Path requireKamailio() {
        Path kamailio = Path.of("/usr/sbin/kamailio");
        if (!Files.isExecutable(kamailio) && "1".equals(System.getenv("HOTDESK_TEST_REQUIRE_PEERS"))) {
            throw new AssertionError("Kamailio is missing: apt-get install kamailio");
        }
        assumeTrue(Files.isExecutable(kamailio), "Kamailio not installed (apt-get install kamailio)");
        return kamailio;
    }

    private static void sql(String url, String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
