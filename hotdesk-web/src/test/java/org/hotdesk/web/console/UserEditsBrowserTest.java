package org.hotdesk.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.hotdesk.core.access.SignIn;
import org.hotdesk.core.history.HistoryWindow;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.login.LoginResult;
import org.hotdesk.core.session.LoginMethod;
import org.hotdesk.core.user.FunctionKey;
import org.hotdesk.core.user.NewUser;
import org.hotdesk.core.user.User;
import org.hotdesk.store.testing.TestHotdesk;
import org.hotdesk.web.testing.PageLoads;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** What an admin changes on a person's page in a real browser: function keys, a one-time code, deleting them. */
class UserEditsBrowserTest extends BusyMorningInBrowser {

    @Test
    void keysAreAddedChangedAndRemovedAndReachTheCore() {
        User priya = office.person("Priya Raman");
        core.users().setKeys(office.tenant.id(), priya.id(), List.of(
                new FunctionKey(FunctionKey.Type.BLF, "2101", "Alice"),
                new FunctionKey(FunctionKey.Type.SPEED_DIAL, "+493012345678", "Facilities")), TestHotdesk.ADMIN);
        OpsConsole.signIn(browser, server, office.tenant);
        OpsConsole.open(browser, server, office.tenant, "users/" + priya.id());
        assertThat(value(1, "value")).isEqualTo("2101");
        assertThat(value(2, "label")).isEqualTo("Facilities");

        // key 1 gets a new label, key 2 goes, a new busy lamp for reception is added in the first empty line
        key(1).findElement(By.name("label")).clear();
        key(1).findElement(By.name("label")).sendKeys("Alice S.");
        key(2).findElement(By.name("remove")).click();
        new Select(key(3).findElement(By.name("type"))).selectByVisibleText("Busy lamp");
        key(3).findElement(By.name("value")).sendKeys("2108");
        key(3).findElement(By.name("label")).sendKeys("Reception");
        PageLoads.click(browser, browser.findElement(By.xpath("//button[text()='Save keys']")));

        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).isEqualTo("2 function keys saved for Priya Raman");
        assertThat(core.users().keys(office.tenant.id(), priya.id())).containsExactly(
                new FunctionKey(FunctionKey.Type.BLF, "2101", "Alice S."),
                new FunctionKey(FunctionKey.Type.BLF, "2108", "Reception"));
        assertThat(value(2, "value")).isEqualTo("2108");
        assertThat(value(3, "value")).isEmpty();
    }

    @Test
    void aBadKeyIsNamedKeepsWhatWasTypedAndChangesNothing() {
        User priya = office.person("Priya Raman");
        core.users().setKeys(office.tenant.id(), priya.id(), List.of(
                new FunctionKey(FunctionKey.Type.BLF, "2101", "Alice")), TestHotdesk.ADMIN);
        OpsConsole.signIn(browser, server, office.tenant);
        OpsConsole.open(browser, server, office.tenant, "users/" + priya.id());

        new Select(key(2).findElement(By.name("type"))).selectByVisibleText("Speed dial");
        key(2).findElement(By.name("value")).sendKeys("front desk");
        key(2).findElement(By.name("label")).sendKeys("Front");
        key(3).findElement(By.name("value")).sendKeys("2102");
        PageLoads.click(browser, browser.findElement(By.xpath("//button[text()='Save keys']")));

        assertThat(browser.findElement(By.cssSelector(".flash.error")).getText())
                .contains("Function keys not saved", "Key 2: Key number: 'front desk' is not an extension or number");
        assertThat(key(2).getAttribute("class")).contains("invalid");
        assertThat(key(2).findElement(By.cssSelector(".problem")).getText()).contains("'front desk'");
        assertThat(key(2).findElement(By.name("value")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(value(2, "value")).isEqualTo("front desk");
        assertThat(value(2, "label")).isEqualTo("Front");
        assertThat(new Select(key(2).findElement(By.name("type"))).getFirstSelectedOption().getText()).isEqualTo("Speed dial");
        assertThat(value(3, "value")).isEqualTo("2102");
        assertThat(key(1).getAttribute("class")).doesNotContain("invalid");
        assertThat(core.users().keys(office.tenant.id(), priya.id()))
                .containsExactly(new FunctionKey(FunctionKey.Type.BLF, "2101", "Alice"));

        // corrected, the same form saves
        key(2).findElement(By.name("value")).clear();
        key(2).findElement(By.name("value")).sendKeys("2108");
        PageLoads.click(browser, browser.findElement(By.xpath("//button[text()='Save keys']")));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).isEqualTo("3 function keys saved for Priya Raman");
        assertThat(core.users().keys(office.tenant.id(), priya.id())).extracting(FunctionKey::value)
                .containsExactly("2101", "2108", "2102");
    }

    @Test
    void aOneTimeCodeIsShownOnceWithItsExpiryInTheTenantsTimeAndLogsIn() {
        User jonas = office.person("Jonas Becker");
        OpsConsole.signIn(browser, server, office.tenant);
        OpsConsole.open(browser, server, office.tenant, "users/" + jonas.id());
        assertThat(browser.findElements(By.id("otp-code"))).isEmpty();

        PageLoads.click(browser, browser.findElement(By.xpath("//button[text()='Create one-time code']")));

        String code = browser.findElement(By.id("otp-code")).getText();
        assertThat(code).matches("[0-9]{6}");
        String until = server.hotdesk().clock().instant().plusSeconds(120).atZone(ZoneId.of("Europe/Berlin"))
                .format(DateTimeFormatter.ofPattern("HH:mm:ss"));
        assertThat(browser.findElement(By.id("otp")).getText()).contains("Valid once, until " + until + " (Europe/Berlin)",
                "dial 00*" + code + "#");

        browser.navigate().refresh();
        assertThat(browser.findElements(By.id("otp-code"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(code);
        // and the code it showed works, once, at a desk
        LoginResult dialled = core.logins().login(office.desk("Desk 2.14 – Window").id(), new Credentials.Otp(code),
                TestHotdesk.ADMIN);
        assertThat(dialled).isInstanceOfSatisfying(LoginResult.LoggedIn.class,
                in -> assertThat(in.session().userId()).isEqualTo(jonas.id()));
    }

    @Test
    void aDeletedPersonIsLoggedOutGoneFromTheListAndTheirExtensionIsFreeAgain() {
        User felix = office.person("Felix Richter");
        core.logins().login(office.desk("Focus Room 4.01").id(), new Credentials.Assigned(felix.id(), LoginMethod.ADMIN),
                TestHotdesk.ADMIN);
        OpsConsole.signIn(browser, server, office.tenant);
        OpsConsole.open(browser, server, office.tenant, "users/" + felix.id());

        PageLoads.confirm(browser, browser.findElement(By.xpath("//button[text()='Delete person']")));

        assertThat(browser.getCurrentUrl()).endsWith("/users");
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText())
                .startsWith("Felix Richter (" + felix.extension() + ") deleted.");
        assertThat(browser.findElements(By.cssSelector("tr[data-user='" + felix.id() + "']"))).isEmpty();
        assertThat(core.sessions().listOpen(office.tenant.id())).noneMatch(s -> s.userId() == felix.id());
        assertThat(core.access().signIn("nordlicht.example", felix.extension(), "4711")).isInstanceOf(SignIn.Refused.class);
        User next = core.users().create(office.tenant.id(), new NewUser(felix.extension(), "Frieda Neu", "2580", true, null),
                TestHotdesk.ADMIN);
        assertThat(next.id()).isNotEqualTo(felix.id());
        assertThat(core.sessions().history(office.tenant.id(), felix.id(), HistoryWindow.newest(5))).hasSize(1);

        // the history page still names them
        OpsConsole.open(browser, server, office.tenant, "history?tab=sessions");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Felix Richter");
        OpsConsole.open(browser, server, office.tenant, "users/" + felix.id());
        assertThat(browser.getPageSource()).doesNotContain("Delete person");
    }

    private WebElement key(int n) {
        return browser.findElement(By.cssSelector("li.key[data-key='" + n + "']"));
    }

    private String value(int n, String field) {
        return key(n).findElement(By.name(field)).getAttribute("value");
    }
}
