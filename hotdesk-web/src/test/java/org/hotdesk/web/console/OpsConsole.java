package org.hotdesk.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.store.testing.TestHotdesk;
import org.hotdesk.web.testing.PageLoads;
import org.hotdesk.web.testing.WebTestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** Signs an admin in to the console, as a person would: the sign-in page and their token. */
final class OpsConsole {
    private OpsConsole() {
    }

    /** Signs in with a fresh token of the tenant's admin; the console opens on the tenant's live view. */
    static void signIn(WebDriver browser, WebTestServer server, Tenant tenant) {
        String token = server.core().access().issueTenantAdminToken(tenant.id(), "Facilities desk", TestHotdesk.ADMIN)
                .secret();
        signIn(browser, server, token);
        assertThat(browser.getCurrentUrl()).contains("/console/tenants/" + tenant.id() + "/live");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Live view");
    }

    /** Signs in with {@code token}; returns once the answer (and its session cookie) has arrived. */
    static void signIn(WebDriver browser, WebTestServer server, String token) {
        browser.get(server.baseUrl() + "/console/login");
        browser.findElement(By.name("token")).sendKeys(token);
        PageLoads.click(browser, browser.findElement(By.cssSelector("button[type=submit]")));
    }

    static void open(WebDriver browser, WebTestServer server, Tenant tenant, String section) {
        browser.get(server.baseUrl() + "/console/tenants/" + tenant.id() + "/" + section);
    }
}
