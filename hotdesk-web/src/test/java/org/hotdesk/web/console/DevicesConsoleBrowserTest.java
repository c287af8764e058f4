package org.hotdesk.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.Vendor;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
import org.hotdesk.web.testing.Chromium;
import org.hotdesk.web.testing.PageLoads;
import org.hotdesk.web.testing.WebTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** A tenant admin manages desks on the console's Devices page, in a real headless Chromium. */
class DevicesConsoleBrowserTest {
    WebTestServer server;
    WebDriver browser;
    ConsoleDesks desks;
    Tenant acme;
    Device window;
    Device kitchen;
    Device lobby;
    User alice;

    @BeforeEach
    void start() {
        server = new WebTestServer();
        browser = Chromium.start(false);
        desks = new ConsoleDesks(server);
        acme = server.hotdesk().tenant("acme.example");
        alice = desks.user(acme, "1001", "Alice Smith");
        window = desks.desk(acme, "00:15:65:00:02:14", "Desk 2.14 – Window", Vendor.YEALINK, "T54W",
                ConsoleDesks.BERLIN_HQ);
        kitchen = desks.desk(acme, "00:15:65:00:02:20", "Desk 2.20 – Kitchen", Vendor.SNOM, "D785",
                ConsoleDesks.BERLIN_HQ);
        lobby = desks.desk(acme, "00:15:65:00:00:01", "Lobby phone", Vendor.POLY, "VVX 250", CivicAddress.NONE);
        desks.adminLogin(window, alice);
        desks.register(kitchen, "10.1.2.20:5060", "snom D785/10.1.159.12");
        desks.fetched(window, 20);
        desks.fetched(kitchen, 7);
        desks.fetched(lobby, 3);
        desks.signIn(browser, desks.tenantAdminToken(acme));
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.quit();
        server.close();
    }

    private void open() {
        browser.get(server.baseUrl() + "/console/tenants/" + acme.id() + "/devices");
    }

    private WebElement row(Device d) {
        return browser.findElement(By.cssSelector("tr[data-device='" + d.id() + "']"));
    }

    private String cell(Device d, String column) {
        return row(d).findElement(By.cssSelector("td." + column)).getText();
    }

