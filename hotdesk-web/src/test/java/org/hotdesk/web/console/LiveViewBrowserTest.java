package org.hotdesk.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.emergency.EmergencyAlert;
import org.hotdesk.core.location.LocationService;
import org.hotdesk.core.location.Registration;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.login.LoginResult;
import org.hotdesk.core.policy.DevicePolicyOverride;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.session.LogoutReason;
import org.hotdesk.core.session.Session;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
import org.hotdesk.store.testing.TestHotdesk;
import org.hotdesk.web.testing.Chromium;
import org.hotdesk.web.testing.PageLoads;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The live view in a real browser: who sits where, and an admin ending someone's session. */
class LiveViewBrowserTest extends BusyMorningInBrowser {
    @Test
    void anAdminForcesALogoutFromTheLiveView() {
        User alice = office.person("Alice Schneider");
        User jonas = office.person("Jonas Becker");
        Device window = office.desk("Desk 2.14 – Window");
        Device payments = office.desk("Desk 3.02 – Team Payments");
        login(window, alice, LoginMethod.ADMIN);             // 09:00 Berlin
        server.hotdesk().clock().advance(BusyMorning.minutes(60));
        login(payments, jonas, LoginMethod.API);             // 10:00
        server.hotdesk().clock().advance(BusyMorning.minutes(14));

        OpsConsole.signIn(browser, server, office.tenant);
        assertThat(rows()).hasSize(2);
        assertThat(row("Alice Schneider").getText()).contains("Ext. 2101", "Desk 2.14 – Window",
                "2nd floor, window row", "09:00", "1 h 14 min", "Admin", "idle logout 13:00");
        assertThat(row("Jonas Becker").getText()).contains("Desk 3.02 – Team Payments", "10:00", "14 min", "API",
                "idle logout 14:00");

        PageLoads.confirm(browser, row("Alice Schneider").findElement(By.xpath(".//button[text()='Log out']")));

        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText())
                .isEqualTo("Alice Schneider logged out of Desk 2.14 – Window");
        assertThat(rows()).singleElement().satisfies(r -> assertThat(r.getText()).contains("Jonas Becker"));
        Session ended = core.sessions().history(office.tenant.id(), alice.id(), null, 1).getFirst();
        assertThat(ended.isOpen()).isFalse();
        assertThat(ended.endReason()).isEqualTo(LogoutReason.ADMIN);
        assertThat(ended.endedBy()).isEqualTo("admin:Facilities desk");
        assertThat(core.sessions().openSessionOf(payments.id())).isPresent();
    }

    @Test
    void aLoginAtADeskAppearsWithoutReloadingThePage() {
        login(office.desk("Reception"), office.person("Hannah Klein"), LoginMethod.ADMIN);
        OpsConsole.signIn(browser, server, office.tenant);
        assertThat(rows()).hasSize(1);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window.sameDocument = 'still here'");
        // the script has polled once (and found nothing new) before anything changes
        patiently().until(b -> status().startsWith("updated "));

        login(office.desk("Desk 2.14 – Window"), office.person("Alice Schneider"), LoginMethod.API);

        patiently().until(b -> rows().size() == 2);
        assertThat(row("Alice Schneider").getText()).contains("Ext. 2101", "Desk 2.14 – Window", "API");
        assertThat(statNumbers().getFirst()).isEqualTo("2");
        assertThat(status()).matches("updated \\d\\d:\\d\\d:\\d\\d");
        assertThat(js.executeScript("return window.sameDocument")).as("the page was not reloaded")
                .isEqualTo("still here");
        // a row the script drew still asks before logging someone out, and the form works
        PageLoads.confirm(browser, row("Alice Schneider").findElement(By.xpath(".//button[text()='Log out']")));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText())
                .isEqualTo("Alice Schneider logged out of Desk 2.14 – Window");
    }

    @Test
    void aLostConnectionIsShownAndPollingRecovers() {
        OpsConsole.signIn(browser, server, office.tenant);
        patiently().until(b -> status().startsWith("updated "));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        // the network goes away as far as the page can tell
        js.executeScript("window.realFetch = window.fetch; window.fetch = () => Promise.reject(new TypeError('offline'))");
        patiently().until(b -> status().equals("connection lost, retrying"));
        assertThat(browser.findElement(By.cssSelector(".live-status")).getAttribute("class")).contains("error-text");

        login(office.desk("Reception"), office.person("Hannah Klein"), LoginMethod.ADMIN);
        js.executeScript("window.fetch = window.realFetch");
        patiently().until(b -> rows().size() == 1);
        assertThat(status()).startsWith("updated ");
    }

    @Test
    void aNameIsShownAsTextNotMarkup() {
        User mallory = core.users().create(office.tenant.id(), new org.hotdesk.core.user.NewUser("2999",
                "<img src=x onerror=\"window.injected=1\">Mallory", "4711", true, null), TestHotdesk.ADMIN);
        OpsConsole.signIn(browser, server, office.tenant);
        patiently().until(b -> status().startsWith("updated "));
        login(office.desk("Reception"), mallory, LoginMethod.ADMIN);

        patiently().until(b -> rows().size() == 1);
        assertThat(row("Mallory").getText()).contains("<img src=x");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.injected")).isNull();
    }

    @Test
    void anotherTenantsAdminCannotSeeOrEndTheseSessions() {
        Session s = login(office.desk("Reception"), office.person("Hannah Klein"), LoginMethod.ADMIN);
        Tenant other = server.hotdesk().tenant("elsewhere.example");
        String token = core.access().issueTenantAdminToken(other.id(), "Other admin", TestHotdesk.ADMIN).secret();
        OpsConsole.signIn(browser, server, token);
        assertThat(browser.getCurrentUrl()).contains("/console/tenants/" + other.id());

        OpsConsole.open(browser, server, office.tenant, "live");
        assertThat(browser.getPageSource()).contains("Not yours to see").doesNotContain("Hannah Klein");
        // the other tenant's live view has a form with a valid token; aim it at this tenant's session
        OpsConsole.open(browser, server, other, "live");
        PageLoads.after(browser, () -> ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                const f = document.createElement('form'); f.method = 'post';
                f.action = '/console/tenants/%d/live/%d/logout';
                f.innerHTML = '<input name="_csrf" value="' + document.querySelector('input[name=_csrf]').value + '">';
                document.body.appendChild(f); f.submit();""".formatted(office.tenant.id(), s.id())));
        assertThat(browser.getPageSource()).contains("Not yours to see");
        assertThat(core.sessions().openSessionOf(s.deviceId())).isPresent();
    }

    @Test
    void aBusyMorningAtTheBerlinOffice() {
        var clock = server.hotdesk().clock();
        clock.set(java.time.Instant.parse("2026-03-02T06:48:00Z"));               // 07:48 Berlin
        // the reception hands over at lunch; the focus room is for two hours at most
        core.devices().setPolicy(office.tenant.id(), office.desk("Reception").id(),
                new DevicePolicyOverride(0, 0, java.time.LocalTime.of(12, 30)), TestHotdesk.ADMIN);
        core.devices().setPolicy(office.tenant.id(), office.desk("Focus Room 4.01").id(),
                new DevicePolicyOverride(null, 2, null), TestHotdesk.ADMIN);
        login(office.desk("Reception"), office.person("Hannah Klein"), LoginMethod.ADMIN);
        clock.advance(BusyMorning.minutes(23));
        otp(office.desk("Desk 2.14 – Window"), office.person("Alice Schneider"));
        clock.advance(BusyMorning.minutes(31));
        pin(office.desk("Desk 3.02 – Team Payments"), office.person("Mehmet Yılmaz"));
        clock.advance(BusyMorning.minutes(17));
        otp(office.desk("Desk K-1 – Kreuzberg hub"), office.person("Ana Kovačević"));
        clock.advance(BusyMorning.minutes(26));
        pin(office.desk("Desk 2.21 – Quiet zone"), office.person("Priya Raman"));
        clock.advance(BusyMorning.minutes(12));
        login(office.desk("Focus Room 4.01"), office.person("Felix Richter"), LoginMethod.API);
        clock.advance(BusyMorning.minutes(34));
        otp(office.desk("Desk 3.11 – Corner"), office.person("Lukas Hoffmann"));
        clock.advance(BusyMorning.minutes(9));
        core.sessions().callStarted(office.desk("Desk 3.02 – Team Payments").id());

        // ten desks registered; the pop-up desk and one hub desk are unplugged
        for (Device d : office.desks.subList(0, 10)) {
            core.ports().registrations().write(java.util.Map.of(LocationService.deviceKey(d.id()), List.of(new Registration(office.tenant.id(), d.id(), null, d.sipUsername(), "sip:" + d.sipUsername() + "@10.20.0."
                            + d.id() + ":5060", "10.20.0." + d.id() + ":5060", "udp", "Yealink SIP-T54W", null, List.of(),
                            clock.instant(), clock.instant().plusSeconds(500), "reg-" + d.id()))), List.of());
        }
        Device kitchen = office.desk("Desk 3.11 – Corner");
        EmergencyAlert delivered = core.emergency().raise(office.desk("Desk 3.07 – Team Payments"),
                core.devices().addressOf(office.desk("Desk 3.07 – Team Payments")), null, "112", "e1@10.20.0.5");
        core.emergency().delivered(delivered);
        clock.advance(BusyMorning.minutes(3));
        EmergencyAlert retrying = core.emergency().raise(kitchen, core.devices().addressOf(kitchen),
                office.person("Lukas Hoffmann"), "112", "e2@10.20.0.6");
        core.emergency().failed(retrying, "connect timed out: alarm.nordlicht.example:443");
        core.emergency().failed(core.emergency().list(office.tenant.id(), 1).getFirst(),
                "connect timed out: alarm.nordlicht.example:443");
        clock.advance(BusyMorning.minutes(4));

        OpsConsole.signIn(browser, server, office.tenant);
        assertThat(rows()).hasSize(7);
        assertThat(statNumbers()).containsExactly("7", "5", "2", "2");
        assertThat(browser.findElement(By.cssSelector(".notice.warn")).getText())
                .contains("2 desks have no emergency location");
        assertThat(row("Hannah Klein").getText()).contains("daily logout 12:30");
        assertThat(row("Felix Richter").getText()).contains("API", "max. duration 11:37");
        assertThat(row("Mehmet Yılmaz").getText()).contains("Extension + PIN", "On a call");
        assertThat(row("Alice Schneider").getText()).contains("One-time code", "08:11", "2 h 16 min", "idle logout 12:11");
        List<WebElement> alerts = browser.findElements(By.cssSelector("table.alerts tbody tr"));
        assertThat(alerts.get(0).getText()).contains("Desk 3.11 – Corner", "Lukas Hoffmann (2105)",
                "Retrying (2 attempts)", "connect timed out");
        assertThat(alerts.get(1).getText()).contains("Desk 3.07 – Team Payments", "nobody logged in", "Alert delivered");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1250));
        Chromium.screenshot(browser, "live-view");
    }

    private Session login(Device desk, User user, LoginMethod method) {
        LoginResult r = core.logins().login(desk.id(), new Credentials.Assigned(user.id(), method), TestHotdesk.ADMIN);
        return ((LoginResult.LoggedIn) r).session();
    }

    private void otp(Device desk, User user) {
        String code = core.otps().generate(office.tenant.id(), user.id(), Actor.user(user.extension())).code();
        assertThat(core.logins().login(desk.id(), new Credentials.Otp(code), Actor.device(desk.label())))
                .isInstanceOf(LoginResult.LoggedIn.class);
    }

    private void pin(Device desk, User user) {
        assertThat(core.logins().login(desk.id(), new Credentials.ExtensionPin(user.extension(), "4711"),
                Actor.device(desk.label()))).isInstanceOf(LoginResult.LoggedIn.class);
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("table.live tbody tr[data-session]"));
    }

    private WebElement row(String person) {
        return rows().stream().filter(r -> r.getText().contains(person)).findFirst().orElseThrow();
    }

    private String status() {
        return browser.findElement(By.cssSelector(".live-status")).getText();
    }

    /** Waits for the page's own polling, reading rows again when one is swapped while being read. */
    private WebDriverWait patiently() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private List<String> statNumbers() {
        return browser.findElements(By.cssSelector(".stat .n")).stream().map(WebElement::getText).toList();
    }
}
