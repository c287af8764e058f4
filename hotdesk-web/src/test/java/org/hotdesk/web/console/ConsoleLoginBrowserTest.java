package org.hotdesk.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotdesk.web.testing.Chromium;
import org.hotdesk.web.testing.PageLoads;
import org.hotdesk.web.testing.WebTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** Signing in to the console in a real headless Chromium. */
class ConsoleLoginBrowserTest {
    WebTestServer server;
    WebDriver browser;

    @BeforeEach
    void start() {
        server = new WebTestServer();
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
    void aWrongTokenIsRefusedAndTheRightOneOpensTheTenantList() {
        server.hotdesk().tenant("acme.example");
        browser.get(server.baseUrl() + "/console");
        assertThat(browser.getCurrentUrl()).endsWith("/console/login");

        browser.findElement(By.name("token")).sendKeys("not-the-token");
        PageLoads.click(browser, browser.findElement(By.cssSelector("button[type=submit]")));
        assertThat(browser.findElement(By.cssSelector(".flash.error")).getText())
                .isEqualTo("That token is not a valid admin token.");

        browser.findElement(By.name("token")).sendKeys(WebTestServer.ADMIN_TOKEN);
        PageLoads.click(browser, browser.findElement(By.cssSelector("button[type=submit]")));
        assertThat(browser.getCurrentUrl()).endsWith("/console/tenants");
        assertThat(browser.findElement(By.cssSelector("table.grid")).getText()).contains("acme.example");

        // a form without the session's CSRF token changes nothing
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.querySelector('form[action=\"/console/tenants\"] input[name=_csrf]').value = 'forged';");
        browser.findElement(By.name("name")).sendKeys("Evil");
        browser.findElement(By.name("domain")).sendKeys("evil.example");
        PageLoads.click(browser, browser.findElement(By.cssSelector("form[action='/console/tenants'] button")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Form expired");
        assertThat(server.core().tenants().list()).hasSize(1);
    }

    @Test
    void anAddressThatGuessedTooOftenIsToldHowLongToWait() {
        for (int i = 0; i < 25 && !server.guard().isBlocked("127.0.0.1"); i++) {
            server.guard().failed("127.0.0.1", "test guesses");
        }
        browser.get(server.baseUrl() + "/console/login");
        browser.findElement(By.name("token")).sendKeys(WebTestServer.ADMIN_TOKEN);
        PageLoads.click(browser, browser.findElement(By.cssSelector("button[type=submit]")));
        assertThat(browser.findElement(By.cssSelector(".flash.error")).getText()).isEqualTo(
                "Too many failed sign-ins from your address. Try again in 15 minutes, or ask the system administrator.");
        assertThat(browser.getCurrentUrl()).endsWith("/console/login");
    }
}
