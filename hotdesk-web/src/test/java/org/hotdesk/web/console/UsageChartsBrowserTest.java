package org.hotdesk.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.session.LogoutReason;
import org.hotdesk.core.user.User;
import org.hotdesk.store.testing.TestHotdesk;
import org.hotdesk.web.testing.Chromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** History → Charts in a real browser: logins per hour of the day and how full each floor was, as SVG. */
class UsageChartsBrowserTest extends BusyMorningInBrowser {
    void login(String desk, String person) {
        User u = office.person(person);
        Device d = office.desk(desk);
        core.logins().login(d.id(), new Credentials.Assigned(u.id(), LoginMethod.ADMIN), TestHotdesk.ADMIN);
    }

    WebElement hour(int h) {
        return browser.findElement(By.cssSelector("#logins-by-hour rect[data-hour='" + h + "']"));
    }

    WebElement group(String label) {
        return browser.findElement(By.cssSelector("#occupancy g[data-group='" + label + "']"));
    }

    @Test
    void aMondayMorningShowsWhenPeopleSatDownAndHowFullEachFloorIs() {
        // 09:00 in Berlin on Monday 2 March 2026: two sit down on the 2nd floor, one on the 3rd an hour later
        String[] people = office.people.stream().map(User::name).limit(3).toArray(String[]::new);
        login("Desk 2.14 – Window", people[0]);
        login("Desk 2.15 – Window", people[1]);
        server.hotdesk().clock().advance(BusyMorning.minutes(60));
        login("Desk 3.02 – Team Payments", people[2]);
        server.hotdesk().clock().advance(BusyMorning.minutes(60));
        core.sessions().logout(office.desk("Desk 2.15 – Window").id(), LogoutReason.USER, TestHotdesk.ADMIN);

        OpsConsole.signIn(browser, server, office.tenant);
        OpsConsole.open(browser, server, office.tenant, "history?tab=charts");

        assertThat(browser.findElement(By.cssSelector("nav.tabs a.active")).getText()).isEqualTo("Charts");
        assertThat(browser.findElement(By.cssSelector("#logins-by-hour")).getText())
                .contains("3 logins, 2026-02-24 to 2026-03-02");
        assertThat(browser.findElements(By.cssSelector("#logins-by-hour rect.bar"))).hasSize(24);
        assertThat(hour(9).getAttribute("data-logins")).isEqualTo("2");
        assertThat(hour(10).getAttribute("data-logins")).isEqualTo("1");
        int nine = Integer.parseInt(hour(9).getAttribute("height"));
        int ten = Integer.parseInt(hour(10).getAttribute("height"));
        assertThat(nine).as("twice the logins, twice the height").isBetween(2 * ten - 1, 2 * ten + 1);
        assertThat(hour(8).getAttribute("height")).isEqualTo("0");
        assertThat(hour(9).findElement(By.tagName("title")).getAttribute("textContent"))
                .isEqualTo("09:00–10:00: 2 logins");

        List<String> groups = browser.findElements(By.cssSelector("#occupancy g.group")).stream()
                .map(g -> g.getAttribute("data-group")).toList();
        assertThat(groups).containsExactly("Floor 0", "Floor 1", "Floor 2", "Floor 3", "Floor 4", "No site");
        WebElement second = group("Floor 2");
        assertThat(second.getAttribute("data-desks")).isEqualTo("3");
        assertThat(second.getAttribute("data-peak")).isEqualTo("2");
        assertThat(Integer.parseInt(second.getAttribute("data-share"))).isPositive();
        assertThat(group("Floor 4").getAttribute("data-peak")).isEqualTo("0");
        assertThat(group("Floor 4").getAttribute("data-share")).isEqualTo("0");
        assertThat(second.getText()).contains("peak 2 of 3 desks");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1400));
        Chromium.screenshot(browser, "history-charts");
    }

    @Test
    void aQuietPeriodSaysSoAndTooLongAPeriodIsShortenedAndSaid() {
        OpsConsole.signIn(browser, server, office.tenant);
        OpsConsole.open(browser, server, office.tenant, "history?tab=charts&from=2026-03-03&to=2026-03-04");
        assertThat(browser.findElement(By.cssSelector("#logins-by-hour")).getText())
                .contains("0 logins, 2026-03-03 to 2026-03-04", "Nobody logged in during this period.");
        assertThat(browser.findElements(By.cssSelector("#logins-by-hour svg"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#occupancy g.group"))).hasSize(6);

        OpsConsole.open(browser, server, office.tenant, "history?tab=charts&from=2025-01-01&to=2026-03-02");
        assertThat(browser.findElement(By.cssSelector(".flash.error")).getText())
                .isEqualTo("Charts cover at most 93 days: showing 2025-11-30 to 2026-03-02.");
        assertThat(browser.findElement(By.cssSelector("#logins-by-hour")).getText())
                .contains("2025-11-30 to 2026-03-02");
    }
}
