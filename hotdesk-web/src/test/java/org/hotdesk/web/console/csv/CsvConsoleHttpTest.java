package org.hotdesk.web.console.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.web.testing.WebTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's CSV upload and download routes over plain HTTP with a signed-in admin's cookie. */
class CsvConsoleHttpTest {
    WebTestServer server;
    HttpClient browser;
    Tenant acme;
    String csrf;

    @BeforeEach
    void signIn() throws Exception {
        server = new WebTestServer();
        acme = server.hotdesk().tenant("acme.example");
        browser = server.signedInConsoleClient();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(tenantsPage());
        assertThat(m.find()).isTrue();
        csrf = m.group(1);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    String tenantsPage() throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/console/tenants")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    HttpResponse<String> upload(String path, String token, String fileName, String csv) throws Exception {
        String boundary = "----hotdesk" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return browser.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/console/tenants/" + acme.id() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anUploadedFileIsImportedAndTheNextPageSaysWhat() throws Exception {
        HttpResponse<String> ok = upload("/devices/import", csrf, "devices.csv",
                "mac,name\r\n00:15:65:00:00:01,Desk 1\r\n00:15:65:00:00:02,Desk 2\r\n");
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(ok.headers().firstValue("Location")).contains("/console/tenants/" + acme.id() + "/devices");
        assertThat(tenantsPage()).contains("Imported devices.csv: 2 added, 0 updated.");
        assertThat(server.core().devices().list(acme.id())).hasSize(2);

        HttpResponse<String> bad = upload("/users/import", csrf, "staff.csv", "extension,name,pin\n1001,Ann,2581\nabc,Bob,2581\n");
        assertThat(bad.headers().firstValue("Location")).contains("/console/tenants/" + acme.id() + "/users");
        // the layout shows the first line as the message and each bad line as an item of a list
        assertThat(tenantsPage()).contains("staff.csv was rejected, nothing was imported:")
                .containsPattern("<li>Line 3: extension must be 2 to 15 digits[^<]*</li>");
        assertThat(server.core().users().list(acme.id())).isEmpty();
    }

    @Test
    void anUploadWithoutTheFormTokenIsRefused() throws Exception {
        HttpResponse<String> forged = upload("/devices/import", "forged", "devices.csv", "mac\n001565000001\n");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(server.core().devices().list(acme.id())).isEmpty();
    }

    @Test
    void downloadsAreTheApisFiles() throws Exception {
        server.hotdesk().device(acme);
        HttpResponse<String> file = browser.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/console/tenants/"
                + acme.id() + "/export/devices.csv")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"acme.example-devices.csv\"");
        assertThat(file.body()).startsWith("mac,name,vendor").contains("00:15:65:00:00:01");
    }
}
