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
        browser.findElement(By.cssSelector("input[name=description]")).clear();
        browser.findElement(By.cssSelector("input[name=description]")).sendKeys("SIEM");
        for (var box : browser.findElements(By.cssSelector("input[name=events]"))) {
            if (box.isSelected() != events.contains(box.getAttribute("value"))) box.click();
        }
        PageLoads.click(browser, browser.findElement(By.xpath("//button[text()='Add webhook']")));
    }

    @Test
    void aWebhookIsAddedWithItsSecretShownOnceAndRemoved() {
        assertThat(browser.findElement(By.cssSelector("nav.sections a.active")).getText()).isEqualTo("Webhooks");

        add("https://hooks.example.com/hotdesk", List.of());
        assertThat(browser.findElement(By.cssSelector(".flash.error")).getText())
                .isEqualTo("Webhook not added. Tick at least one event to send.");
        add("ftp://hooks.example.com/hotdesk", List.of());
        assertThat(browser.findElement(By.cssSelector(".flash.error")).getText()).as("both problems at once")
                .startsWith("Webhook not added.").contains("http:// or https://", "Tick at least one event");
        add("ftp://hooks.example.com/hotdesk", List.of("login"));
        assertThat(browser.findElement(By.cssSelector(".flash.error")).getText())
                .contains("Webhook not added").contains("http:// or https://");
        assertThat(browser.findElement(By.cssSelector("input[name=url]")).getAttribute("value"))
                .as("the form keeps what was typed").isEqualTo("ftp://hooks.example.com/hotdesk");
        assertThat(browser.findElement(By.cssSelector("input[name=description]")).getAttribute("value")).isEqualTo("SIEM");
        assertThat(browser.findElement(By.cssSelector("input[name=events][value=login]")).isSelected()).isTrue();
        assertThat(browser.findElement(By.cssSelector("input[name=events][value=logout]")).isSelected()).isFalse();
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
