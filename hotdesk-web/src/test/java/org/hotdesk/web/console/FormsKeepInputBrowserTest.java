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

/** A refused "Add device" or "Add a person" keeps what was typed and names every bad field at once, in a real headless Chromium. */
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

    @Test
    void aRefusedPersonKeepsExtensionAndNameButNeverThePinAndNamesEveryProblem() {
        server.hotdesk().user(acme, "2140", "5739");
        browser.get(server.baseUrl() + "/console/tenants/" + acme.id() + "/users");
        WebElement add = browser.findElement(By.cssSelector("form[method=post][action$='/users']"));
        add.findElement(By.name("extension")).sendKeys("2140");
        add.findElement(By.name("name")).sendKeys("Bob Jones");
        add.findElement(By.name("pin")).sendKeys("1111");
        add.findElement(By.name("hotDesk")).click();   // untick
        PageLoads.click(browser, add.findElement(By.xpath(".//button[text()='Add']")));

        String error = browser.findElement(By.cssSelector(".flash.error")).getText();
        assertThat(error).startsWith("User not added.").contains("too easy to guess", "Extension 2140 already exists");
        add = browser.findElement(By.cssSelector("form[method=post][action$='/users']"));
        assertThat(add.findElement(By.name("extension")).getAttribute("value")).isEqualTo("2140");
        assertThat(add.findElement(By.name("name")).getAttribute("value")).isEqualTo("Bob Jones");
        assertThat(add.findElement(By.name("hotDesk")).isSelected()).isFalse();
        assertThat(add.findElement(By.name("pin")).getAttribute("value")).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("1111");
        assertThat(server.core().users().list(acme.id())).hasSize(1);

        // fixed, it goes through, and the next visit shows an empty form again
        add.findElement(By.name("extension")).clear();
        add.findElement(By.name("extension")).sendKeys("2141");
        add.findElement(By.name("pin")).sendKeys("5802");
        PageLoads.click(browser, add.findElement(By.xpath(".//button[text()='Add']")));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).isEqualTo("Bob Jones (2141) added");
        assertThat(server.core().users().byExtension(acme.id(), "2141").hotDesk()).isFalse();
        assertThat(browser.findElement(By.cssSelector("form[method=post][action$='/users'] [name=name]")).getAttribute("value")).isEmpty();
    }
}
