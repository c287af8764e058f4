package org.hotdesk.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotdesk.core.user.User;
import org.hotdesk.web.testing.Chromium;
import org.hotdesk.web.testing.WebTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The console on a phone (375 × 800) and with a keyboard: every page fits the width of the screen (wide tables
 * scroll inside their own box), and the first Tab reaches a visible "Skip to content" link that jumps to the page's
 * main content, past the navigation.
 */
public class AccessibilityBrowserTest {
    WebTestServer server;
    WebDriver browser;
    BerlinOffice office;
    ConsoleDesks desks;

    @BeforeEach
    void start() {
        server = new WebTestServer();
        browser = Chromium.start(false);
        desks = new ConsoleDesks(server);
        office = new BerlinOffice(server, desks);
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.quit();
        server.close();
    }

    @Test
    void everyConsolePageFitsAPhoneAndStartsWithASkipLink() {
        phoneSized();
        String t = server.baseUrl() + "/console/tenants/" + office.tenant.id();
        browser.get(server.baseUrl() + "/console/login");
        assertSkipLinkFirst("sign-in page");
        assertFitsTheScreen("sign-in page");

        desks.signIn(browser, desks.tenantAdminToken(office.tenant));
        User alice = server.core().users().byExtension(office.tenant.id(), "1001");
        List<String> pages = new ArrayList<>(List.of("/live", "/devices", "/devices/" + office.desks.get(0).id(),
                "/gateways", "/users", "/users/" + alice.id(), "/history?tab=sessions", "/history?tab=calls",
                "/history?tab=audit", "/history?tab=emergency", "/settings", "/sites",
                "/sites/" + server.core().sites().list(office.tenant.id()).get(0).id()));
        pages.add("/settings/tokens");
        long trunk = server.core().trunks().create(office.tenant.id(), "Carrier", List.of("192.0.2.10", "2001:db8::/32"),
                Map.of("+14155550100", "1001"), org.hotdesk.store.testing.TestHotdesk.ADMIN).id();
        pages.add("/trunks");
        pages.add("/trunks/" + trunk);
        for (String page : pages) {
            browser.get(t + page);
            assertThat(browser.getCurrentUrl()).as("opened " + page).isEqualTo(t + page);
            assertSkipLinkFirst(page);
            assertFitsTheScreen(page);
            Chromium.screenshot(browser, "console-phone" + page.replaceAll("[^a-z0-9]+", "-"));
        }
    }

    @Test
    void theSystemAdminsTenantListFitsAPhone() {
        phoneSized();
        desks.signIn(browser, WebTestServer.ADMIN_TOKEN);
        assertThat(browser.getCurrentUrl()).endsWith("/console/tenants");
        assertSkipLinkFirst("tenants");
        assertFitsTheScreen("tenants");
    }

    private void phoneSized() {
        // not "mobile": a mobile viewport would widen itself to the content and hide an overflow
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", 375, "height", 800, "deviceScaleFactor", 1, "mobile", false));
    }

    private void assertFitsTheScreen(String page) {
        Map<?, ?> sizes = (Map<?, ?>) js("return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth};");
        // names what sticks out (outside any box that scrolls by itself), so a failure says where to look
        Object wide = js("const out = [];"
                + "for (const e of document.body.querySelectorAll('*')) {"
                + "  let p = e.parentElement, clipped = false;"
                + "  for (; p && p !== document.body; p = p.parentElement) {"
                + "    const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') clipped = true; }"
                + "  if (!clipped && e.getBoundingClientRect().right > window.innerWidth + 0.5)"
                + "    out.push(e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)); }"
                + "return out.slice(0, 12).join(', ');");
        assertThat(((Number) sizes.get("scroll")).longValue()).as(page + " is no wider than the screen; sticking out: "
                        + wide)
                .isLessThanOrEqualTo(((Number) sizes.get("inner")).longValue());
        assertThat(((Number) sizes.get("inner")).longValue()).isEqualTo(375);
    }

    /** Tab from the top of the page reaches the skip link first; it shows, and Enter moves on to the content. */
    public static void assertSkipLinkFirst(WebDriver browser, String page) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        // start where a keyboard starts on a fresh page, at the top of the document (not at an autofocused field)
        js.executeScript("window.scrollTo(0, 0); document.body.setAttribute('tabindex', '-1'); document.body.focus();"
                + "document.body.removeAttribute('tabindex');");
        new Actions(browser).sendKeys(Keys.TAB).perform();
        WebElement focused = (WebElement) js.executeScript("return document.activeElement;");
        assertThat(focused.getText()).as(page + ": the first Tab stop").isEqualTo("Skip to content");
        assertThat(focused.getAttribute("href")).as(page).endsWith("#content");
        Map<?, ?> box = (Map<?, ?>) js.executeScript("const r = arguments[0].getBoundingClientRect();"
                + "return {top: r.top, left: r.left, width: r.width, height: r.height};", focused);
        assertThat(((Number) box.get("top")).doubleValue()).as(page + ": shown on focus").isGreaterThanOrEqualTo(0);
        assertThat(((Number) box.get("left")).doubleValue()).as(page + ": shown on focus").isGreaterThanOrEqualTo(0);
        assertThat(((Number) box.get("height")).doubleValue()).as(page + ": shown on focus").isGreaterThan(10);
        focused.sendKeys(Keys.ENTER);
        assertThat(js.executeScript("return document.activeElement.id")).as(page + ": Enter jumps to the content")
                .isEqualTo("content");
        assertThat(js.executeScript("return document.activeElement.tagName")).isEqualTo("MAIN");
    }

    private void assertSkipLinkFirst(String page) {
        assertSkipLinkFirst(browser, page);
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }
}
