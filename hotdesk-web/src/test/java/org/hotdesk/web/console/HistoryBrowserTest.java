package org.hotdesk.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hotdesk.core.audit.Actor;
import org.hotdesk.core.call.CallOutcome;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.session.LogoutReason;
import org.hotdesk.core.user.User;
import org.hotdesk.store.testing.TestHotdesk;
import org.hotdesk.web.testing.Chromium;
import org.hotdesk.web.testing.PageLoads;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The history page in a real browser: past sessions and why they ended, calls per person, the audit log. */
class HistoryBrowserTest extends BusyMorningInBrowser {
    @Test
    void sessionsCallsAndTheAuditLogAreListedNewestFirst() {
        long t = office.tenant.id();
        var clock = server.hotdesk().clock();
        User alice = office.person("Alice Schneider");
        User jonas = office.person("Jonas Becker");
        Device window = office.desk("Desk 2.14 – Window");
        Device payments = office.desk("Desk 3.02 – Team Payments");
        core.logins().login(window.id(), new Credentials.ExtensionPin("2101", "4711"), Actor.device(window.label()));
        core.logins().login(payments.id(), new Credentials.Assigned(jonas.id(), LoginMethod.ADMIN), TestHotdesk.ADMIN);
        clock.advance(BusyMorning.minutes(10));
        core.calls().started(t, "call-1@10.20.0.1", window.id(), alice.id(), "2101", "2102", jonas.id());
        core.calls().answered(t, "call-1@10.20.0.1", payments.id());
        clock.advance(BusyMorning.minutes(6));
        core.calls().ended(t, "call-1@10.20.0.1", CallOutcome.ANSWERED);
        clock.advance(BusyMorning.minutes(24));
        core.sessions().logout(window.id(), LogoutReason.USER, Actor.user("2101"));          // 09:40
        core.sessions().logout(payments.id(), LogoutReason.ADMIN, Actor.admin("Facilities desk"));

        OpsConsole.signIn(browser, server, office.tenant);
        OpsConsole.open(browser, server, office.tenant, "history");
        List<WebElement> rows = browser.findElements(By.cssSelector("table.history tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(text(rows, "Alice Schneider")).contains("Desk 2.14 – Window", "Mon 2 Mar 09:00", "Mon 2 Mar 09:40",
                "40 min", "Extension + PIN", "Logged out", "user:2101");
        assertThat(text(rows, "Jonas Becker")).contains("Admin", "Logged out by admin", "admin:Facilities desk");

        // a person by part of the name; then by extension
        browser.findElement(By.name("person")).sendKeys("jonas");
        PageLoads.click(browser, browser.findElement(By.xpath("//button[text()='Show']")));
        assertThat(browser.getCurrentUrl()).contains("person=jonas");
        assertThat(browser.findElements(By.cssSelector("table.history tbody tr"))).singleElement()
                .satisfies(r -> assertThat(r.getText()).contains("Jonas Becker"));
        browser.findElement(By.name("person")).clear();
        browser.findElement(By.name("person")).sendKeys("9999");
        PageLoads.click(browser, browser.findElement(By.xpath("//button[text()='Show']")));
        assertThat(browser.findElement(By.cssSelector(".flash.error")).getText())
                .isEqualTo("Nobody has the extension or name '9999': showing everyone.");
        assertThat(browser.findElements(By.cssSelector("table.history tbody tr"))).hasSize(2);
        // a period that ended before that morning shows nothing; one that holds it, both
        browser.findElement(By.name("person")).clear();
        setDate("from", "2026-02-01");
        setDate("to", "2026-02-28");
        PageLoads.click(browser, browser.findElement(By.xpath("//button[text()='Show']")));
        assertThat(browser.findElement(By.cssSelector("table.history tbody")).getText()).contains("No sessions in this view");
        setDate("to", "2026-03-02");
        PageLoads.click(browser, browser.findElement(By.xpath("//button[text()='Show']")));
        assertThat(browser.findElements(By.cssSelector("table.history tbody tr"))).hasSize(2);
        browser.get(browser.getCurrentUrl().replace("/history?", "/history?person=2102&"));

        PageLoads.click(browser, browser.findElement(By.linkText("Calls")));
        assertThat(browser.findElement(By.cssSelector("table.history tbody tr")).getText())
                .contains("Mon 2 Mar 09:10", "Alice Schneider (2101)", "2102", "Jonas Becker", "6 min", "Answered");

        PageLoads.click(browser, browser.findElement(By.linkText("Audit log")));
        List<String> audit = browser.findElements(By.cssSelector("table.audit tbody tr")).stream()
                .map(WebElement::getText).toList();
        assertThat(audit.getFirst()).contains("admin:test", "token.issued");   // the console sign-in's token, newest
        assertThat(audit).anySatisfy(r -> assertThat(r).contains("Mon 2 Mar 09:40", "admin:Facilities desk",
                "session.ended", "ADMIN"));
        Chromium.screenshot(browser, "history-audit");
    }

    /** A date field takes its value the way a date picker leaves it (keys depend on the browser's locale). */
    private void setDate(String name, String isoDate) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementsByName(arguments[0])[0].value = arguments[1]", name, isoDate);
    }

    private static String text(List<WebElement> rows, String person) {
        return rows.stream().map(WebElement::getText).filter(x -> x.contains(person)).findFirst().orElseThrow();
    }
}
