package org.hotdesk.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.emergency.EmergencyAlert;
import org.hotdesk.core.user.User;
import org.hotdesk.web.testing.Chromium;
import org.hotdesk.web.testing.PageLoads;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The emergency call log in the console's history, in a real browser: each call with its desk, who sat there, the
 * number dialled, the location sent and what became of the on-site alert; newest first, 50 to a page.
 */
class EmergencyLogBrowserTest extends BusyMorningInBrowser {

    private EmergencyAlert call(Device desk, User user, String dialled) {
        return core.emergency().raise(desk, core.devices().addressOf(desk), user, dialled,
                "sos-" + System.nanoTime() + "@10.20.0.1");
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("table.emergency tbody tr"));
    }

    @Test
    void anEmergencyCallShowsWhereItCameFromWhatWasSentAndWhetherTheAlertGotThrough() {
        var clock = server.hotdesk().clock();
        User alice = office.person("Alice Schneider");
        EmergencyAlert fromAlice = call(office.desk("Desk 2.14 – Window"), alice, "112");
        clock.advance(BusyMorning.minutes(1));
        core.emergency().delivered(fromAlice);
        clock.advance(BusyMorning.minutes(9));
        EmergencyAlert fromReception = call(office.desk("Reception"), null, "110");   // 09:10, nobody logged in
        core.emergency().failed(fromReception, "HTTP 503 from alarm.nordlicht.example");
        clock.advance(BusyMorning.minutes(5));
        call(office.desk("Desk 2.30 – Pop-up"), null, "112");                        // 09:15, no address known

        OpsConsole.signIn(browser, server, office.tenant);
        OpsConsole.open(browser, server, office.tenant, "history");
        PageLoads.click(browser, browser.findElement(By.linkText("Emergency calls")));
        assertThat(browser.getCurrentUrl()).contains("tab=emergency");
        assertThat(browser.findElement(By.cssSelector("nav.tabs a.active")).getText()).isEqualTo("Emergency calls");

        List<WebElement> rows = rows();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).getText()).contains("Mon 2 Mar 09:15", "Desk 2.30 – Pop-up", "Nobody logged in", "112",
                "No emergency address", "Waiting to be sent");
        assertThat(rows.get(1).getText()).contains("Mon 2 Mar 09:10", "Reception", "Nobody logged in", "110",
                "Ground floor, main entrance", "Friedrichstraße 68", "Not delivered yet: 1 attempt",
                "HTTP 503 from alarm.nordlicht.example", "next try");
        assertThat(rows.get(2).getText()).contains("Mon 2 Mar 09:00", "Desk 2.14 – Window", "Alice Schneider (2101)",
                "112", "2nd floor, window row", "Friedrichstraße 68, 10117 Berlin", "Delivered Mon 2 Mar 09:01")
                .doesNotContain("No emergency address");
        assertThat(rows.get(2).findElement(By.cssSelector(".badge")).getDomAttribute("class")).contains("ok");
        Chromium.screenshot(browser, "console-history-emergency");

        // one person's calls
        browser.findElement(By.name("person")).sendKeys("2101");
        PageLoads.click(browser, browser.findElement(By.xpath("//button[text()='Show']")));
        assertThat(rows()).singleElement().satisfies(r -> assertThat(r.getText()).contains("Alice Schneider"));
    }

    @Test
    void aLongLogIsShownFiftyCallsAPageNewestFirst() {
        var clock = server.hotdesk().clock();
        Device reception = office.desk("Reception");
        call(office.desk("Desk 2.14 – Window"), office.person("Alice Schneider"), "112");   // the oldest
        for (int i = 0; i < 50; i++) {
            clock.advance(BusyMorning.minutes(1));
            call(reception, null, "110");
        }

        OpsConsole.signIn(browser, server, office.tenant);
        OpsConsole.open(browser, server, office.tenant, "history?tab=emergency");
        assertThat(rows()).hasSize(50);
        assertThat(rows().get(0).getText()).contains("Mon 2 Mar 09:50", "Reception");
        assertThat(browser.findElement(By.cssSelector("table.emergency")).getText()).doesNotContain("Desk 2.14");

        PageLoads.click(browser, browser.findElement(By.linkText("Older")));
        assertThat(browser.getCurrentUrl()).contains("tab=emergency", "page=2");
        assertThat(rows()).singleElement()
                .satisfies(r -> assertThat(r.getText()).contains("Mon 2 Mar 09:00", "Desk 2.14 – Window"));
        assertThat(browser.findElements(By.linkText("Older"))).isEmpty();
    }
}
