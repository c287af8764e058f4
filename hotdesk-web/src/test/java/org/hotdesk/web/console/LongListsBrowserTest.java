package org.hotdesk.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.web.testing.Chromium;
import org.hotdesk.web.testing.PageLoads;
import org.hotdesk.web.testing.WebTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Long lists in the console, in a real headless Chromium: a tenant with 130 people and 130 desks sees 50 a page,
 * sorts by a column (the order kept while paging), searches, and "Add" stays within reach.
 */
class LongListsBrowserTest {
    static final int COUNT = 130;
    WebTestServer server;
    WebDriver browser;
    Tenant acme;

    @BeforeEach
    void start() {
        server = new WebTestServer();
        acme = server.hotdesk().tenant("acme.example");
        for (int i = 0; i < COUNT; i++) {
            server.hotdesk().user(acme, String.valueOf(1000 + i), String.format("%04d", 2580 + i * 7 % 7000 + 13));
            server.hotdesk().device(acme);
        }
        browser = Chromium.start(false);
        ConsoleDesks desks = new ConsoleDesks(server);
        desks.signIn(browser, desks.tenantAdminToken(acme));
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.quit();
        server.close();
    }

    private List<String> column(String table, int index) {
        return browser.findElements(By.cssSelector("table." + table + " tbody tr")).stream()
                .map(r -> r.findElements(By.tagName("td")).get(index).getText()).toList();
    }

    private String pager() {
        return browser.findElement(By.cssSelector("nav.pager")).getText();
    }

    @Test
    void peopleComeFiftyAPageInTheOrderPickedAndCanBeSearched() {
        browser.get(server.baseUrl() + "/console/tenants/" + acme.id() + "/users?sort=extension");
        assertThat(column("users", 1)).hasSize(50).startsWith("1000", "1001").endsWith("1049");
        assertThat(pager()).contains("1–50 of 130 people", "Page 1 of 3");

        PageLoads.click(browser, browser.findElement(By.linkText("Next")));
        assertThat(column("users", 1)).hasSize(50).startsWith("1050").endsWith("1099");
        PageLoads.click(browser, browser.findElement(By.linkText("Next")));
        assertThat(column("users", 1)).hasSize(30).endsWith("1129");
        assertThat(browser.findElements(By.linkText("Next"))).as("no page after the last").isEmpty();

        // sorting starts again at page 1; clicking the same header again turns the order round
        PageLoads.click(browser, browser.findElement(By.cssSelector("th a.sort[href*='sort=extension']")));
        assertThat(column("users", 1)).hasSize(50).startsWith("1129", "1128");
        assertThat(browser.findElement(By.cssSelector("th[aria-sort=descending]")).getText()).containsIgnoringCase("extension");
        PageLoads.click(browser, browser.findElement(By.linkText("Next")));
        assertThat(column("users", 1)).as("the order is kept while paging").startsWith("1079");

        WebElement search = browser.findElement(By.name("q"));
        search.sendKeys("112");
        PageLoads.click(browser, browser.findElement(By.xpath("//form[@role='search']//button")));
        assertThat(column("users", 1)).containsExactlyInAnyOrder("1112", "1120", "1121", "1122", "1123", "1124",
                "1125", "1126", "1127", "1128", "1129");
        assertThat(browser.findElement(By.cssSelector(".toolbar")).getText()).contains("130 people", "11 match \"112\"");
        assertThat(browser.findElements(By.cssSelector("nav.pager"))).as("one page needs no pager").isEmpty();
    }

    @Test
    void desksComeFiftyAPageWithTheFilterKeptAcrossPages() {
        browser.get(server.baseUrl() + "/console/tenants/" + acme.id() + "/devices");
        assertThat(browser.findElements(By.cssSelector("table.devices tbody tr[data-device]"))).hasSize(50);
        assertThat(pager()).contains("1–50 of 130 desks");
        // the Add form is on the page, not below 130 rows
        assertThat(browser.findElement(By.tagName("body")).getSize().getHeight()).isLessThan(9000);

        browser.findElement(By.name("q")).sendKeys("Desk 1");
        PageLoads.click(browser, browser.findElement(By.cssSelector("form.filter button[type=submit], form.filter button")));
        // Desk 1, Desk 10-19, Desk 100-130: 1 + 10 + 31 = 42
        assertThat(browser.findElements(By.cssSelector("table.devices tbody tr[data-device]"))).hasSize(42);
        assertThat(browser.findElements(By.cssSelector("nav.pager"))).isEmpty();

        browser.get(server.baseUrl() + "/console/tenants/" + acme.id() + "/devices?q=Desk&sort=desk&dir=desc&page=3");
        assertThat(pager()).contains("101–130 of 130 desks", "Page 3 of 3");
        PageLoads.click(browser, browser.findElement(By.linkText("Previous")));
        assertThat(browser.getCurrentUrl()).contains("q=Desk", "sort=desk", "dir=desc").doesNotContain("page=3");
        assertThat(pager()).contains("51–100 of 130 desks");
    }

    @Test
    void whoIsLoggedInComesFiftyAPageAndCanBeSearched() {
        List<org.hotdesk.core.device.Device> desks = server.core().devices().list(acme.id());
        List<org.hotdesk.core.user.User> people = server.core().users().list(acme.id());
        for (int i = 0; i < 60; i++) {
            server.core().logins().login(desks.get(i).id(), new org.hotdesk.core.login.Credentials.Assigned(
                    people.get(i).id(), org.hotdesk.core.session.LoginMethod.ADMIN), org.hotdesk.store.testing.TestHotdesk.ADMIN);
        }
        browser.get(server.baseUrl() + "/console/tenants/" + acme.id() + "/live");
        assertThat(browser.findElements(By.cssSelector("table.live tbody tr[data-session]"))).hasSize(50);
        assertThat(pager()).contains("1–50 of 60 logged in");
        PageLoads.click(browser, browser.findElement(By.linkText("Next")));
        assertThat(browser.findElements(By.cssSelector("table.live tbody tr[data-session]"))).hasSize(10);

        browser.findElement(By.name("q")).sendKeys(people.get(7).extension());
        PageLoads.click(browser, browser.findElement(By.xpath("//form[@role='search']//button")));
        assertThat(browser.findElements(By.cssSelector("table.live tbody tr[data-session]"))).singleElement()
                .satisfies(r -> assertThat(r.getText()).contains(people.get(7).name()));
        // the page's own polls read the same search: after a poll the one row is still the only one
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(15)).until(b ->
                b.findElement(By.cssSelector(".live-status")).getText().startsWith("updated"));
        assertThat(browser.findElements(By.cssSelector("table.live tbody tr[data-session]"))).hasSize(1);
    }
}
