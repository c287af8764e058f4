package org.hotdesk.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hotdesk.web.testing.Chromium;
import org.hotdesk.web.testing.WebTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The Devices and PSTN gateways pages of a well-populated tenant, saved as screenshots for people to look at;
 * also checks that nothing overflows the page at 1440 px.
 */
class ConsoleDevicesScreenshotsTest {
    WebTestServer server;
    WebDriver browser;
    BerlinOffice office;

    @BeforeEach
    void start() {
        server = new WebTestServer();
        browser = Chromium.start(false);
        ConsoleDesks desks = new ConsoleDesks(server);
        office = new BerlinOffice(server, desks);
        desks.signIn(browser, desks.tenantAdminToken(office.tenant));
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.quit();
        server.close();
    }

    /** Makes the viewport as tall as the page, so the screenshot shows all of it (a window cannot grow past the screen). */
    private void fullHeight() {
        long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", 1440, "height", Math.max(900, height), "deviceScaleFactor", 1, "mobile", false));
    }

    private void assertNoHorizontalOverflow() {
        Boolean overflow = (Boolean) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
        assertThat(overflow).as("page wider than the window").isFalse();
    }

    @Test
    void devicesPage() {
        browser.get(server.baseUrl() + "/console/tenants/" + office.tenant.id() + "/devices");
        assertThat(browser.findElements(By.cssSelector("tr[data-device]"))).hasSize(7);
        assertThat(browser.findElement(By.cssSelector(".stats")).getText())
                .contains("7\nDesks", "3\nIn use", "4\nIdle", "2\nNot registered", "1\nWithout emergency location");
        assertNoHorizontalOverflow();
        fullHeight();
        Chromium.screenshot(browser, "devices");

        browser.findElement(By.cssSelector("#add-device summary")).click();
        browser.findElement(By.cssSelector("#import-export summary")).click();
        fullHeight();
        Chromium.screenshot(browser, "devices-forms");
        assertNoHorizontalOverflow();
    }

    @Test
    void devicePage() {
        browser.get(server.baseUrl() + "/console/tenants/" + office.tenant.id() + "/devices/" + office.desks.get(0).id());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Desk 2.14 – Window");
        assertNoHorizontalOverflow();
        fullHeight();
        Chromium.screenshot(browser, "device");
    }

    @Test
    void gatewaysPage() {
        browser.get(server.baseUrl() + "/console/tenants/" + office.tenant.id() + "/gateways");
        assertThat(browser.findElements(By.cssSelector("section.gateway"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector("tr[data-device]"))).hasSize(6);
        assertNoHorizontalOverflow();
        fullHeight();
        Chromium.screenshot(browser, "gateways");

        browser.findElements(By.cssSelector("details.drawer summary")).forEach(org.openqa.selenium.WebElement::click);
        assertNoHorizontalOverflow();
        fullHeight();
        Chromium.screenshot(browser, "gateways-forms");
    }
}