    @Test
    void theAdminSeesEachDesksStatusAndBulkResetsAndLogsOut() {
        open();
        assertThat(browser.findElements(By.cssSelector("tr[data-device]"))).hasSize(3);
        assertThat(cell(window, "status")).contains("Alice Smith (1001)").contains("since 08:00 · by admin");
        assertThat(cell(window, "registration")).isEqualTo("Not registered");
        assertThat(cell(window, "provisioned")).isEqualTo("20/20");
        assertThat(row(window).findElements(By.cssSelector(".meter.full"))).hasSize(1);
        assertThat(cell(kitchen, "status")).isEqualTo("Idle");
        assertThat(cell(kitchen, "registration")).contains("Registered").contains("10.1.2.20:5060");
        assertThat(cell(kitchen, "location")).contains("Friedrichstraße 68, Berlin")
                .doesNotContain("No emergency location");
        assertThat(cell(lobby, "location")).isEqualTo("No emergency location");
        assertThat(browser.findElement(By.cssSelector(".stats")).getText())
                .contains("3\nDesks", "1\nIn use", "2\nIdle", "2\nNot registered", "1\nWithout emergency location");

        // the status filter keeps only what it names
        PageLoads.after(browser, () -> new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("status")))
                .selectByValue("in-use"));
        assertThat(browser.getCurrentUrl()).contains("status=in-use");
        assertThat(browser.findElements(By.cssSelector("tr[data-device]"))).hasSize(1);
        open();

        // bulk reset of two counters
        row(window).findElement(By.name("ids")).click();
        row(kitchen).findElement(By.name("ids")).click();
        PageLoads.click(browser, browser.findElement(By.cssSelector("button[value='reset-counter']")));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText())
                .isEqualTo("Provision counter reset on 2 desks.");
        assertThat(cell(window, "provisioned")).isEqualTo("0/20");
        assertThat(cell(kitchen, "provisioned")).isEqualTo("0/20");
        assertThat(cell(lobby, "provisioned")).isEqualTo("3/20");

        // bulk log out: everything ticked (select-all), one of them in use
        browser.findElement(By.cssSelector("input[data-select-all=ids]")).click();
        assertThat(browser.findElements(By.cssSelector("input[name=ids]:checked"))).hasSize(3);
        PageLoads.click(browser, browser.findElement(By.cssSelector("button[value='logout']")));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).isEqualTo("1 user logged out.");
        assertThat(cell(window, "status")).isEqualTo("Idle");
        assertThat(server.core().sessions().openSessionOf(window.id())).isEmpty();
    }

    @Test
    void aRowsLogOutEndsOnlyThatSessionAndRemovingAsksFirst() {
        desks.adminLogin(kitchen, desks.user(acme, "1002", "Jonas Weber"));
        open();
        row(window).findElement(By.name("ids")).click();
        PageLoads.click(browser, row(kitchen).findElement(By.xpath(".//button[text()='Log out']")));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).isEqualTo("Logged out of Desk 2.20 – Kitchen.");
        assertThat(cell(kitchen, "status")).isEqualTo("Idle");
        assertThat(cell(window, "status")).contains("Alice Smith (1001)");

        row(lobby).findElement(By.name("ids")).click();
        browser.findElement(By.cssSelector("button[value='remove']")).click();
        browser.switchTo().alert().dismiss();
        assertThat(server.core().devices().list(acme.id())).hasSize(3);
        PageLoads.confirm(browser, browser.findElement(By.cssSelector("button[value='remove']")));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).isEqualTo("1 desk removed.");
        assertThat(browser.findElements(By.cssSelector("tr[data-device]"))).hasSize(2);
    }

    @Test
    void aBulkActionWithOneBadDeskChangesNothing() {
        open();
        row(window).findElement(By.name("ids")).click();
        row(kitchen).findElement(By.name("ids")).click();
        // a desk removed by someone else since the page was drawn
        ((JavascriptExecutor) browser).executeScript(
                "document.querySelector(\"tr[data-device='" + kitchen.id() + "'] input[name=ids]\").value = '999999';");
        PageLoads.click(browser, browser.findElement(By.cssSelector("button[value='reset-counter']")));
        assertThat(browser.findElement(By.cssSelector(".flash.error")).getText())
                .contains("999999").contains("nothing was changed");
        assertThat(server.core().devices().get(acme.id(), window.id()).provisionCount()).isEqualTo(20);

        // a bad NTP server: nothing set anywhere
        row(window).findElement(By.name("ids")).click();
        row(kitchen).findElement(By.name("ids")).click();
        browser.findElement(By.name("ntpServer")).sendKeys("not a host!");
        PageLoads.click(browser, browser.findElement(By.cssSelector("button[value='ntp-server']")));
        assertThat(browser.findElement(By.cssSelector(".flash.error")).getText())
                .contains("NTP server: 'not a host!' is not a host name or IP address");
        assertThat(server.core().devices().get(acme.id(), window.id()).provisioning().ntpServer()).isNull();

        // Enter in a value field must not fire the first action button (Log out)
        row(window).findElement(By.name("ids")).click();
        PageLoads.after(browser, () -> browser.findElement(By.name("sipDomain"))
                .sendKeys("voice.acme.example" + org.openqa.selenium.Keys.ENTER));
        assertThat(browser.findElement(By.cssSelector(".flash.error")).getText())
                .isEqualTo("Choose one of the action buttons. Nothing was changed.");
        assertThat(server.core().sessions().openSessionOf(window.id())).isPresent();

        row(window).findElement(By.name("ids")).click();
        row(kitchen).findElement(By.name("ids")).click();
        browser.findElement(By.name("sipDomain")).sendKeys("voice.acme.example");
        PageLoads.click(browser, browser.findElement(By.cssSelector("button[value='sip-domain']")));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText())
                .isEqualTo("SIP domain voice.acme.example set on 2 desks.");
        assertThat(server.core().devices().get(acme.id(), kitchen.id()).provisioning().sipDomain())
                .isEqualTo("voice.acme.example");
        assertThat(server.core().devices().get(acme.id(), lobby.id()).provisioning().sipDomain()).isNull();
    }

    @Test
    void aBadMacIsRefusedWithItsReasonAndAddsNothingWhileAGoodDeskShowsItsPasswordOnce() {
        open();
        browser.findElement(By.cssSelector("#add-device summary")).click();
        browser.findElement(By.cssSelector("#add-device input[name=mac]")).sendKeys("zz");
        browser.findElement(By.cssSelector("#add-device input[name=name]")).sendKeys("Desk 3.01");
        PageLoads.click(browser, browser.findElement(By.cssSelector("#add-device button[type=submit]")));
        assertThat(browser.findElement(By.cssSelector(".flash.error")).getText())
                .isEqualTo("Desk not added. MAC address: 'zz' is not a MAC address (expected 12 hex digits, e.g. 00:15:65:aa:bb:cc).");
        assertThat(server.core().devices().list(acme.id())).hasSize(3);

        // the form is open again with what was typed: mend the MAC
        browser.findElement(By.cssSelector("#add-device input[name=mac]")).clear();
        browser.findElement(By.cssSelector("#add-device input[name=mac]")).sendKeys("00:15:65:00:03:01");
        assertThat(browser.findElement(By.cssSelector("#add-device input[name=name]")).getDomProperty("value"))
                .isEqualTo("Desk 3.01");
        browser.findElement(By.cssSelector("#add-device input[name=street]")).sendKeys("Friedrichstraße");
        browser.findElement(By.cssSelector("#add-device input[name=city]")).sendKeys("Berlin");
        browser.findElement(By.cssSelector("#add-device input[name=country]")).sendKeys("de");
        PageLoads.click(browser, browser.findElement(By.cssSelector("#add-device button[type=submit]")));
        String flash = browser.findElement(By.cssSelector(".flash.ok")).getText();
        Device added = server.core().devices().list(acme.id()).stream()
                .filter(d -> d.name().equals("Desk 3.01")).findFirst().orElseThrow();
        assertThat(flash).isEqualTo("Desk 3.01 added. SIP account "
                + added.sipUsername() + ": password " + added.sipPassword() + " — shown only now.");
        assertThat(cell(added, "location")).isEqualTo("Friedrichstraße, Berlin");
        browser.navigate().refresh();
        assertThat(browser.getPageSource()).doesNotContain(added.sipPassword());
    }

    @Test
    void onTheDesksPageTheAdminLogsAUserInAndOutAndFixesTheLocation() {
        browser.get(server.baseUrl() + "/console/tenants/" + acme.id() + "/devices/" + lobby.id());
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("userId"))).selectByVisibleText("1001 · Alice Smith");
        PageLoads.click(browser, browser.findElement(By.cssSelector("form[action$='/login'] button")));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText())
                .isEqualTo("Alice Smith (1001) logged in at Lobby phone.");
        assertThat(server.core().sessions().openSessionOf(lobby.id())).isPresent();
        // the single-login policy moved her from the window desk
        assertThat(server.core().sessions().openSessionOf(window.id())).isEmpty();

        browser.findElement(By.name("street")).sendKeys("Friedrichstraße");
        browser.findElement(By.name("houseNumber")).sendKeys("68");
        browser.findElement(By.name("city")).sendKeys("Berlin");
        browser.findElement(By.name("country")).sendKeys("D1");
        PageLoads.click(browser, browser.findElement(By.cssSelector("form[action$='/save'] button[type=submit]")));
        assertThat(browser.findElement(By.cssSelector(".flash.error")).getText())
                .startsWith("Lobby phone not saved. Country: 'D1' is not");
        assertThat(server.core().devices().get(acme.id(), lobby.id()).location()).isEqualTo(CivicAddress.NONE);

        // what was typed is still there: only the country needs mending
        assertThat(browser.findElement(By.name("street")).getDomProperty("value")).isEqualTo("Friedrichstraße");
        browser.findElement(By.name("country")).clear();
        browser.findElement(By.name("country")).sendKeys("DE");
        PageLoads.click(browser, browser.findElement(By.cssSelector("form[action$='/save'] button[type=submit]")));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).isEqualTo("Lobby phone saved.");
        assertThat(server.core().devices().addressOf(server.core().devices().get(acme.id(), lobby.id()))
                .isDispatchable()).isTrue();

        PageLoads.click(browser, browser.findElement(By.cssSelector("main form[action$='/logout'] button")));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).isEqualTo("Logged out of Lobby phone.");
        assertThat(server.core().sessions().openSessionOf(lobby.id())).isEmpty();
    }

    @Test
    void anotherTenantsDevicesAreForbidden() throws Exception {
        Tenant other = server.hotdesk().tenant("other.example");
        desks.desk(other, "00:15:65:00:09:01", "Secret desk", Vendor.YEALINK, "T54W", CivicAddress.NONE);
        String cookie = browser.manage().getCookieNamed("hotdesk_console").getValue();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/console/tenants/" + other.id() + "/devices"))
                .header("Cookie", "hotdesk_console=" + cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).doesNotContain("Secret desk");

        browser.get(server.baseUrl() + "/console/tenants/" + other.id() + "/devices");
        assertThat(browser.getPageSource()).doesNotContain("Secret desk");
        // and its own page still works with the same session
        open();
        assertThat(browser.findElements(By.cssSelector("tr[data-device]"))).hasSize(3);
    }
}
