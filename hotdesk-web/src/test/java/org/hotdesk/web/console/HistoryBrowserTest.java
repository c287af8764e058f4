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
import org.openqa.selenium.support.ui.Select;

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

        WebElement select = browser.findElement(By.name("user"));
        PageLoads.after(browser, () -> new Select(select).selectByVisibleText("Jonas Becker (2102)"));
        assertThat(browser.getCurrentUrl()).contains("user=" + jonas.id());
        assertThat(browser.findElements(By.cssSelector("table.history tbody tr"))).singleElement()
                .satisfies(r -> assertThat(r.getText()).contains("Jonas Becker"));

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

    private static String text(List<WebElement> rows, String person) {
        return rows.stream().map(WebElement::getText).filter(x -> x.contains(person)).findFirst().orElseThrow();
    }
}
