package org.hotdesk.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.trunk.Trunk;
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
 * An admin keeps the tenant's trunks in a real headless Chromium: adds one (a refused form keeps what was typed,
 * marks every wrong field and names every problem), sees its networks and numbers listed, changes it, is refused a
 * number another company has, and removes it after confirming.
 */
class TrunksBrowserTest {
    WebTestServer server;
    WebDriver browser;
    Tenant acme;

    @BeforeEach
    void start() {
        server = new WebTestServer();
        acme = server.hotdesk().tenant("acme.example");
        server.hotdesk().user(acme, "1001", "2581");
        server.hotdesk().user(acme, "1002", "2582");
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

    private boolean marked(String form, String name) {
        return "true".equals(field(form, name).getDomAttribute("aria-invalid"));
    }

    private String flash(String kind) {
        return browser.findElement(By.cssSelector(".flash." + kind)).getText();
    }

    @Test
    void anAdminAddsChangesAndRemovesATrunkAndARefusedFormKeepsWhatWasTyped() {
        browser.get(server.baseUrl() + "/console/tenants/" + acme.id() + "/live");
        PageLoads.click(browser, browser.findElement(By.linkText("Trunks")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Trunks");
        assertThat(browser.findElement(By.cssSelector("table.trunks")).getText()).contains("No trunks yet");

        // a bad network and a number that rings no one: both marked and named, everything typed kept
        browser.findElement(By.cssSelector("#add-trunk summary")).click();
        type("#add-trunk", "name", "Carrier");
        type("#add-trunk", "sourceCidrs", "192.0.2.10, 10.0.0.0/33");
        type("#add-trunk", "dids", "+14155550100 = 1001\n+14155550101 = 1099");
        PageLoads.click(browser, browser.findElement(By.cssSelector("#add-trunk button[type=submit]")));

        Chromium.screenshot(browser, "console-trunks-refused");
        assertThat(flash("error")).startsWith("Trunk not added.").contains("10.0.0.0/33",
                "Number +14155550101: no one has extension 1099");
        assertThat(server.core().trunks().list(acme.id())).isEmpty();
        assertThat(browser.findElement(By.id("add-trunk")).getDomAttribute("open")).as("the form is open again")
                .isNotNull();
        assertThat(field("#add-trunk", "name").getDomProperty("value")).isEqualTo("Carrier");
        assertThat(field("#add-trunk", "sourceCidrs").getDomProperty("value")).isEqualTo("192.0.2.10, 10.0.0.0/33");
        assertThat(field("#add-trunk", "dids").getDomProperty("value"))
                .isEqualTo("+14155550100 = 1001\n+14155550101 = 1099");
        assertThat(marked("#add-trunk", "sourceCidrs")).isTrue();
        assertThat(marked("#add-trunk", "dids")).isTrue();
        assertThat(marked("#add-trunk", "name")).isFalse();

        type("#add-trunk", "sourceCidrs", "192.0.2.10, 10.0.0.0/8");
        type("#add-trunk", "dids", "+14155550100 = 1001\n14155550101 1002");
        PageLoads.click(browser, browser.findElement(By.cssSelector("#add-trunk button[type=submit]")));
        assertThat(flash("ok")).isEqualTo("Trunk Carrier added.");
        Trunk carrier = server.core().trunks().list(acme.id()).get(0);
        assertThat(carrier.sourceCidrs()).containsExactly("192.0.2.10/32", "10.0.0.0/8");
        assertThat(carrier.dids()).containsExactly(Map.entry("+14155550100", "1001"), Map.entry("14155550101", "1002"));
        WebElement row = browser.findElement(By.cssSelector("tr[data-trunk='" + carrier.id() + "']"));
        assertThat(row.getText()).contains("Carrier", "192.0.2.10/32, 10.0.0.0/8", "+14155550100 → 1001",
                "14155550101 → 1002");
        assertThat(browser.findElement(By.id("add-trunk")).getDomAttribute("open")).isNull();

        // change it on its page; a number another company has is refused and the page keeps the text
        Tenant other = server.hotdesk().tenant("other.example");
        server.hotdesk().user(other, "2001", "2581");
        server.core().trunks().create(other.id(), "Theirs", List.of("203.0.113.5"), Map.of("+4930123456", "2001"),
                TestHotdesk.ADMIN);
        PageLoads.click(browser, row.findElement(By.linkText("Carrier")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Carrier");
        type("#edit-trunk", "name", "Main carrier");
        type("#edit-trunk", "dids", "+14155550100 = 1002\n4930123456 = 1001");
        PageLoads.click(browser, browser.findElement(By.cssSelector("#edit-trunk button[type=submit]")));
        assertThat(flash("error")).startsWith("Trunk Carrier not saved.").contains("another company's trunk");
        assertThat(marked("#edit-trunk", "dids")).isTrue();
        assertThat(field("#edit-trunk", "name").getDomProperty("value")).isEqualTo("Main carrier");
        assertThat(server.core().trunks().get(acme.id(), carrier.id())).isEqualTo(carrier);

        type("#edit-trunk", "dids", "+14155550100 = 1002");
        PageLoads.click(browser, browser.findElement(By.cssSelector("#edit-trunk button[type=submit]")));
        assertThat(flash("ok")).startsWith("Trunk Main carrier saved");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Main carrier");
        assertThat(server.core().trunks().get(acme.id(), carrier.id()).dids())
                .containsExactly(Map.entry("+14155550100", "1002"));
        assertThat(field("#edit-trunk", "dids").getDomProperty("value")).isEqualTo("+14155550100 = 1002");

        // removed after confirming
        PageLoads.confirm(browser, browser.findElement(By.xpath("//button[text()='Remove trunk']")));
        assertThat(flash("ok")).startsWith("Trunk Main carrier removed.");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Trunks");
        assertThat(server.core().trunks().list(acme.id())).isEmpty();
        Chromium.screenshot(browser, "console-trunks");
    }
}
