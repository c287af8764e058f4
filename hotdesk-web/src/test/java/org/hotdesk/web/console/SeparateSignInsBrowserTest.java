package org.hotdesk.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.web.testing.Chromium;
import org.hotdesk.web.testing.PageLoads;
import org.hotdesk.web.testing.WebTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;

/**
 * An admin who is also an employee uses the console and their own /me page in one browser: each keeps its own
 * sign-in, and signing in brings them back to the page they asked for.
 */
class SeparateSignInsBrowserTest {
    WebTestServer server;
    WebDriver browser;
    Tenant acme;

    @BeforeEach
    void start() {
        server = new WebTestServer();
        acme = server.hotdesk().tenant("acme.example");
        server.hotdesk().user(acme, "201", "4711");
        browser = Chromium.start(false);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        server.close();
    }

    @Test
    void signingInAtMeKeepsTheConsoleSignedInAndTheOtherWayRound() {
        String users = server.baseUrl() + "/console/tenants/" + acme.id() + "/users";
        browser.get(users);
        assertThat(browser.getCurrentUrl()).contains("/console/login");
        signInToConsole();
        assertThat(browser.getCurrentUrl()).as("back on the page asked for").isEqualTo(users);
        assertThat(h1()).isEqualTo("Users");

        signInAtMe();
        assertThat(h1()).startsWith("Hi, ");
        // a browser shows a page the cookies of its path only
        Cookie me = browser.manage().getCookieNamed("hotdesk_me");
        assertThat(browser.manage().getCookieNamed("hotdesk_console")).as("not sent to /me").isNull();
        browser.get(users);
        assertThat(browser.getCurrentUrl()).as("the console is still signed in").isEqualTo(users);
        Cookie console = browser.manage().getCookieNamed("hotdesk_console");
        assertThat(console.isHttpOnly()).isTrue();
        assertThat(me.isHttpOnly()).isTrue();
        assertThat(console.getPath()).isEqualTo("/console");
        assertThat(me.getPath()).isEqualTo("/me");
        assertThat(console.getSameSite()).isEqualTo("Strict");
        assertThat(me.getSameSite()).isEqualTo("Strict");

        // signing out of the console leaves /me signed in
        PageLoads.click(browser, browser.findElement(By.xpath("//header//button[normalize-space()='Sign out']")));
        assertThat(browser.getCurrentUrl()).endsWith("/console/login");
        browser.get(server.baseUrl() + "/me");
        assertThat(h1()).startsWith("Hi, ");

        // and signing out of /me leaves the console signed in
        signInToConsole();
        browser.get(server.baseUrl() + "/me");
        PageLoads.click(browser, browser.findElement(By.xpath("//header//button[normalize-space()='Sign out']")));
        browser.get(server.baseUrl() + "/me");
        assertThat(browser.getCurrentUrl()).contains("/me/login");
        browser.get(users);
        assertThat(h1()).isEqualTo("Users");
    }

    @Test
    void aReturnTargetOnAnotherSiteIsIgnored() {
        browser.get(server.baseUrl() + "/console/login?next=https://evil.example/console");
        signInToConsole();
        assertThat(browser.getCurrentUrl()).isEqualTo(server.baseUrl() + "/console/tenants");

        browser.get(server.baseUrl() + "/me/login?tenant=acme.example&next=//evil.example/me");
        signInAtMe();
        assertThat(browser.getCurrentUrl()).isEqualTo(server.baseUrl() + "/me");
    }

    @Test
    void aTenantAdminAskingForAnotherTenantsPageLandsOnTheirOwn() {
        Tenant other = server.hotdesk().tenant("other.example");
        browser.get(server.baseUrl() + "/console/tenants/" + other.id() + "/users");
        browser.findElement(By.name("token")).sendKeys(server.core().access()
                .issueTenantAdminToken(acme.id(), "Facilities desk", org.hotdesk.store.testing.TestHotdesk.ADMIN).secret());
        PageLoads.click(browser, browser.findElement(By.cssSelector("button[type=submit]")));
        assertThat(browser.getCurrentUrl()).isEqualTo(server.baseUrl() + "/console/tenants/" + acme.id() + "/live");
    }

    private void signInToConsole() {
        if (!browser.getCurrentUrl().contains("/console/login")) {
            browser.get(server.baseUrl() + "/console/login");
        }
        browser.findElement(By.name("token")).sendKeys(WebTestServer.ADMIN_TOKEN);
        PageLoads.click(browser, browser.findElement(By.cssSelector("button[type=submit]")));
    }

    private void signInAtMe() {
        if (!browser.getCurrentUrl().contains("/me/login")) {
            browser.get(server.baseUrl() + "/me/login?tenant=acme.example");
        }
        browser.findElement(By.name("extension")).sendKeys("201");
        browser.findElement(By.name("pin")).sendKeys("4711");
        PageLoads.click(browser, browser.findElement(By.cssSelector("button[type=submit]")));
    }

    private String h1() {
        return browser.findElement(By.tagName("h1")).getText();
    }
}
