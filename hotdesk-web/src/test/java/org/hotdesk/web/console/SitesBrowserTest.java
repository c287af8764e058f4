package org.hotdesk.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotdesk.core.device.Device;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.site.Site;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.store.testing.TestHotdesk;
import org.hotdesk.web.testing.Chromium;
import org.hotdesk.web.testing.PageLoads;
import org.hotdesk.web.testing.WebTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * An admin keeps the tenant's sites in a real headless Chromium: adds one (a refused form keeps what was typed and
 * names every bad field), renames it, is told why it cannot be removed while a desk is there, and removes it after.
 */
class SitesBrowserTest {
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
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.quit();
        server.close();
    }

    private WebElement field(String form, String name) {
        return browser.findElement(By.cssSelector(form + " [name=" + name + "]"));
    }

    private void type(String form, String name, String text) {
        field(form, name).clear();
        field(form, name).sendKeys(text);
    }

    private String flash(String kind) {
        return browser.findElement(By.cssSelector(".flash." + kind)).getText();
    }

    @Test
    void anAdminAddsRenamesAndRemovesASiteButNotWhileADeskIsThere() {
        browser.get(server.baseUrl() + "/console/tenants/" + acme.id() + "/live");
        PageLoads.click(browser, browser.findElement(By.linkText("Sites")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sites");
        assertThat(browser.findElement(By.cssSelector("table.sites")).getText()).contains("No sites yet");

        // two bad fields: both named, everything typed kept
        browser.findElement(By.cssSelector("#add-site summary")).click();
        type("#add-site", "name", "Head office");
        type("#add-site", "street", "Friedrichstraße");
        type("#add-site", "houseNumber", "68");
        type("#add-site", "city", "Berlin");
        type("#add-site", "country", "1x");
        type("#add-site", "callbackNumber", "call reception");
        PageLoads.click(browser, browser.findElement(By.cssSelector("#add-site button[type=submit]")));

        Chromium.screenshot(browser, "console-sites-refused");
        assertThat(flash("error")).startsWith("Site not added.").contains("Country: '1x'", "callreception");
        assertThat(server.core().sites().list(acme.id())).isEmpty();
        assertThat(browser.findElement(By.id("add-site")).getDomAttribute("open")).as("the form is open again")
                .isNotNull();
        assertThat(field("#add-site", "name").getDomProperty("value")).isEqualTo("Head office");
        assertThat(field("#add-site", "street").getDomProperty("value")).isEqualTo("Friedrichstraße");
        assertThat(field("#add-site", "city").getDomProperty("value")).isEqualTo("Berlin");
        assertThat(field("#add-site", "country").getDomProperty("value")).isEqualTo("1x");
        assertThat(field("#add-site", "callbackNumber").getDomProperty("value")).isEqualTo("call reception");

        type("#add-site", "country", "DE");
        type("#add-site", "callbackNumber", "+49301234560");
        PageLoads.click(browser, browser.findElement(By.cssSelector("#add-site button[type=submit]")));
        assertThat(flash("ok")).isEqualTo("Site Head office added.");
        Site site = server.core().sites().byName(acme.id(), "Head office");
        assertThat(site.location().city()).isEqualTo("Berlin");
        assertThat(site.location().callbackNumber()).isEqualTo("+49301234560");
        WebElement row = browser.findElement(By.cssSelector("tr[data-site='" + site.id() + "']"));
        assertThat(row.getText()).contains("Head office", "Friedrichstraße 68, Berlin", "No desks")
                .doesNotContain("No emergency address");

        // rename it on its page
        PageLoads.click(browser, row.findElement(By.linkText("Head office")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Head office");
        type("#edit-site", "name", "Berlin office");
        type("#edit-site", "floor", "3");
        PageLoads.click(browser, browser.findElement(By.cssSelector("#edit-site button[type=submit]")));
        assertThat(flash("ok")).startsWith("Site Berlin office saved");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Berlin office");
        assertThat(server.core().sites().get(acme.id(), site.id()).name()).isEqualTo("Berlin office");
        assertThat(server.core().sites().get(acme.id(), site.id()).location().floor()).isEqualTo("3");

        // a desk moves in: removal is refused, saying why
        Device desk = server.hotdesk().device(acme);
        server.core().devices().setSite(acme.id(), desk.id(), server.core().sites().get(acme.id(), site.id()),
                TestHotdesk.ADMIN);
        browser.navigate().refresh();
        assertThat(browser.findElement(By.cssSelector(".crumbs")).getText()).contains("1 desk at this site");
        PageLoads.confirm(browser, browser.findElement(By.xpath("//button[text()='Remove site']")));
        Chromium.screenshot(browser, "console-site-in-use");
        assertThat(flash("error")).contains("Berlin office", "1 desk", "Nothing was changed");
        assertThat(server.core().sites().list(acme.id())).hasSize(1);

        // the desk leaves: removed
        server.core().devices().setSite(acme.id(), desk.id(), null, TestHotdesk.ADMIN);
        browser.navigate().refresh();
        PageLoads.confirm(browser, browser.findElement(By.xpath("//button[text()='Remove site']")));
        assertThat(flash("ok")).isEqualTo("Site Berlin office removed.");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sites");
        assertThat(server.core().sites().list(acme.id())).isEmpty();
    }

    @Test
    void theListShowsHowManyDesksEachSiteHasAndWhichLackAnEmergencyAddress() {
        Site hq = server.core().sites().create(acme.id(), "HQ", new CivicAddress(null, "DE", null, "Berlin",
                "Hauptstr.", "1", null, null, null, null), TestHotdesk.ADMIN);
        Site annex = server.core().sites().create(acme.id(), "Annex", CivicAddress.NONE, TestHotdesk.ADMIN);
        for (int i = 0; i < 3; i++) {
            server.core().devices().setSite(acme.id(), server.hotdesk().device(acme).id(), hq, TestHotdesk.ADMIN);
        }

        browser.get(server.baseUrl() + "/console/tenants/" + acme.id() + "/sites");

        assertThat(browser.findElement(By.cssSelector("tr[data-site='" + hq.id() + "']")).getText())
                .contains("HQ", "Hauptstr. 1, Berlin", "3 desks").doesNotContain("No emergency address");
        assertThat(browser.findElement(By.cssSelector("tr[data-site='" + annex.id() + "']")).getText())
                .contains("Annex", "No desks", "No emergency address");
        assertThat(browser.findElements(By.cssSelector("table.sites tbody tr"))).hasSize(2);
        Chromium.screenshot(browser, "console-sites");
    }
}
