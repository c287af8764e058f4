package org.hotdesk.web.self;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.login.LoginResult;
import org.hotdesk.core.policy.OtpPolicy;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.tenant.FeatureCodes;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.tenant.TenantSettings;
import org.hotdesk.core.user.User;
import org.hotdesk.store.testing.TestHotdesk;
import org.hotdesk.web.testing.WebTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The self-service page's answers over real HTTP: statuses, guards and headers a browser does not show. */
class SelfServiceHttpTest {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    WebTestServer server;
    Tenant acme;
    User anna;
    final HttpClient http = HttpClient.newHttpClient(); // follows no redirects: we look at them

    @BeforeEach
    void start() {
        server = new WebTestServer();
        acme = server.hotdesk().tenant("acme.example");
        anna = server.hotdesk().user(acme, "201", "4711");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void withoutASessionMeSendsTheBrowserToSignIn() {
        HttpResponse<String> me = get("/me", null);
        assertThat(me.statusCode()).isEqualTo(303);
        assertThat(me.headers().firstValue("Location")).hasValue("/me/login");
        assertThat(post("/me/otp", null, Map.of()).statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongPinIs401AndAnAddressThatKeepsGuessingGets429() {
        HttpResponse<String> wrong = post("/me/login", null, Map.of("tenant", "acme.example", "extension", "201",
                "pin", "9402"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Wrong extension or PIN").doesNotContain("9402");
        for (int i = 0; i < 25 && !server.guard().isBlocked("127.0.0.1"); i++) {
            post("/me/login", null, Map.of("tenant", "acme.example", "extension", "299", "pin", "9402"));
        }
        assertThat(server.guard().isBlocked("127.0.0.1")).as("the failures were counted per address").isTrue();
        HttpResponse<String> right = post("/me/login", null, Map.of("tenant", "acme.example", "extension", "201",
                "pin", "4711"));
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void theCodeIsShownOnceAndNeverCached() {
        String cookie = signIn("201", "4711");
        String csrf = csrf(get("/me", cookie).body());
        HttpResponse<String> otp = post("/me/otp", cookie, Map.of("_csrf", csrf));
        assertThat(otp.statusCode()).isEqualTo(200);
        assertThat(otp.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(otp.body()).contains("data-seconds-left=\"120\"", "data-lifetime=\"120\"");

        assertThat(get("/me", cookie).body()).doesNotContain("class=\"otp\"");
        assertThat(get("/me/otp", cookie).headers().firstValue("Location")).hasValue("/me");
    }

    @Test
    void theCodesLifetimeAndDialStringComeFromTheTenantsSettings() {
        TenantSettings s = acme.settings();
        server.core().tenants().updateSettings(acme.id(), new TenantSettings(s.sessionPolicy(), s.multipleLogin(),
                s.lockout(), new OtpPolicy(6, Duration.ofMinutes(5)), s.timeZone(), s.emergencyNumbers(), s.routing(),
                new FeatureCodes(List.of("*55*{otp}#"), List.of(), List.of(), List.of("*56")), s.promptLanguage(),
                s.trustedNetworks(), s.provisioning()), TestHotdesk.ADMIN);
        String cookie = signIn("201", "4711");
        String page = post("/me/otp", cookie, Map.of("_csrf", csrf(get("/me", cookie).body()))).body();
        Matcher code = Pattern.compile("class=\"otp\" aria-label=\"Login code\">([0-9]{6})<").matcher(page);
        assertThat(code.find()).isTrue();
        assertThat(page).contains("data-seconds-left=\"300\" data-lifetime=\"300\"", "300 s left",
                "<code>*55*" + code.group(1) + "#</code>");
    }

    @Test
    void aUserWithoutHotDeskAccessGetsNoCode() {
        server.core().users().setHotDesk(acme.id(), anna.id(), false, TestHotdesk.ADMIN);
        String cookie = signIn("201", "4711");
        HttpResponse<String> answer = post("/me/otp", cookie, Map.of("_csrf", csrf(get("/me", cookie).body())));
        assertThat(answer.body()).contains("no hot-desk access").doesNotContain("class=\"otp\"");
    }

    @Test
    void aFormWithoutTheSessionsTokenChangesNothing() {
        String cookie = signIn("201", "4711");
        HttpResponse<String> forged = post("/me/pin", cookie, Map.of("_csrf", "forged", "current", "4711",
                "pin", "2468", "repeat", "2468"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(server.core().access().signIn("acme.example", "201", "4711"))
                .isInstanceOf(org.hotdesk.core.access.SignIn.SignedIn.class);
    }

    @Test
    void someoneElsesDeskCannotBeLoggedOut() {
        User bob = server.hotdesk().user(acme, "202", "4828");
        Device desk = server.hotdesk().device(acme);
        LoginResult.LoggedIn bobs = (LoginResult.LoggedIn) server.core().logins().login(desk.id(),
                new Credentials.Assigned(bob.id(), LoginMethod.ADMIN), TestHotdesk.ADMIN);

        String cookie = signIn("201", "4711");
        String csrf = csrf(get("/me", cookie).body());
        HttpResponse<String> answer = post("/me/sessions/" + bobs.session().id() + "/logout", cookie,
                Map.of("_csrf", csrf));
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(server.core().sessions().openSessionOf(desk.id())).isPresent();
        assertThat(post("/me/sessions/not-a-number/logout", cookie, Map.of("_csrf", csrf)).statusCode())
                .isEqualTo(403);
        assertThat(get("/me", cookie).body()).doesNotContain(desk.name());
    }

    @Test
    void logOutEverywhereEndsEveryDeskOfTheEmployeeOnly() {
        server.core().tenants().updateSettings(acme.id(), acme.settings().withMultipleLogin(
                org.hotdesk.core.policy.MultipleLoginPolicy.ALLOW), TestHotdesk.ADMIN);
        User bob = server.hotdesk().user(acme, "202", "4828");
        Device one = server.hotdesk().device(acme);
        Device two = server.hotdesk().device(acme);
        Device bobs = server.hotdesk().device(acme);
        server.core().logins().login(one.id(), new Credentials.Assigned(anna.id(), LoginMethod.ADMIN), TestHotdesk.ADMIN);
        server.core().logins().login(two.id(), new Credentials.Assigned(anna.id(), LoginMethod.API), TestHotdesk.ADMIN);
        server.core().logins().login(bobs.id(), new Credentials.Assigned(bob.id(), LoginMethod.ADMIN), TestHotdesk.ADMIN);

        String cookie = signIn("201", "4711");
        String page = get("/me", cookie).body();
        assertThat(page).contains(one.name(), two.name(), "by an administrator", "by an integration")
                .doesNotContain(bobs.name());
        HttpResponse<String> all = post("/me/sessions/logout-all", cookie, Map.of("_csrf", csrf(page)));
        assertThat(all.statusCode()).isEqualTo(303);
        assertThat(get("/me", cookie).body()).contains("Logged out of 2 desks.");
        assertThat(server.core().sessions().openSessionOf(one.id())).isEmpty();
        assertThat(server.core().sessions().openSessionOf(two.id())).isEmpty();
        assertThat(server.core().sessions().openSessionOf(bobs.id())).isPresent();
    }

    @Test
    void aDisabledEmployeeIsSignedOutAtTheNextRequest() {
        String cookie = signIn("201", "4711");
        server.core().users().setEnabled(acme.id(), anna.id(), false, TestHotdesk.ADMIN);
        assertThat(get("/me", cookie).headers().firstValue("Location")).hasValue("/me/login");
    }

    private String signIn(String extension, String pin) {
        HttpResponse<String> answer = post("/me/login", null, Map.of("tenant", "acme.example", "extension", extension,
                "pin", pin));
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValue("/me");
        String setCookie = answer.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a form with _csrf in " + html).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> get(String path, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET();
        if (cookie != null) b.header("Cookie", cookie);
        return send(b.build());
    }

    private HttpResponse<String> post(String path, String cookie, Map<String, String> form) {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) b.header("Cookie", cookie);
        return send(b.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
