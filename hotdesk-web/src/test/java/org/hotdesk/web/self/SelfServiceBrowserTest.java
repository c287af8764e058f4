package org.hotdesk.web.self;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotdesk.core.access.SignIn;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.login.Credentials;
import org.hotdesk.core.login.LoginResult;
import org.hotdesk.core.site.CivicAddress;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.user.User;
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

/** The employees' self-service page on a phone-sized headless Chromium. */
class SelfServiceBrowserTest {
    private static final Pattern SECONDS_LEFT = Pattern.compile("(\\d+) s left");

    WebTestServer server;
    WebDriver browser;
    Tenant acme;
    User anna;

    @BeforeEach
    void start() {
        server = new WebTestServer();
        acme = server.hotdesk().tenant("acme.example");
        anna = server.hotdesk().user(acme, "201", "4711");
        anna = server.core().users().rename(acme.id(), anna.id(), "Anna Berg", TestHotdesk.ADMIN);
        browser = Chromium.start(true);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        server.close();
    }

    @Test
    void anEmployeeSignsInGeneratesACodeSeesTheCountdownAndLogsOutOfTheDesk() {
        Device desk = server.hotdesk().device(acme);
        server.core().devices().setLocation(acme.id(), desk.id(), new CivicAddress("Berlin office, 3rd floor, window row",
                "DE", null, "Berlin", null, null, null, null, "3", null), TestHotdesk.ADMIN);
        signIn("201", "4711");
        assertThat(browser.getCurrentUrl()).endsWith("/me");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Hi, Anna Berg");
        assertThat(text("#desks")).contains("You are not logged in at any desk.");

        PageLoads.click(browser, browser.findElement(By.xpath("//button[normalize-space()='Generate login code']")));
        String code = browser.findElement(By.cssSelector(".otp")).getText();
        Chromium.screenshot(browser, "self-service");
        assertThat(code).matches("[0-9]{6}");
        assertThat(text(".countdown .left")).isEqualTo("120 s left");
        assertThat(text(".dial")).isEqualTo("On the desk phone, dial 00*" + code + "# — the phone becomes yours.");
        // the browser counts down by itself, from what the server's clock said
        new WebDriverWait(browser, Duration.ofSeconds(6)).until(b -> secondsLeft() <= 118);

        LoginResult login = server.core().logins().login(desk.id(), new Credentials.Otp(code), TestHotdesk.ADMIN);
        assertThat(login).isInstanceOf(LoginResult.LoggedIn.class);

        browser.get(server.baseUrl() + "/me");
        assertThat(browser.findElements(By.cssSelector(".otp"))).as("the code is shown once only").isEmpty();
        assertThat(text("#desks .desk-name")).isEqualTo(desk.name());
        assertThat(text("#desks")).contains("Berlin office, 3rd floor, window row", "Since today, 08:00 · login code");
        Chromium.screenshot(browser, "self-service-desks");

        PageLoads.click(browser, browser.findElement(By.cssSelector("#desks li button")));
        assertThat(text(".flash.ok")).isEqualTo("Logged out of " + desk.name() + ".");
        assertThat(text("#desks")).contains("You are not logged in at any desk.");
        assertThat(server.core().sessions().openSessionOf(desk.id())).isEmpty();
    }

    @Test
    void aWrongPinShowsTheReasonAndChangesNothing() {
        browser.get(server.baseUrl() + "/me/login?tenant=acme.example");
        assertThat(browser.findElement(By.name("tenant")).getAttribute("value")).isEqualTo("acme.example");
        signIn("201", "3716");
        assertThat(browser.getCurrentUrl()).contains("/me/login");
        assertThat(text(".flash.error")).isEqualTo("Wrong extension or PIN.");
        Chromium.screenshot(browser, "self-service-login");
        assertThat(browser.findElement(By.name("extension")).getAttribute("value")).isEqualTo("201");
        assertThat(browser.findElement(By.name("pin")).getAttribute("value")).isEmpty();

        browser.get(server.baseUrl() + "/me");
        assertThat(browser.getCurrentUrl()).endsWith("/me/login");
    }

    @Test
    void anEmployeeSessionCannotOpenTheConsole() {
        signIn("201", "4711");
        assertThat(browser.getCurrentUrl()).endsWith("/me");

        browser.get(server.baseUrl() + "/console");
        assertThat(browser.getCurrentUrl()).endsWith("/console/login");
        browser.get(server.baseUrl() + "/console/tenants/" + acme.id() + "/live");
        assertThat(browser.getCurrentUrl()).contains("/console/login");
    }

    @Test
    void anEmployeeWithoutHotDeskAccessIsToldSoInsteadOfGettingACode() {
        server.core().users().setHotDesk(acme.id(), anna.id(), false, TestHotdesk.ADMIN);
        signIn("201", "4711");
        assertThat(text("#login-code")).contains("Your account has no hot-desk access");
        assertThat(browser.findElements(By.cssSelector("form[action='/me/otp']"))).isEmpty();
    }

    @Test
    void anEmployeeChangesTheirPin() {
        signIn("201", "4711");
        browser.findElement(By.cssSelector("#pin summary")).click();
        changePin("4711", "2468", "2469");
        assertThat(text(".flash.error")).isEqualTo("The two new PINs differ. Type the same new PIN twice.");

        browser.findElement(By.cssSelector("#pin summary")).click();
        changePin("6283", "2468", "2468");
        assertThat(text(".flash.error")).isEqualTo("Your current PIN is not right. Nothing was changed.");

        browser.findElement(By.cssSelector("#pin summary")).click();
        changePin("4711", "2468", "2468");
        assertThat(text(".flash.ok")).startsWith("Your PIN was changed.");
        assertThat(browser.getPageSource()).doesNotContain("2468");
        assertThat(server.core().access().signIn("acme.example", "201", "2468")).isInstanceOf(SignIn.SignedIn.class);
        assertThat(server.core().access().signIn("acme.example", "201", "4711")).isInstanceOf(SignIn.Refused.class);
    }

    @Test
    void signingOutLeavesTheCompanyFilledIn() {
        signIn("201", "4711");
        PageLoads.click(browser, browser.findElement(By.xpath("//button[normalize-space()='Sign out']")));
        assertThat(browser.getCurrentUrl()).contains("/me/login");
        assertThat(browser.findElement(By.name("tenant")).getAttribute("value")).isEqualTo("acme.example");
        browser.get(server.baseUrl() + "/me");
        assertThat(browser.getCurrentUrl()).endsWith("/me/login");
    }

    private void signIn(String extension, String pin) {
        if (!browser.getCurrentUrl().contains("/me/login")) {
            browser.get(server.baseUrl() + "/me/login?tenant=acme.example");
        }
        browser.findElement(By.name("extension")).clear();
        browser.findElement(By.name("extension")).sendKeys(extension);
        browser.findElement(By.name("pin")).sendKeys(pin);
        PageLoads.click(browser, browser.findElement(By.cssSelector("button[type=submit]")));
    }

    private void changePin(String current, String next, String repeat) {
        browser.findElement(By.name("current")).sendKeys(current);
        browser.findElement(By.name("pin")).sendKeys(next);
        browser.findElement(By.name("repeat")).sendKeys(repeat);
        PageLoads.click(browser, browser.findElement(By.xpath("//button[normalize-space()='Change PIN']")));
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private int secondsLeft() {
        Matcher m = SECONDS_LEFT.matcher(text(".countdown .left"));
        return m.matches() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }
}
