package org.hotdesk.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotdesk.core.device.Device;
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

/** A desk's page in a real headless Chromium: its own timers, a new SIP password shown once, a Save that keeps input. */
class DeviceTimersBrowserTest {
    WebTestServer server;
    WebDriver browser;
    Tenant acme;
    Device desk;
    String page;

    @BeforeEach
    void start() {
        server = new WebTestServer();
        acme = server.hotdesk().tenant("acme.example");
        desk = server.hotdesk().device(acme);
        browser = Chromium.start(false);
        ConsoleDesks desks = new ConsoleDesks(server);
        desks.signIn(browser, desks.tenantAdminToken(acme));
        page = server.baseUrl() + "/console/tenants/" + acme.id() + "/devices/" + desk.id();
        browser.get(page);
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.quit();
        server.close();
    }

    private WebElement field(String form, String name) {
        return browser.findElement(By.cssSelector("form[action$='/" + form + "'] [name=" + name + "]"));
    }

    private void type(String form, String name, String text) {
        field(form, name).clear();
        field(form, name).sendKeys(text);
    }

    private String shown(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    @Test
    void anOverrideIsShownAndClearedAndABadOneIsNamedWithTheInputKept() {
        assertThat(shown("timer-idle")).isEqualTo("tenant default (5 minutes)");
        assertThat(shown("timer-max")).isEqualTo("tenant default (8 hours)");

        type("timers", "idleLogoutMinutes", "30");
        type("timers", "dailyLogoutTime", "18:30");
        PageLoads.click(browser, browser.findElement(By.xpath("//button[text()='Save timers']")));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).contains("Timers of", "saved");
        assertThat(shown("timer-idle")).isEqualTo("30 minutes on this desk");
        assertThat(shown("timer-daily")).isEqualTo("18:30 on this desk");
        assertThat(shown("timer-max")).isEqualTo("tenant default (8 hours)");
        assertThat(server.core().devices().effectiveTimers(server.core().devices().get(acme.id(), desk.id()))
                .idleLogoutMinutes()).isEqualTo(30);

        type("timers", "idleLogoutMinutes", "99999");
        type("timers", "maxSessionHours", "lots");
        type("timers", "dailyLogoutTime", "25:61");
        PageLoads.click(browser, browser.findElement(By.xpath("//button[text()='Save timers']")));
        String error = browser.findElement(By.cssSelector(".flash.error")).getText();
        assertThat(error).startsWith("Timers of").contains("10080", "'lots' is not a whole number", "25:61");
        assertThat(field("timers", "idleLogoutMinutes").getDomProperty("value")).isEqualTo("99999");
        assertThat(field("timers", "maxSessionHours").getDomProperty("value")).isEqualTo("lots");
        assertThat(field("timers", "dailyLogoutTime").getDomProperty("value")).isEqualTo("25:61");
        assertThat(shown("timer-idle")).as("nothing changed").isEqualTo("30 minutes on this desk");

        browser.get(page);
        assertThat(field("timers", "idleLogoutMinutes").getDomProperty("value")).as("kept once only").isEqualTo("30");
        PageLoads.click(browser, browser.findElement(By.xpath("//button[text()=\"Use the tenant's timers\"]")));
        assertThat(shown("timer-idle")).isEqualTo("tenant default (5 minutes)");
        assertThat(shown("timer-daily")).isEqualTo("tenant default (none)");
        assertThat(server.core().devices().get(acme.id(), desk.id()).policy().idleLogoutMinutes()).isNull();
    }

    @Test
    void aNewSipPasswordIsShownOnceAndGoneOnReload() {
        String old = desk.sipPassword();
        PageLoads.confirm(browser, browser.findElement(By.xpath("//button[text()='Reset SIP password']")));
        String fresh = server.core().devices().get(acme.id(), desk.id()).sipPassword();
        assertThat(fresh).isNotEqualTo(old);
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText())
                .contains(desk.sipUsername(), fresh, "shown only now");

        browser.navigate().refresh();
        assertThat(browser.getPageSource()).doesNotContain(fresh).doesNotContain(old);
    }

    @Test
    void aRefusedSaveKeepsWhatWasTypedAndNamesEveryBadField() {
        type("save", "name", "Corner desk");
        type("save", "country", "1x");
        type("save", "sipPort", "70000");
        type("save", "city", "Potsdam");
        PageLoads.click(browser, browser.findElement(By.xpath("//button[text()='Save']")));

        String error = browser.findElement(By.cssSelector(".flash.error")).getText();
        assertThat(error).contains("not saved", "1x", "70000");
        assertThat(field("save", "name").getDomProperty("value")).isEqualTo("Corner desk");
        assertThat(field("save", "country").getDomProperty("value")).isEqualTo("1x");
        assertThat(field("save", "sipPort").getDomProperty("value")).isEqualTo("70000");
        assertThat(field("save", "city").getDomProperty("value")).isEqualTo("Potsdam");
        assertThat(server.core().devices().get(acme.id(), desk.id()).name()).isEqualTo(desk.name());

        type("save", "country", "DE");
        type("save", "sipPort", "5070");
        PageLoads.click(browser, browser.findElement(By.xpath("//button[text()='Save']")));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).contains("Corner desk saved");
        assertThat(server.core().devices().get(acme.id(), desk.id()).location().city()).isEqualTo("Potsdam");
    }
}
