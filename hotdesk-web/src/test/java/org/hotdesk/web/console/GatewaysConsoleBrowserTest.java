package org.hotdesk.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hotdesk.core.device.Device;
import org.hotdesk.core.device.Gateway;
import org.hotdesk.core.device.SipTransport;
import org.hotdesk.core.tenant.Tenant;
import org.hotdesk.web.testing.Chromium;
import org.hotdesk.web.testing.PageLoads;
import org.hotdesk.web.testing.WebTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/** A tenant admin adds a PSTN gateway and changes its settings on the console, in a real headless Chromium. */
class GatewaysConsoleBrowserTest {
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
        browser.get(server.baseUrl() + "/console/tenants/" + acme.id() + "/gateways");
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.quit();
        server.close();
    }

    private void addGateway(String mac, String name, String ports) {
        browser.findElement(By.cssSelector("#add-gateway summary")).click();
        browser.findElement(By.cssSelector("#add-gateway input[name=mac]")).sendKeys(mac);
        browser.findElement(By.cssSelector("#add-gateway input[name=name]")).sendKeys(name);
        new Select(browser.findElement(By.cssSelector("#add-gateway select[name=vendor]"))).selectByValue("grandstream");
        browser.findElement(By.cssSelector("#add-gateway input[name=model]")).sendKeys("HT814");
        browser.findElement(By.cssSelector("#add-gateway input[name=ports]")).sendKeys(ports);
        PageLoads.click(browser, browser.findElement(By.cssSelector("#add-gateway button[type=submit]")));
    }

    private void retype(String field, String value) {
        var input = browser.findElement(By.cssSelector("#add-gateway input[name=" + field + "]"));
        input.clear();
        input.sendKeys(value);
    }

    @Test
    void anAddedGatewayShowsItsLinesAndTakesNewSettings() {
        addGateway("00:0b:82:6a:11:4", "Warehouse ATA", "99");
        assertThat(browser.findElement(By.cssSelector(".flash.error")).getText()).as("every problem at once")
                .startsWith("Gateway not added.").contains("00:0b:82:6a:11:4", "must be between 1 and 48, was 99");
        // the drawer is open again with what was typed
        assertThat(browser.findElement(By.cssSelector("#add-gateway")).getAttribute("open")).isNotNull();
        assertThat(browser.findElement(By.cssSelector("#add-gateway input[name=name]")).getAttribute("value"))
                .isEqualTo("Warehouse ATA");
        assertThat(new Select(browser.findElement(By.cssSelector("#add-gateway select[name=vendor]")))
                .getFirstSelectedOption().getAttribute("value")).isEqualTo("grandstream");
        retype("mac", "00:0b:82:6a:11:40");
        PageLoads.click(browser, browser.findElement(By.cssSelector("#add-gateway button[type=submit]")));
        assertThat(browser.findElement(By.cssSelector(".flash.error")).getText())
                .isEqualTo("Gateway not added. Number of ports must be between 1 and 48, was 99.");
        assertThat(server.core().gateways().list(acme.id())).isEmpty();

        retype("ports", "4");
        PageLoads.click(browser, browser.findElement(By.cssSelector("#add-gateway button[type=submit]")));
        String added = browser.findElement(By.cssSelector(".flash.ok")).getText();
        List<Device> lines = server.core().devices().list(acme.id());
        assertThat(lines).hasSize(4);
        assertThat(added)
                .startsWith("Gateway Warehouse ATA added with 4 lines. SIP accounts, shown only now: port 1 ")
                .contains(lines.get(0).sipPassword());
        assertThat(browser.findElements(By.cssSelector("section.gateway tr[data-device]"))).hasSize(4);
        assertThat(browser.findElement(By.cssSelector("section.gateway .gw-head")).getText())
                .contains("Warehouse ATA", "00:0b:82:6a:11:40", "Grandstream HT814", "4 ports",
                        "4 without emergency location");

        browser.findElement(By.cssSelector("section.gateway details.drawer summary")).click();
        browser.findElement(By.cssSelector("section.gateway input[name=sipDomain]")).sendKeys("bad domain");
        PageLoads.click(browser, browser.findElement(By.cssSelector("section.gateway form.row button")));
        assertThat(browser.findElement(By.cssSelector(".flash.error")).getText())
                .contains("SIP domain: 'bad domain' is not a host name or IP address");

        browser.findElement(By.cssSelector("section.gateway details.drawer summary")).click();
        new Select(browser.findElement(By.cssSelector("section.gateway select[name=transport]"))).selectByValue("tcp");
        browser.findElement(By.cssSelector("section.gateway input[name=sipDomain]")).sendKeys("voice.acme.example");
        browser.findElement(By.cssSelector("section.gateway input[name=ntpServer]")).sendKeys("ntp.acme.example");
        PageLoads.click(browser, browser.findElement(By.cssSelector("section.gateway form.row button")));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).startsWith("Warehouse ATA updated");
        Gateway g = server.core().gateways().list(acme.id()).get(0);
        assertThat(g.provisioning().transport()).isEqualTo(SipTransport.TCP);
        assertThat(g.provisioning().sipDomain()).isEqualTo("voice.acme.example");
        assertThat(browser.findElement(By.cssSelector("dl.facts")).getText())
                .contains("TCP", "voice.acme.example", "ntp.acme.example");

        // a line is renamed on its device page, which leads back here
        PageLoads.click(browser, browser.findElement(By.linkText("Warehouse ATA line 2")));
        assertThat(browser.findElements(By.name("sipDomain"))).as("a line takes its gateway's provisioning").isEmpty();
        browser.findElement(By.name("name")).clear();
        browser.findElement(By.name("name")).sendKeys("Packing station");
        PageLoads.click(browser, browser.findElement(By.cssSelector("form[action$='/save'] button[type=submit]")));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).isEqualTo("Packing station saved.");
        PageLoads.click(browser, browser.findElement(By.linkText("← PSTN gateways")));
        assertThat(browser.findElement(By.cssSelector("section.gateway table")).getText()).contains("Packing station");
    }

    @Test
    void linesAreAddedAndRemovedInBulkAndAGatewayGoesWithItsLines() {
        addGateway("00:0b:82:6a:11:41", "Lobby ATA", "2");
        browser.findElement(By.cssSelector("form.line-add input[name=port]")).sendKeys("x9");
        PageLoads.click(browser, browser.findElement(By.cssSelector("form.line-add button")));
        assertThat(browser.findElement(By.cssSelector(".flash.error")).getText()).contains("port", "x9");
        assertThat(server.core().devices().list(acme.id())).hasSize(2);

        browser.findElement(By.cssSelector("form.line-add input[name=port]")).sendKeys("3");
        browser.findElement(By.cssSelector("form.line-add input[name=name]")).sendKeys("Fax");
        PageLoads.click(browser, browser.findElement(By.cssSelector("form.line-add button")));
        Device fax = server.core().devices().list(acme.id()).stream().filter(d -> d.linePort() == 3).findFirst()
                .orElseThrow();
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText())
                .contains("Fax added on port 3", fax.sipPassword());

        browser.findElement(By.cssSelector("section.gateway details.drawer summary")).click();
        browser.findElement(By.cssSelector("section.gateway form.row input[name=name]")).clear();
        browser.findElement(By.cssSelector("section.gateway form.row input[name=name]")).sendKeys("Front desk ATA");
        PageLoads.click(browser, browser.findElement(By.cssSelector("section.gateway form.row button")));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).startsWith("Front desk ATA updated");
        assertThat(server.core().gateways().list(acme.id()).get(0).name()).isEqualTo("Front desk ATA");
        browser.findElement(By.cssSelector("section.gateway details.drawer summary")).click();
        browser.findElement(By.cssSelector("section.gateway form.row input[name=name]")).clear();
        browser.findElement(By.cssSelector("section.gateway form.row input[name=name]")).sendKeys(" ");
        browser.findElement(By.cssSelector("section.gateway form.row input[name=ntpServer]")).sendKeys("ntp.other.example");
        PageLoads.click(browser, browser.findElement(By.cssSelector("section.gateway form.row button")));
        assertThat(browser.findElement(By.cssSelector(".flash.error")).getText()).contains("Name must be");
        assertThat(server.core().gateways().list(acme.id()).get(0).provisioning().ntpServer()).isNull();

        List<Device> lines = server.core().devices().list(acme.id());
        long port1 = lines.stream().filter(d -> d.linePort() == 1).findFirst().orElseThrow().id();
        browser.findElement(By.cssSelector("tr[data-device='" + port1 + "'] input[type=checkbox]")).click();
        browser.findElement(By.cssSelector("tr[data-device='" + fax.id() + "'] input[type=checkbox]")).click();
        PageLoads.confirm(browser, browser.findElement(By.xpath("//button[text()='Remove selected lines']")));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).isEqualTo("2 lines of Front desk ATA removed.");
        assertThat(server.core().devices().list(acme.id())).extracting(Device::linePort).containsExactly(2);
        assertThat(browser.findElements(By.cssSelector("section.gateway tr[data-device]"))).hasSize(1);

        PageLoads.confirm(browser, browser.findElement(By.xpath("//button[text()='Remove gateway']")));
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).isEqualTo("Front desk ATA and its lines removed.");
        assertThat(server.core().devices().list(acme.id())).isEmpty();
        assertThat(server.core().gateways().list(acme.id())).isEmpty();
    }
}
