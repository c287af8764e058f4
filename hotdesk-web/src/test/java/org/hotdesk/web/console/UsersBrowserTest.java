package org.hotdesk.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hotdesk.core.access.SignIn;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.login.LockKey;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.user.FunctionKey;
import org.hotdesk.core.user.User;
import org.hotdesk.store.testing.TestHotdesk;
import org.hotdesk.web.testing.Chromium;
import org.hotdesk.web.testing.PageLoads;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The users pages in a real browser: lockouts, hot-desk access, adding people and setting PINs. */
class UsersBrowserTest extends BusyMorningInBrowser {
    @Test
    void aLockedOutUserIsUnlockedFromTheUsersPage() {
        User sophie = office.person("Sophie Wagner");
        lockOut(sophie);

        OpsConsole.signIn(browser, server, office.tenant);
        OpsConsole.open(browser, server, office.tenant, "users");
        assertThat(row(sophie).findElement(By.cssSelector(".badge.locked")).getText()).isEqualTo("Locked until 09:15");
        assertThat(browser.findElements(By.cssSelector(".badge.locked"))).hasSize(1);

        PageLoads.click(browser, row(sophie).findElement(By.xpath(".//button[text()='Unlock']")));

        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).isEqualTo("Sophie Wagner unlocked");
        assertThat(browser.findElements(By.cssSelector(".badge.locked"))).isEmpty();
        assertThat(core.attempts().isLocked(office.tenant.id(), LockKey.user(sophie.id()))).isFalse();
        assertThat(core.access().signIn("nordlicht.example", "2104", "4711")).isInstanceOf(SignIn.SignedIn.class);
    }

    @Test
    void hotDeskAccessIsSwitchedOffFromTheList() {
        User tobias = office.person("Tobias Neumann");
        OpsConsole.signIn(browser, server, office.tenant);
        OpsConsole.open(browser, server, office.tenant, "users");

        PageLoads.click(browser, row(tobias).findElement(By.cssSelector(".switch")));

        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText())
                .isEqualTo("Tobias Neumann may no longer hot-desk");
        assertThat(row(tobias).findElement(By.name("hotDesk")).isSelected()).isFalse();
        assertThat(core.users().get(office.tenant.id(), tobias.id()).hotDesk()).isFalse();
        assertThat(core.users().get(office.tenant.id(), office.person("Hannah Klein").id()).hotDesk()).isTrue();
    }

    @Test
    void aNewPersonIsAddedAndGetsANewPinThatIsNeverShown() {
        OpsConsole.signIn(browser, server, office.tenant);
        OpsConsole.open(browser, server, office.tenant, "users");
        browser.findElement(By.name("extension")).sendKeys("2111");
        browser.findElement(By.name("name")).sendKeys("Clara Vogel");
        browser.findElement(By.cssSelector("form[action$='/users'] input[name=pin]")).sendKeys("1357");
        PageLoads.click(browser, browser.findElement(By.xpath("//button[text()='Add']")));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).isEqualTo("Clara Vogel (2111) added");

        // the same extension again is refused and adds nobody
        browser.findElement(By.name("extension")).sendKeys("2111");
        browser.findElement(By.name("name")).sendKeys("Clara Duplicate");
        browser.findElement(By.cssSelector("form[action$='/users'] input[name=pin]")).sendKeys("1357");
        PageLoads.click(browser, browser.findElement(By.xpath("//button[text()='Add']")));
        assertThat(browser.findElement(By.cssSelector(".flash.error")).getText()).contains("Extension 2111 already exists");
        assertThat(core.users().list(office.tenant.id())).hasSize(11);

        PageLoads.click(browser, browser.findElement(By.linkText("Clara Vogel")));
        browser.findElement(By.cssSelector("form[action$='/pin'] input[name=pin]")).sendKeys("2468");
        PageLoads.click(browser, browser.findElement(By.xpath("//button[text()='Set PIN']")));

        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).isEqualTo("PIN changed");
        assertThat(browser.getPageSource()).doesNotContain("2468").doesNotContain("1357");
        assertThat(core.access().signIn("nordlicht.example", "2111", "2468")).isInstanceOf(SignIn.SignedIn.class);
        assertThat(core.access().signIn("nordlicht.example", "2111", "1357")).isInstanceOf(SignIn.Refused.class);
    }

    @Test
    void disablingSomeoneLogsThemOutEverywhere() {
        User felix = office.person("Felix Richter");
        core.logins().login(office.desk("Focus Room 4.01").id(), new Credentials.Assigned(felix.id(), LoginMethod.ADMIN),
                TestHotdesk.ADMIN);
        OpsConsole.signIn(browser, server, office.tenant);
        OpsConsole.open(browser, server, office.tenant, "users/" + felix.id());
        assertThat(browser.findElement(By.cssSelector(".summary")).getText()).contains("At Focus Room 4.01");

        PageLoads.confirm(browser, browser.findElement(By.xpath("//button[text()='Disable']")));

        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText())
                .isEqualTo("Felix Richter disabled and logged out everywhere");
        assertThat(browser.findElement(By.cssSelector(".summary")).getText()).contains("Disabled", "Not logged in");
        assertThat(core.sessions().listOpen(office.tenant.id())).isEmpty();
    }

    @Test
    void theUsersOfTheBerlinOffice() {
        User priya = office.person("Priya Raman");
        core.users().setKeys(office.tenant.id(), priya.id(), List.of(
                new FunctionKey(FunctionKey.Type.BLF, "2101", "Alice"),
                new FunctionKey(FunctionKey.Type.BLF, "2108", "Reception"),
                new FunctionKey(FunctionKey.Type.SPEED_DIAL, "+493012345678", "Facilities")), TestHotdesk.ADMIN);
        String[][] seated = {{"Hannah Klein", "Reception"}, {"Alice Schneider", "Desk 2.14 – Window"},
                {"Mehmet Yılmaz", "Desk 3.02 – Team Payments"}, {"Priya Raman", "Desk 2.21 – Quiet zone"},
                {"Ana Kovačević", "Desk K-1 – Kreuzberg hub"}};
        for (String[] s : seated) {
            core.logins().login(office.desk(s[1]).id(),
                    new Credentials.Assigned(office.person(s[0]).id(), LoginMethod.ADMIN), TestHotdesk.ADMIN);
        }
        lockOut(office.person("Sophie Wagner"));
        core.users().setHotDesk(office.tenant.id(), office.person("Tobias Neumann").id(), false, TestHotdesk.ADMIN);
        core.users().setEnabled(office.tenant.id(), office.person("Lukas Hoffmann").id(), false, TestHotdesk.ADMIN);

        OpsConsole.signIn(browser, server, office.tenant);
        OpsConsole.open(browser, server, office.tenant, "users");
        assertThat(browser.findElements(By.cssSelector("table.users tbody tr[data-user]"))).hasSize(10);
        assertThat(row(office.person("Alice Schneider")).getText()).contains("At Desk 2.14 – Window");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1200));
        Chromium.screenshot(browser, "users");

        OpsConsole.open(browser, server, office.tenant, "users/" + priya.id());
        WebElement reception = browser.findElement(By.cssSelector("li.key[data-key='2']"));
        assertThat(reception.findElement(By.cssSelector("select[name=type] option[selected]")).getText())
                .isEqualTo("Busy lamp");
        assertThat(reception.findElement(By.name("value")).getAttribute("value")).isEqualTo("2108");
        assertThat(reception.findElement(By.name("label")).getAttribute("value")).isEqualTo("Reception");
        Chromium.screenshot(browser, "user");
    }

    private void lockOut(User user) {
        for (int i = 0; i < 5; i++) {
            assertThat(core.access().signIn("nordlicht.example", user.extension(), "9402"))
                    .isInstanceOf(SignIn.Refused.class);
        }
        assertThat(core.attempts().isLocked(office.tenant.id(), LockKey.user(user.id()))).isTrue();
    }

    private WebElement row(User user) {
        return browser.findElement(By.cssSelector("tr[data-user='" + user.id() + "']"));
    }
}
