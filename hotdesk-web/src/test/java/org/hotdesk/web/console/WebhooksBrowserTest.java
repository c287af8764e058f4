package org.hotdesk.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.core.webhook.Webhook;
import org.hotdesk.web.testing.Chromium;
import org.hotdesk.web.testing.PageLoads;
import org.hotdesk.web.testing.WebTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** A tenant admin adds and removes an event webhook on the console, in a real headless Chromium. */
class WebhooksBrowserTest {
    WebTestServer server;
    WebDriver browser;
    Tenant acme;

    @BeforeEach
    void start() {
        server = new WebTestServer();
        browser = Chromium.start(false);
        ConsoleDesks desks = new ConsoleDesks(server);
        acme = server.hotdesk().tenant("acme.example");
        desks.signIn(browser, desks.tenantAdminToken(acme));
        browser.get(server.baseUrl() + "/console/tenants/" + acme.id() + "/webhooks");
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.quit();
        server.close();
    }

    private void add(String url, List<String> events) {
        browser.findElement(By.cssSelector("input[name=url]")).clear();
        browser.findElement(By.cssSelector("input[name=url]")).sendKeys(url);
        browser.findElement(By.cssSelector("input[name=description]")).sendKeys("SIEM");
        for (String e : events) browser.findElement(By.cssSelector("input[name=events][value='" + e + "']")).click();
        PageLoads.click(browser, browser.findElement(By.xpath("//button[text()='Add webhook']")));
    }

    @Test
    void aWebhookIsAddedWithItsSecretShownOnceAndRemoved() {
        assertThat(browser.findElement(By.cssSelector("nav.sections a.active")).getText()).isEqualTo("Webhooks");

        add("https://hooks.example.com/hotdesk", List.of());
        assertThat(browser.findElement(By.cssSelector(".flash.error")).getText())
                .isEqualTo("Tick at least one event to send — nothing was added.");
        add("ftp://hooks.example.com/hotdesk", List.of("login"));
        assertThat(browser.findElement(By.cssSelector(".flash.error")).getText())
                .contains("Webhook not added").contains("http:// or https://");
        assertThat(server.core().webhooks().list(acme.id())).isEmpty();

        add("https://hooks.example.com/hotdesk", List.of("login", "logout", "emergency.call"));
        Webhook made = server.core().webhooks().list(acme.id()).get(0);
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText())
                .contains("https://hooks.example.com/hotdesk").contains("shown only now").contains(made.secret());
        String row = browser.findElement(By.cssSelector("tr[data-webhook='" + made.id() + "']")).getText();
        assertThat(row).contains("https://hooks.example.com/hotdesk", "SIEM", "login, logout, emergency.call",
                "nothing sent yet");

        browser.navigate().refresh();
        assertThat(browser.findElement(By.tagName("main")).getText()).as("the secret is not shown again")
                .doesNotContain(made.secret());

        PageLoads.confirm(browser, browser.findElement(By.xpath("//button[text()='Remove']")));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).contains("removed");
        assertThat(server.core().webhooks().list(acme.id())).isEmpty();
        assertThat(browser.findElements(By.cssSelector("tr[data-webhook]"))).isEmpty();
    }
}
