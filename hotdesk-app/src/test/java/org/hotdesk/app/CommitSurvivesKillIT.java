package org.hotdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the embedded database committed is there after a {@code kill -9}, however soon the kill follows: H2 kept
 * commits in memory for up to half a second (its WRITE_DELAY), so a session opened 0.3 s before the kill was gone,
 * not even in the history. The server process is killed the moment the API has answered.
 */
class CommitSurvivesKillIT {
    @TempDir
    Path dir;

    @Test
    void aSessionOpenedJustBeforeKillNineIsThereAfterTheRestart() throws Exception {
        DemoServerProcess first = DemoServerProcess.start(dir);
        String token = first.adminToken();
        long tenant;
        long device;
        long user;
        try {
            AdminApi api = new AdminApi(first.httpPort, token);
            tenant = api.get("/tenants").get(0).get("id").asLong();
            // a desk and a person of its own: nothing of the demo's data can already show what is looked for
            device = api.post("/tenants/" + tenant + "/devices", Map.of("mac", "00:15:65:dd:00:01", "name", "Kill desk",
                    "vendor", "yealink")).get("id").asLong();
            user = api.post("/tenants/" + tenant + "/users", Map.of("extension", "4711", "name", "Kim Kill",
                    "pin", "2580", "hotDesk", true)).get("id").asLong();
            api.put("/tenants/" + tenant + "/devices/" + device + "/session", Map.of("userId", user));
            // at once: the commit is the API's answer, and nothing after it may be needed to keep it
            first.process.destroyForcibly();
            assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            if (first.process.isAlive()) first.process.destroyForcibly();
        }

        try (DemoServerProcess second = DemoServerProcess.start(dir)) {
            AdminApi restarted = new AdminApi(second.httpPort, token);
            JsonNode open = restarted.get("/tenants/" + tenant + "/sessions");
            assertThat(open.findValues("deviceId")).as("open sessions after the restart: %s", open)
                    .anyMatch(id -> id.asLong() == device);
            JsonNode audit = restarted.get("/tenants/" + tenant + "/audit");
            assertThat(audit.toString()).as("the session's audit row").contains("session.started");
        }
    }
}
