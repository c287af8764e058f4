package org.hotdesk.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.event.DeviceEvent;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.web.testing.Chromium;
import org.hotdesk.web.testing.PageLoads;
import org.hotdesk.web.testing.WebTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** "Re-sync now" on a desk's page and for ticked desks, in a real headless Chromium. */
class ResyncNowBrowserTest {
    WebTestServer server;
    WebDriver browser;
    Tenant acme;
    Device first;
    Device second;
    final List<DeviceEvent> announced = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        server = new WebTestServer();
        acme = server.hotdesk().tenant("acme.example");
        first = server.hotdesk().device(acme);
        second = server.hotdesk().device(acme);
        server.core().events().subscribe(announced::add);
        browser = Chromium.start(false);
        ConsoleDesks desks = new ConsoleDesks(server);
        desks.signIn(browser, desks.tenantAdminToken(acme));
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.quit();
        server.close();
    }

    @Test
    void aDeskAndTickedDesksAreAskedToFetchTheirConfigurationNow() {
        browser.get(server.baseUrl() + "/console/tenants/" + acme.id() + "/devices/" + first.id());
        PageLoads.click(browser, browser.findElement(By.xpath("//button[text()='Re-sync now']")));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText())
                .contains("Asked " + first.name() + " to fetch its configuration now");
        assertThat(announced).singleElement().satisfies(e -> assertThat(e.device().id()).isEqualTo(first.id()));

        browser.get(server.baseUrl() + "/console/tenants/" + acme.id() + "/devices");
        browser.findElement(By.cssSelector("input[name=ids][value='" + first.id() + "']")).click();
        browser.findElement(By.cssSelector("input[name=ids][value='" + second.id() + "']")).click();
        PageLoads.click(browser, browser.findElement(By.cssSelector("button[value=resync]")));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText())
                .contains("Asked 2 desks to fetch their configuration now");
        assertThat(announced).hasSize(3);
    }
}
