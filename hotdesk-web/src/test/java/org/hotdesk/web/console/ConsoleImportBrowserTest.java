package org.hotdesk.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.store.testing.TestHotdesk;
import org.hotdesk.web.testing.Chromium;
import org.hotdesk.web.testing.PageLoads;
import org.hotdesk.web.testing.WebTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The B3Networks "import MAC CSV" bulk action in a real headless Chromium: all rows, or none. */
class ConsoleImportBrowserTest {
    @TempDir
    Path dir;
    WebTestServer server;
    WebDriver browser;
    Tenant acme;

    @BeforeEach
    void start() {
        server = new WebTestServer();
        acme = server.hotdesk().tenant("acme.example");
        browser = Chromium.start(false);
        String token = server.core().access().issueTenantAdminToken(acme.id(), "ann@acme.example", TestHotdesk.ADMIN)
                .secret();
        OpsConsole.signIn(browser, server, token);
        browser.get(server.baseUrl() + "/console/tenants/" + acme.id() + "/devices");
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        server.close();
    }

    private void upload(String name, String csv) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, csv);
        browser.findElement(By.cssSelector("#import-export summary")).click();
        WebElement form = browser.findElement(By.cssSelector("form[action$='/devices/import']"));
        form.findElement(By.cssSelector("input[type=file][name=file]")).sendKeys(file.toAbsolutePath().toString());
        PageLoads.click(browser, form.findElement(By.cssSelector("button[type=submit]")));
    }

    @Test
    void anAdminImportsACsvOfThreeMacsAndSeesThemInTheDeviceTable() throws IOException {
        upload("desks.csv", """
                mac,name,vendor,model,city,street,house_number,postal_code,country,floor,room
                00:15:65:10:00:01,Desk 3.01,yealink,T54W,Berlin,Friedrichstraße,68,10117,DE,3,3.01
                00:15:65:10:00:02,Desk 3.02,yealink,T54W,Berlin,Friedrichstraße,68,10117,DE,3,3.02
                00:04:13:10:00:03,Desk 3.03,snom,D785,Berlin,Friedrichstraße,68,10117,DE,3,3.03
                """);

        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).contains("3 added");
        String table = browser.findElement(By.cssSelector("table.grid")).getText();
        assertThat(table).contains("00:15:65:10:00:01", "00:15:65:10:00:02", "00:04:13:10:00:03",
                "Desk 3.01", "Desk 3.02", "Desk 3.03");
        assertThat(server.core().devices().list(acme.id())).hasSize(3);
    }

    @Test
    void aCsvWithOneBadRowIsRejectedWithItsLineNumberAndNothingIsImported() throws IOException {
        upload("desks.csv", """
                mac,name,vendor
                00:15:65:10:00:01,Desk 3.01,yealink
                00:15:65:10:00:02,Desk 3.02,yealink
                00:15:65:zz:00:03,Desk 3.03,yealink
                00:15:65:10:00:04,Desk 3.04,yealink
                """);

        WebElement error = browser.findElement(By.cssSelector(".flash.error"));
        assertThat(error.getText()).contains("nothing was imported");
        assertThat(error.findElements(By.tagName("li"))).hasSize(1);
        assertThat(error.findElement(By.tagName("li")).getText()).startsWith("Line 4").contains("mac");
        assertThat(server.core().devices().list(acme.id())).isEmpty();
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("00:15:65:10:00:01");
        Chromium.screenshot(browser, "devices-import-rejected");
    }
}
