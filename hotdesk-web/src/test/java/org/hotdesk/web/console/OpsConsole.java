package org.hotdesk.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.store.testing.TestHotdesk;
import org.hotdesk.web.testing.WebTestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** Signs a tenant's admin in to the console, as a person would: the sign-in page and their token. */
final class OpsConsole {
    private OpsConsole() {
    }

    static void signIn(WebDriver browser, WebTestServer server, Tenant tenant) {
        String token = server.core().access().issueTenantAdminToken(tenant.id(), "Facilities desk", TestHotdesk.ADMIN)
                .secret();
        browser.get(server.baseUrl() + "/console/login");
        browser.findElement(By.name("token")).sendKeys(token);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/console/tenants/" + tenant.id() + "/live");
    }

    static void open(WebDriver browser, WebTestServer server, Tenant tenant, String section) {
        browser.get(server.baseUrl() + "/console/tenants/" + tenant.id() + "/" + section);
    }
}
