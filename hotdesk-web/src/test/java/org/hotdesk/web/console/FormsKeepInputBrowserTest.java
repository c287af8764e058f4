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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** A refused "Add device" keeps what was typed and names every bad field at once, in a real headless Chromium. */
class FormsKeepInputBrowserTest {
    WebTestServer server;
    WebDriver browser;
    Tenant acme;

    @BeforeEach
    void start() {
        server = new WebTestServer();
        acme = server.hotdesk().tenant("acme.example");
        browser = Chromium.start(false);
        ConsoleDesks desks = new ConsoleDesks(server);
        desks.signIn(browser, desks.tenantAdminToken(acme));
        browser.get(server.baseUrl() + "/console/tenants/" + acme.id() + "/devices");
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.quit();
        server.close();
    }

    private WebElement field(String name) {
        return browser.findElement(By.cssSelector("#add-device [name=" + name + "]"));
    }

    private void type(String name, String text) {
        field(name).clear();
        field(name).sendKeys(text);
    }

    @Test
    void aRefusedDeskKeepsWhatWasTypedAndNamesEveryBadField() {
        browser.findElement(By.cssSelector("#add-device summary")).click();
        type("mac", "zz:zz");
        type("name", "Desk 9.99 – Corner");
        type("model", "T54W");
        type("street", "Friedrichstraße");
        type("city", "Berlin");
        type("country", "1x");
        type("callbackNumber", "call me");
        PageLoads.click(browser, browser.findElement(By.cssSelector("#add-device button[type=submit]")));

        String error = browser.findElement(By.cssSelector(".flash.error")).getText();
        assertThat(error).startsWith("Desk not added.").contains("zz:zz", "1x", "callme");
        assertThat(server.core().devices().list(acme.id())).isEmpty();
        assertThat(browser.findElement(By.id("add-device")).getDomAttribute("open")).as("the form is open again")
                .isNotNull();
        assertThat(field("mac").getDomProperty("value")).isEqualTo("zz:zz");
        assertThat(field("name").getDomProperty("value")).isEqualTo("Desk 9.99 – Corner");
        assertThat(field("street").getDomProperty("value")).isEqualTo("Friedrichstraße");
        assertThat(field("city").getDomProperty("value")).isEqualTo("Berlin");
        assertThat(field("country").getDomProperty("value")).isEqualTo("1x");

        // mend the three, send again: added, and the next visit starts empty
        type("mac", "00:15:65:12:34:56");
        type("country", "DE");
        type("callbackNumber", "+49301234567");
        PageLoads.click(browser, browser.findElement(By.cssSelector("#add-device button[type=submit]")));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).startsWith("Desk 9.99 – Corner added.");
        assertThat(server.core().devices().list(acme.id())).singleElement()
                .satisfies(d -> assertThat(d.location().city()).isEqualTo("Berlin"));
        assertThat(browser.findElement(By.id("add-device")).getDomAttribute("open")).isNull();
        assertThat(field("name").getDomProperty("value")).isEmpty();
    }
}
