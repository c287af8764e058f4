package org.hotdesk.web.self;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.store.testing.TestHotdesk;
import org.hotdesk.web.console.AccessibilityBrowserTest;
import org.hotdesk.web.testing.Chromium;
import org.hotdesk.web.testing.PageLoads;
import org.hotdesk.web.testing.WebTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * /me on a phone, for thumbs and keyboards: every button, field and link in a list is at least 44 px high (the
 * size WCAG 2.5.5 and the platform guides ask for), and the first Tab reaches "Skip to content".
 */
class SelfAccessibilityBrowserTest {
    WebTestServer server;
    WebDriver browser;
    Tenant acme;

    @BeforeEach
    void start() {
        server = new WebTestServer();
        acme = server.hotdesk().tenant("acme.example");
        server.hotdesk().user(acme, "201", "4711");
        browser = Chromium.start(true);
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.quit();
        server.close();
    }

    @Test
    void everyTapTargetOfMeIsAtLeast44PixelsHigh() {
        Device desk = server.hotdesk().device(acme);
        String code = server.core().otps().generate(acme.id(),
                server.core().users().byExtension(acme.id(), "201").id(), TestHotdesk.ADMIN).code();
        server.core().logins().login(desk.id(), new Credentials.Otp(code), TestHotdesk.ADMIN);

        browser.get(server.baseUrl() + "/me/login?tenant=acme.example");
        AccessibilityBrowserTest.assertSkipLinkFirst(browser, "/me/login");
        assertTapTargets("/me/login");

        browser.findElement(By.name("extension")).sendKeys("201");
        browser.findElement(By.name("pin")).sendKeys("4711");
        PageLoads.click(browser, browser.findElement(By.cssSelector("button[type=submit]")));
        assertThat(browser.findElements(By.cssSelector("#desks li"))).hasSize(1);
        AccessibilityBrowserTest.assertSkipLinkFirst(browser, "/me");
        browser.findElement(By.cssSelector("#pin summary")).click();
        assertTapTargets("/me");

        PageLoads.click(browser, browser.findElement(By.xpath("//button[normalize-space()='Generate login code']")));
        assertTapTargets("/me with a code");
    }

    /** Buttons, fields, drawers and links in lists that show on the page, with their height when below 44 px. */
    private void assertTapTargets(String page) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> small = (List<Map<String, Object>>) ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('button, input:not([type=hidden]), select, textarea, summary,"
                        + " a.button, li a')]"
                        + ".filter(e => e.getClientRects().length > 0 && !e.classList.contains('skip-link'))"
                        + ".map(e => ({what: e.outerHTML.slice(0, 80), height: e.getBoundingClientRect().height}))"
                        + ".filter(t => t.height < 44);");
        assertThat(small).as(page + ": tap targets lower than 44 px").isEmpty();
    }
}
