package org.hotdesk.web.console.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.resync.ResyncAttempt;
import org.hotdesk.core.resync.ResyncOutcome;
import org.hotdesk.core.resync.ResyncPolicy;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.web.testing.WebTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A desk's page says how its last re-sync NOTIFY went, over plain HTTP with a signed-in admin's cookie. */
class DeskResyncConsoleHttpTest {
    WebTestServer server;
    HttpClient browser;
    Tenant acme;

    @BeforeEach
    void signIn() throws Exception {
        server = new WebTestServer();
        acme = server.hotdesk().tenant("acme.example");
        browser = server.signedInConsoleClient();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    String deskPage(Device device) throws Exception {
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/console/tenants/"
                + acme.id() + "/devices/" + device.id())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    /** "11:02:03" in the tenant's time zone, as the page writes it. */
    String clock(Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
                .format(at.atZone(acme.settings().timeZone()));
    }

    @Test
    void theDesksPageSaysWhetherItsLastReSyncWasAnsweredOrWhyItFailed() throws Exception {
        Device desk = server.hotdesk().device(acme);
        assertThat(deskPage(desk)).contains("Last re-sync: <span class=\"muted\">none since the server started</span>");
        Instant at = server.hotdesk().clock().instant();
        ResyncAttempt first = ResyncAttempt.first("check-sync;reboot=false", "sip:hd@192.0.2.7:5062");

        server.resyncs().record(desk.id(), ResyncPolicy.DEFAULT.answered(first, 200, "OK", at));

        assertThat(deskPage(desk)).containsPattern("Last re-sync: <span class=\"badge ok\">answered</span>\\s*200 OK at "
                + clock(at) + " <span class=\"muted\">\\(check-sync;reboot=false to sip:hd@192.0.2.7:5062\\)</span>");

        ResyncAttempt last = new ResyncAttempt(first.event(), first.contact(), 4);
        server.resyncs().record(desk.id(), ResyncPolicy.DEFAULT.unanswered(last, at));

        assertThat(deskPage(desk)).containsPattern("Last re-sync: <span class=\"badge bad\">failed</span>\\s*"
                + "no answer after 4 attempts at " + clock(at));

        server.resyncs().record(desk.id(), ResyncPolicy.DEFAULT.answered(first, 503, "Service Unavailable", at));

        assertThat(deskPage(desk)).containsPattern("<span class=\"badge warn\">retrying</span>\\s*503 Service Unavailable at "
                + clock(at) + "; attempt 2 at " + clock(at.plusSeconds(2)));

        server.resyncs().record(desk.id(), ResyncOutcome.notRegistered(at));

        assertThat(deskPage(desk)).containsPattern("<span class=\"badge warn\">not sent</span>\\s*not registered at "
                + clock(at));
    }
}
