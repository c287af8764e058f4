package org.hotdesk.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.web.testing.Chromium;
import org.hotdesk.web.testing.PageLoads;
import org.hotdesk.web.testing.WebTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** The console's errors read as sentences for an admin: form labels, not API field names or Java text. */
class PlainMessagesBrowserTest {
    WebTestServer server;
    WebDriver browser;
    ConsoleDesks desks;
    Tenant acme;

    @BeforeEach
    void start() {
        server = new WebTestServer();
        browser = Chromium.start(false);
        desks = new ConsoleDesks(server);
        acme = server.hotdesk().tenant("acme.example");
        desks.desk(acme, "00:15:65:00:02:14", "Desk 2.14", Vendor.YEALINK, "T54W", CivicAddress.NONE);
        OpsConsole.signIn(browser, server, acme);
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.quit();
        server.close();
    }

    @Test
    void formErrorsNameTheFieldAsTheFormDoes() {
        OpsConsole.open(browser, server, acme, "devices");
        PageLoads.click(browser, browser.findElement(By.cssSelector("button[value='reset-counter']")));
        assertThat(error()).isEqualTo("Tick at least one desk. Nothing was changed.");

        browser.findElement(By.cssSelector("#add-device summary")).click();
        // what a browser without the form's own check would send: no MAC address at all
        ((JavascriptExecutor) browser).executeScript(
                "document.querySelectorAll('#add-device [required]').forEach(e => e.removeAttribute('required'));");
        browser.findElement(By.cssSelector("#add-device input[name=name]")).sendKeys("Desk 3.01");
        PageLoads.click(browser, browser.findElement(By.cssSelector("#add-device button[type=submit]")));
        assertThat(error()).isEqualTo("Desk not added. MAC address is required.");

        // the form is open again, the name still typed
        browser.findElement(By.cssSelector("#add-device input[name=mac]")).sendKeys("zz");
        PageLoads.click(browser, browser.findElement(By.cssSelector("#add-device button[type=submit]")));
        assertThat(error()).startsWith("Desk not added. MAC address: 'zz' is not a MAC address")
                .doesNotContain("mac:");
        assertThat(server.core().devices().list(acme.id())).hasSize(1);
    }

    @Test
    void aPageThatIsNotThereSaysSoWithoutServerTalk() {
        browser.get(server.baseUrl() + "/console/tenants/" + acme.id() + "/users/987654");
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("That person does not exist (any more). Reload the page and try again.")
                .doesNotContain("not_found", "987654 not found", "Exception");

        browser.get(server.baseUrl() + "/console/tenants/" + acme.id() + "/no-such-section");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("There is no such page.").doesNotContain("GET", "no resource at");
    }

    private String error() {
        return browser.findElement(By.cssSelector(".flash.error")).getText();
    }
}
