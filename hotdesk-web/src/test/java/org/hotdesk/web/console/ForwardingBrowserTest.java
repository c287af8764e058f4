package org.hotdesk.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotdesk.core.forwarding.ForwardTarget;
import org.hotdesk.core.forwarding.Forwarding;
import org.hotdesk.core.forwarding.NoAnswer;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
import org.hotdesk.store.testing.TestHotdesk;
import org.hotdesk.web.testing.Chromium;
import org.hotdesk.web.testing.PageLoads;
import org.hotdesk.web.testing.WebTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Call forwarding in a real headless Chromium: an admin sets a person's four rules on their page, the employee sets
 * their own on /me; by the same rules, every wrong one marked and named at once, the form kept as typed, nothing
 * saved until all is right. The voicemail server is set on the settings page.
 */
class ForwardingBrowserTest {
    WebTestServer server;
    WebDriver browser;
    Tenant acme;
    User alice;

    @BeforeEach
    void start() {
        server = new WebTestServer();
        acme = server.hotdesk().tenant("acme.example");
        alice = server.hotdesk().user(acme, "1001", "2581");
        server.hotdesk().user(acme, "1002", "2582");
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.quit();
        server.close();
    }

    private WebElement field(String name) {
        return browser.findElement(By.cssSelector("#forwarding [name=" + name + "]"));
    }

    private void type(String name, String text) {
        field(name).clear();
        field(name).sendKeys(text);
    }

    private boolean marked(String name) {
        return "true".equals(field(name).getDomAttribute("aria-invalid"));
    }

    private String flash(String kind) {
        return browser.findElement(By.cssSelector(".flash." + kind)).getText();
    }

    private void save() {
        PageLoads.click(browser, browser.findElement(By.cssSelector("#forwarding button[type=submit]")));
    }

    private Forwarding stored() {
        return server.core().forwarding().get(acme.id(), alice.id());
    }

    @Test
    void anAdminSetsAPersonsForwardingAfterSettingTheVoicemailServer() {
        browser = Chromium.start(false);
        ConsoleDesks desks = new ConsoleDesks(server);
        desks.signIn(browser, desks.tenantAdminToken(acme));
        browser.get(server.baseUrl() + "/console/tenants/" + acme.id() + "/users/" + alice.id());

        // four wrong rules: each marked and named, all kept
        type("always", "1001");
        type("busy", "voicemail");
        type("noAnswer", "1002");
        type("noAnswerSeconds", "200");
        type("unreachable", "+4930123456");
        save();

        Chromium.screenshot(browser, "console-forwarding-refused");
        assertThat(flash("error")).startsWith("Forwarding not saved.").contains("itself", "voicemail server", "200",
                "outbound trunk");
        for (String name : new String[] {"always", "busy", "noAnswerSeconds", "unreachable"}) {
            assertThat(marked(name)).as(name).isTrue();
        }
        assertThat(marked("noAnswer")).isFalse();
        assertThat(field("always").getDomProperty("value")).isEqualTo("1001");
        assertThat(field("busy").getDomProperty("value")).isEqualTo("voicemail");
        assertThat(field("noAnswerSeconds").getDomProperty("value")).isEqualTo("200");
        assertThat(field("unreachable").getDomProperty("value")).isEqualTo("+4930123456");
        assertThat(browser.findElement(By.cssSelector("#forwarding #problem-always")).getText()).contains("itself");
        assertThat(stored().isNone()).isTrue();

        // the voicemail server, on the settings page
        browser.get(server.baseUrl() + "/console/tenants/" + acme.id() + "/settings");
        WebElement vm = browser.findElement(By.name("voicemailUri"));
        vm.sendKeys("sip:vm.acme.example");
        PageLoads.click(browser, browser.findElement(By.xpath("//button[normalize-space()='Save settings']")));
        assertThat(server.core().tenants().get(acme.id()).settings().routing().voicemailUri())
                .isEqualTo("sip:vm.acme.example");
        assertThat(browser.findElement(By.name("voicemailUri")).getDomProperty("value")).isEqualTo("sip:vm.acme.example");

        browser.get(server.baseUrl() + "/console/tenants/" + acme.id() + "/users/" + alice.id());
        assertThat(field("noAnswerSeconds").getDomProperty("value")).as("the default wait").isEqualTo("20");
        type("busy", "voicemail");
        type("noAnswer", "1002");
        type("noAnswerSeconds", "30");
        save();
        assertThat(flash("ok")).isEqualTo("Forwarding saved for User 1001");
        assertThat(stored()).isEqualTo(new Forwarding(null, new ForwardTarget.Voicemail(),
                new NoAnswer(new ForwardTarget.Extension("1002"), 30), null));
        assertThat(field("busy").getDomProperty("value")).isEqualTo("voicemail");
        assertThat(field("noAnswer").getDomProperty("value")).isEqualTo("1002");

        field("busy").clear();
        field("noAnswer").clear();
        save();
        assertThat(flash("ok")).isEqualTo("Calls to User 1001 are no longer forwarded");
        assertThat(stored().isNone()).isTrue();
    }

    @Test
    void anEmployeeSetsTheirOwnForwardingOnMeByTheSameRules() {
        var s = server.core().tenants().get(acme.id()).settings();
        server.core().tenants().updateSettings(acme.id(), s.withRouting(s.routing().withVoicemailUri("sip:vm.acme.example")),
                TestHotdesk.ADMIN);
        browser = Chromium.start(true);
        browser.get(server.baseUrl() + "/me/login?tenant=acme.example");
        browser.findElement(By.name("extension")).sendKeys("1001");
        browser.findElement(By.name("pin")).sendKeys("2581");
        PageLoads.click(browser, browser.findElement(By.cssSelector("button[type=submit]")));
        assertThat(browser.getCurrentUrl()).contains("/me");

        type("always", "1001");
        type("noAnswer", "voicemail");
        type("noAnswerSeconds", "abc");
        save();

        Chromium.screenshot(browser, "self-forwarding-refused");
        assertThat(flash("error")).startsWith("Your forwarding was not saved.").contains("itself", "abc");
        assertThat(marked("always")).isTrue();
        assertThat(marked("noAnswerSeconds")).isTrue();
        assertThat(field("noAnswer").getDomProperty("value")).isEqualTo("voicemail");
        assertThat(stored().isNone()).isTrue();

        field("always").clear();
        type("noAnswerSeconds", "15");
        save();
        assertThat(flash("ok")).isEqualTo("Your forwarding was saved.");
        assertThat(stored().noAnswer()).isEqualTo(new NoAnswer(new ForwardTarget.Voicemail(), 15));
        assertThat(field("noAnswerSeconds").getDomProperty("value")).isEqualTo("15");
        assertThat(server.core().auditTrail().newest(acme.id(), 3)).anySatisfy(r ->
                assertThat(r.actor().name()).isEqualTo("1001"));
        Chromium.screenshot(browser, "self-forwarding");
    }
}
