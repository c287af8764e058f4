package org.hotdesk.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
import org.hotdesk.store.testing.TestHotdesk;
import org.hotdesk.web.testing.WebTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live view's JSON, as the page's script polls it: ETag and 304, and the console's tenant checks. */
class LiveFeedHttpTest {
    WebTestServer server;
    BusyMorning office;

    @BeforeEach
    void start() {
        server = new WebTestServer();
        office = new BusyMorning(server.hotdesk());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void nothingNewIs304AndALoginChangesTheETag() throws Exception {
        login(office.desk("Reception"), office.person("Hannah Klein"));
        HttpClient admin = consoleAs(office.tenant, "Facilities desk");

        HttpResponse<String> first = get(admin, null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/json"));
        assertThat(first.body()).contains("\"person\":\"Hannah Klein\"", "\"desk\":\"Reception\"", "\"loggedIn\":1");
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> same = get(admin, etag);
        assertThat(same.statusCode()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        assertThat(same.headers().firstValue("ETag")).hasValue(etag);

        login(office.desk("Desk 2.14 – Window"), office.person("Alice Schneider"));
        HttpResponse<String> changed = get(admin, etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        assertThat(changed.body()).contains("Alice Schneider", "Hannah Klein", "\"loggedIn\":2");
    }

    @Test
    void anotherTenantsAdminGets403AndNoSessionGets401() throws Exception {
        login(office.desk("Reception"), office.person("Hannah Klein"));
        Tenant other = server.hotdesk().tenant("elsewhere.example");
        HttpResponse<String> foreign = get(consoleAs(other, "Other admin"), null);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("\"error\"").doesNotContain("Hannah Klein");

        HttpClient nobody = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> signedOut = get(nobody, null);
        assertThat(signedOut.statusCode()).as("a script cannot follow a sign-in page").isEqualTo(401);
        assertThat(signedOut.body()).doesNotContain("Hannah Klein");
    }

    private void login(Device desk, User user) {
        server.core().logins().login(desk.id(), new Credentials.Assigned(user.id(), LoginMethod.ADMIN),
                TestHotdesk.ADMIN);
    }

    private HttpResponse<String> get(HttpClient client, String etag) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/console/tenants/"
                + office.tenant.id() + "/live.json"));
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A cookie jar signed in to the console with a fresh admin token of {@code tenant}. */
    private HttpClient consoleAs(Tenant tenant, String name) throws IOException, InterruptedException {
        String token = server.core().access().issueTenantAdminToken(tenant.id(), name, TestHotdesk.ADMIN).secret();
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> signIn = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(303);
        return client;
    }
}
