package org.hotdesk.web.self;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotdesk.core.access.SignIn;
import org.hotdesk.core.call.CallOutcome;
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
    void anEmployeeSeesTheirOwnLastTwentyCallsNewestFirst() {
        User ben = server.core().users().rename(acme.id(), server.hotdesk().user(acme, "202", "4711").id(),
                "Ben Krause", TestHotdesk.ADMIN);
        User carla = server.hotdesk().user(acme, "203", "4711");
        Tenant other = server.hotdesk().tenant("elsewhere.example");
        User namesake = server.hotdesk().user(other, "201", "4711");
        var calls = server.core().calls();
        for (int i = 0; i < 20; i++) {
            call("old-" + i, anna, carla, CallOutcome.BUSY, null);
        }
        call("to-ben", anna, ben, CallOutcome.ANSWERED, Duration.ofSeconds(187));
        calls.started(acme.id(), "from-outside", null, null, "+4930123456", "201", anna.id());
        server.hotdesk().clock().advance(Duration.ofSeconds(20));
        calls.ended(acme.id(), "from-outside", CallOutcome.NO_ANSWER);
        // neither of these is Anna's: a call between colleagues, and the other tenant's extension 201
        call("ben-carla", ben, carla, CallOutcome.ANSWERED, Duration.ofSeconds(60));
        calls.started(other.id(), "namesake", null, null, "+4940999", "201", namesake.id());

        signIn("201", "4711");

        var lines = browser.findElements(By.cssSelector("#calls li"));
        assertThat(lines).hasSize(20);
        assertThat(lines.get(0).getText()).contains("+4930123456", "Incoming", "Missed");
        assertThat(lines.get(1).getText()).contains("Ben Krause (202)", "Outgoing", "3:07", "Answered");
        assertThat(lines.get(2).getText()).contains("User 203 (203)", "Outgoing", "Busy");
        // both foreign calls are newer than all of Anna's, so they would have come first
        assertThat(text("#calls")).doesNotContain("+4940999");
        assertThat(lines).noneMatch(l -> l.getText().contains("Ben Krause") && l.getText().contains("Incoming"));
        Chromium.screenshot(browser, "self-recent-calls");
    }

    @Test
    void anEmployeeWithoutCallsIsToldSo() {
        signIn("201", "4711");
        assertThat(text("#calls")).contains("No calls yet.");
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

    /** {@code from} calls {@code to} at the next minute; answered after 5 s when {@code talk} is given. */
    private void call(String callId, User from, User to, CallOutcome outcome, Duration talk) {
        var clock = server.hotdesk().clock();
        clock.advance(Duration.ofMinutes(1));
        server.core().calls().started(acme.id(), callId, null, from.id(), from.extension(), to.extension(), to.id());
        clock.advance(Duration.ofSeconds(5));
        if (talk != null) {
            server.core().calls().answered(acme.id(), callId, null);
            clock.advance(talk);
        }
        server.core().calls().ended(acme.id(), callId, outcome);
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
