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

/** The settings page in a real browser: all or nothing, and a wrong field is named. */
class SettingsBrowserTest extends BusyMorningInBrowser {
    @Test
    void anInvalidValueIsNamedAndChangesNothing() {
        TenantSettings before = settings();
        OpsConsole.signIn(browser, server, office.tenant);
        OpsConsole.open(browser, server, office.tenant, "settings");
        type("emergencyNumbers", "112, 110, 999");   // valid, but must not be saved with the bad one
        type("idleLogoutMinutes", "-5");
        save();

        assertThat(browser.findElement(By.cssSelector(".flash.error")).getText())
                .isEqualTo("Not saved. Idle logout (minutes): must be between 0 (off) and 10080, was -5");
        assertThat(browser.findElement(By.cssSelector("label.setting.invalid")).getText()).contains("Idle logout (minutes)");
        assertThat(settings()).isEqualTo(before);
        assertThat(field("idleLogoutMinutes").getAttribute("value")).isEqualTo("240");
        assertThat(field("emergencyNumbers").getAttribute("value")).isEqualTo("112, 110");
        Chromium.screenshot(browser, "settings-invalid");

        type("dailyLogoutTime", "7pm");
        save();
        assertThat(browser.findElement(By.cssSelector(".flash.error")).getText())
                .isEqualTo("Not saved. Daily logout time: '7pm' is not a time such as 19:00 (leave empty for none)");
        type("featureCodes.logout", "00#, 5");
        save();
        assertThat(browser.findElement(By.cssSelector(".flash.error")).getText())
                .isEqualTo("Not saved. Logout codes: '5' needs a * or #, or it would catch ordinary numbers");
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

    private void type(String name, String value) {
        WebElement f = field(name);
        f.clear();
        f.sendKeys(value);
    }

    private void save() {
        PageLoads.click(browser, browser.findElement(By.xpath("//button[text()='Save settings']")));
    }
}
