package org.hotdesk.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.hotdesk.core.policy.MultipleLoginPolicy;
import org.hotdesk.core.tenant.TenantSettings;
import org.hotdesk.web.testing.Chromium;
import org.hotdesk.web.testing.PageLoads;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The settings page in a real browser: all or nothing, every wrong field named, nothing typed lost. */
class SettingsBrowserTest extends BusyMorningInBrowser {
    @Test
    void everyWrongFieldIsNamedAtOnceNothingChangesAndTheFormKeepsWhatWasTyped() {
        TenantSettings before = settings();
        OpsConsole.signIn(browser, server, office.tenant);
        OpsConsole.open(browser, server, office.tenant, "settings");
        type("emergencyNumbers", "112, 110, 999");   // valid, but must not be saved with the bad ones
        type("idleLogoutMinutes", "-5");
        type("dailyLogoutTime", "7pm");
        type("featureCodes.logout", "00#, 5");
        type("timeZone", "Berlin");
        save();

        assertThat(browser.findElement(By.cssSelector(".flash.error")).getText()).isEqualTo("Not saved: 4 fields need"
                + " fixing (Idle logout (minutes), Daily logout time, Logout codes, Time zone). Each is marked below.");
        assertThat(problem("idleLogoutMinutes")).isEqualTo("must be between 0 (off) and 10080, was -5");
        assertThat(problem("dailyLogoutTime")).isEqualTo("'7pm' is not a time such as 19:00 (leave empty for none)");
        assertThat(problem("featureCodes.logout")).isEqualTo("'5' needs a * or #, or it would catch ordinary numbers");
        assertThat(problem("timeZone")).isEqualTo("'Berlin' is not a time zone such as Europe/Berlin");
        assertThat(browser.findElements(By.cssSelector("label.setting.invalid"))).hasSize(4);
        assertThat(field("idleLogoutMinutes").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.switchTo().activeElement().getAttribute("name")).isEqualTo("idleLogoutMinutes");
        assertThat(settings()).isEqualTo(before);
        // everything typed is still there, the good with the bad
        assertThat(field("idleLogoutMinutes").getAttribute("value")).isEqualTo("-5");
        assertThat(field("dailyLogoutTime").getAttribute("value")).isEqualTo("7pm");
        assertThat(field("emergencyNumbers").getAttribute("value")).isEqualTo("112, 110, 999");
        Chromium.screenshot(browser, "settings-invalid");

        // one left wrong: named in full
        type("idleLogoutMinutes", "60");
        type("dailyLogoutTime", "19:30");
        type("featureCodes.logout", "00#");
        save();
        assertThat(browser.findElement(By.cssSelector(".flash.error")).getText())
                .isEqualTo("Not saved. Time zone: 'Berlin' is not a time zone such as Europe/Berlin");
        assertThat(browser.findElements(By.cssSelector("label.setting.invalid"))).hasSize(1);
        assertThat(field("emergencyNumbers").getAttribute("value")).isEqualTo("112, 110, 999");
        assertThat(settings()).isEqualTo(before);

        type("timeZone", "Europe/Berlin");
        save();
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).isEqualTo("Settings saved");
        assertThat(settings().emergencyNumbers()).containsExactly("112", "110", "999");
        assertThat(settings().sessionPolicy().idleLogoutMinutes()).isEqualTo(60);
        assertThat(settings().sessionPolicy().dailyLogoutTime()).isEqualTo(LocalTime.of(19, 30));
        assertThat(browser.findElements(By.cssSelector("label.setting.invalid"))).isEmpty();
    }

    @Test
    void codesThatClashWithEachOtherAreNamedEvenWhenEachIsFineAlone() {
        TenantSettings before = settings();
        OpsConsole.signIn(browser, server, office.tenant);
        OpsConsole.open(browser, server, office.tenant, "settings");
        type("featureCodes.promptedLogin", "*77#");   // each is fine next to the saved codes,
        type("featureCodes.logout", "*77#");          // but not next to each other
        save();

        assertThat(browser.findElement(By.cssSelector(".flash.error")).getText())
                .isEqualTo("Not saved. Feature codes: '*77#' is listed twice");
        assertThat(browser.findElement(By.id("problem-featureCodes")).getText()).isEqualTo("'*77#' is listed twice");
        assertThat(field("featureCodes.promptedLogin").getAttribute("value")).isEqualTo("*77#");
        assertThat(field("featureCodes.logout").getAttribute("value")).isEqualTo("*77#");
        assertThat(settings()).isEqualTo(before);
    }

    @Test
    void aSaveOnAPageOpenedBeforeAnotherAdminsSaveIsRefusedAndShowsTheirChange() {
        OpsConsole.signIn(browser, server, office.tenant);
        OpsConsole.open(browser, server, office.tenant, "settings");
        type("idleLogoutMinutes", "30");
        // meanwhile a colleague changes the emergency numbers from the API
        TenantSettings s = settings();
        core.tenants().updateSettings(office.tenant.id(), new TenantSettings(s.sessionPolicy(), s.multipleLogin(),
                s.lockout(), s.otp(), s.timeZone(), java.util.List.of("112", "110", "116117"), s.routing(),
                s.featureCodes(), s.promptLanguage(), s.trustedNetworks(), s.provisioning()),
                org.hotdesk.store.testing.TestHotdesk.ADMIN);
        save();

        assertThat(browser.findElement(By.cssSelector(".flash.error")).getText())
                .startsWith("Not saved: someone else saved these settings after you opened this page.");
        assertThat(settings().emergencyNumbers()).containsExactly("112", "110", "116117");
        assertThat(settings().sessionPolicy().idleLogoutMinutes()).isEqualTo(240);
        assertThat(field("emergencyNumbers").getAttribute("value")).isEqualTo("112, 110, 116117");

        // on the page as it is now, the same change goes through and keeps the colleague's
        type("idleLogoutMinutes", "30");
        save();
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).isEqualTo("Settings saved");
        assertThat(settings().sessionPolicy().idleLogoutMinutes()).isEqualTo(30);
        assertThat(settings().emergencyNumbers()).containsExactly("112", "110", "116117");
    }

    @Test
    void aValidChangeIsSavedWhole() {
        OpsConsole.signIn(browser, server, office.tenant);
        OpsConsole.open(browser, server, office.tenant, "settings");
        type("idleLogoutMinutes", "30");
        type("dailyLogoutTime", "20:30");
        type("emergencyNumbers", "112, 110");
        new Select(field("multipleLogin")).selectByVisibleText("Refuse the new login");
        type("trustedCidrs", "10.20.0.0/16, 2001:db8::/32");
        type("otpLength", "8");
        save();

        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).isEqualTo("Settings saved");
        TenantSettings after = settings();
        assertThat(after.sessionPolicy().idleLogoutMinutes()).isEqualTo(30);
        assertThat(after.sessionPolicy().maxSessionHours()).isEqualTo(10);
        assertThat(after.sessionPolicy().dailyLogoutTime()).isEqualTo(LocalTime.of(20, 30));
        assertThat(after.multipleLogin()).isEqualTo(MultipleLoginPolicy.DENY);
        assertThat(after.trustedNetworks().cidrs()).containsExactly("10.20.0.0/16", "2001:db8:0:0:0:0:0:0/32");
        assertThat(after.otp().length()).isEqualTo(8);
        // untouched fields keep their values
        assertThat(after.routing().emergencyAlertUrl()).isEqualTo("https://alarm.nordlicht.example/hotdesk");
        assertThat(after.featureCodes()).isEqualTo(office.tenant.settings().featureCodes());
        assertThat(after.timeZone().getId()).isEqualTo("Europe/Berlin");
        assertThat(field("idleLogoutMinutes").getAttribute("value")).isEqualTo("30");
        assertThat(field("dailyLogoutTime").getAttribute("value")).isEqualTo("20:30");

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1500));
        Chromium.screenshot(browser, "settings");
    }

    private TenantSettings settings() {
        return core.tenants().get(office.tenant.id()).settings();
    }

    private WebElement field(String name) {
        return browser.findElement(By.name(name));
    }

    private String problem(String name) {
        return browser.findElement(By.id("problem-" + name)).getText();
    }

    private void type(String name, String value) {
        WebElement f = field(name);
        f.clear();
        f.sendKeys(value);
    }

    private void save() {
        PageLoads.click(browser, browser.findElement(By.xpath("//button[text()='Save settings']")));
    }
}
