package org.hotdesk.web.self;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.hotdesk.core.policy.OtpPolicy;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.tenant.TenantSettings;
import org.hotdesk.store.testing.TestHotdesk;
import org.hotdesk.web.testing.Chromium;
import org.hotdesk.web.testing.PageLoads;
import org.hotdesk.web.testing.WebTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What an employee reads on /me: which company field to fill, a warning before a lockout, no stale codes. */
class PlainWordsBrowserTest {
    WebTestServer server;
    WebDriver browser;
    Tenant acme;

    @BeforeEach
    void start() {
        server = new WebTestServer();
        acme = server.hotdesk().tenant("acme.example");
        server.hotdesk().user(acme, "201", "4711");
        browser = Chromium.start(true);
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.quit();
        server.close();
    }

    @Test
    void theCompanyFieldSaysWhatToTypeAndASingleCompanyIsFilledIn() {
        browser.get(server.baseUrl() + "/me/login");
        assertThat(browser.findElement(By.cssSelector("form label")).getText())
                .startsWith("Company domain\nYour company's phone domain, e.g. acme.example.com");
        assertThat(browser.findElement(By.name("tenant")).getAttribute("value")).isEqualTo("acme.example");

        server.hotdesk().tenant("other.example");
        browser.get(server.baseUrl() + "/me/login");
        assertThat(browser.findElement(By.name("tenant")).getAttribute("value")).as("two companies: no guess").isEmpty();
    }

    @Test
    void theLastTryIsAnnouncedAndALockoutSaysForHowLongAndWhomToAsk() {
        for (int i = 1; i <= 3; i++) {
            signIn("1111");
            assertThat(error()).isEqualTo("Wrong extension or PIN.");
        }
        signIn("2222");
        assertThat(error()).isEqualTo("Wrong extension or PIN. One more wrong PIN locks this for 15 minutes.");
        signIn("3333");
        assertThat(error()).isEqualTo(
                "Too many wrong tries. Try again in 15 minutes, or ask your administrator to unlock you.");
        server.hotdesk().clock().advance(Duration.ofMinutes(5));
        signIn("4711");
        assertThat(error()).as("even the right PIN, while locked").isEqualTo(
                "Too many wrong tries. Try again in 10 minutes, or ask your administrator to unlock you.");
        assertThat(browser.getPageSource()).doesNotContain("4711", "3333");
    }

    @Test
    void anExpiredCodeIsTakenOffTheScreen() {
        TenantSettings s = acme.settings();
        server.core().tenants().updateSettings(acme.id(), new TenantSettings(s.sessionPolicy(), s.multipleLogin(),
                s.lockout(), new OtpPolicy(6, Duration.ofSeconds(10)), s.timeZone(), s.emergencyNumbers(), s.routing(),
                s.featureCodes(), s.promptLanguage(), s.trustedNetworks(), s.provisioning()), TestHotdesk.ADMIN);
        signIn("4711");
        PageLoads.click(browser, browser.findElement(By.xpath("//button[normalize-space()='Generate login code']")));
        String code = browser.findElement(By.cssSelector(".otp")).getText();
        assertThat(code).matches("[0-9]{6}");

        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> !b.findElement(By.cssSelector(".otp")).isDisplayed());
        assertThat(browser.findElement(By.id("login-code")).getText()).doesNotContain(code)
                .contains("This code has expired. Generate a new one.");
    }

    private void signIn(String pin) {
        browser.get(server.baseUrl() + "/me/login?tenant=acme.example");
        browser.findElement(By.name("extension")).sendKeys("201");
        browser.findElement(By.name("pin")).sendKeys(pin);
        PageLoads.click(browser, browser.findElement(By.cssSelector("button[type=submit]")));
    }

    private String error() {
        return browser.findElement(By.cssSelector(".flash.error")).getText();
    }
}
