package org.hotdesk.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotdesk.core.access.IssuedToken;
import org.hotdesk.store.testing.TestHotdesk;
import org.hotdesk.web.testing.ApiClient;
import org.hotdesk.web.testing.Chromium;
import org.hotdesk.web.testing.PageLoads;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The tenant's admin tokens in a real browser: issued and shown once, usable on the API, revoked for good. */
class AdminTokensBrowserTest extends BusyMorningInBrowser {

    @Test
    void anIssuedTokenIsShownOnceListedWithoutItsSecretAndWorksOnTheApi() {
        OpsConsole.signIn(browser, server, office.tenant);
        OpsConsole.open(browser, server, office.tenant, "settings");
        PageLoads.click(browser, browser.findElement(By.linkText("Admin tokens")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Admin tokens");
        assertThat(row("Facilities desk").getText()).contains("You signed in with this token");

        browser.findElement(By.name("name")).sendKeys("provisioning script");
        PageLoads.click(browser, browser.findElement(By.xpath("//button[text()='Issue token']")));

        String secret = browser.findElement(By.id("token-secret")).getText();
        assertThat(secret).startsWith("hd_");
        assertThat(row("provisioning script").getText()).doesNotContain(secret).doesNotContain("You signed in");
        ApiClient api = server.systemClient().as(secret);
        assertThat(api.get("/api/v1/tenants/" + office.tenant.id() + "/users").status()).isEqualTo(200);

        browser.navigate().refresh();
        assertThat(browser.findElements(By.id("token-secret"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(secret);
        assertThat(row("provisioning script")).isNotNull();
    }

    @Test
    void aRevokedTokenIsRefusedByTheApiAndSignsItsConsoleSessionOut() {
        IssuedToken laptop = core.access().issueTenantAdminToken(office.tenant.id(), "Ops laptop", TestHotdesk.ADMIN);
        ApiClient api = server.systemClient().as(laptop.secret());
        assertThat(api.get("/api/v1/tenants/" + office.tenant.id() + "/users").status()).isEqualTo(200);
        WebDriver other = Chromium.start(false);
        try {
            // another browser signed in with the token that is about to be revoked
            OpsConsole.signIn(other, server, laptop.secret());
            OpsConsole.open(other, server, office.tenant, "users");
            assertThat(other.findElement(By.tagName("h1")).getText()).isEqualTo("Users");

            OpsConsole.signIn(browser, server, office.tenant);
            OpsConsole.open(browser, server, office.tenant, "settings/tokens");
            PageLoads.confirm(browser, row("Ops laptop").findElement(By.xpath(".//button[text()='Revoke']")));

            assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).startsWith("Token Ops laptop revoked");
            assertThat(browser.findElements(By.xpath("//tr[td/strong[text()='Ops laptop']]"))).isEmpty();
            assertThat(api.get("/api/v1/tenants/" + office.tenant.id() + "/users").status()).isEqualTo(401);
            OpsConsole.open(other, server, office.tenant, "users");
            assertThat(other.getCurrentUrl()).contains("/console/login");
            // and signing in again with it is refused
            OpsConsole.signIn(other, server, laptop.secret());
            assertThat(other.getCurrentUrl()).contains("/console/login");
            assertThat(other.getPageSource()).contains("not a valid admin token");
        } finally {
            other.quit();
        }
    }

    @Test
    void revokingTheTokenThisBrowserSignedInWithSignsItOut() {
        OpsConsole.signIn(browser, server, office.tenant);
        OpsConsole.open(browser, server, office.tenant, "settings/tokens");

        PageLoads.confirm(browser, row("Facilities desk").findElement(By.xpath(".//button[text()='Revoke']")));

        assertThat(browser.getCurrentUrl()).contains("/console/login");
        assertThat(core.access().adminTokens(office.tenant.id())).isEmpty();
    }

    private WebElement row(String name) {
        return browser.findElement(By.xpath("//tr[td/strong[text()='" + name + "']]"));
    }
}
