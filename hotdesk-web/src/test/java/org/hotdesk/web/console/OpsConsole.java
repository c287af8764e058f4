package org.hotdesk.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.store.testing.TestHotdesk;
import org.hotdesk.web.testing.WebTestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

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
        // a loaded machine may still be on its way there when click() returns
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.urlContains("/console/tenants/" + tenant.id() + "/live"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Live view");
    }

    static void open(WebDriver browser, WebTestServer server, Tenant tenant, String section) {
        browser.get(server.baseUrl() + "/console/tenants/" + tenant.id() + "/" + section);
    }

    /** Clicks something that loads a new page, and waits until the old one is gone. */
    static void clickAndWait(WebDriver browser, WebElement element) {
        element.click();
        waitForNewPage(browser, element);
    }

    /** Clicks a button that asks "are you sure?", says yes, and waits for the next page. */
    static void confirmAndWait(WebDriver browser, WebElement element) {
        element.click();
        browser.switchTo().alert().accept();
        waitForNewPage(browser, element);
    }

    static void waitForNewPage(WebDriver browser, WebElement fromOldPage) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(fromOldPage));
    }
}
