package org.hotdesk.web.console;

import org.hotdesk.core.HotdeskCore;
import org.hotdesk.web.testing.Chromium;
import org.hotdesk.web.testing.WebTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;

/** What the console's ops-page tests start from: the Berlin office's busy morning, and a desktop-sized Chromium. */
abstract class BusyMorningInBrowser {
    WebTestServer server;
    WebDriver browser;
    HotdeskCore core;
    BusyMorning office;

    @BeforeEach
    void startOfficeAndBrowser() {
        server = new WebTestServer();
        core = server.core();
        office = new BusyMorning(server.hotdesk());
        browser = Chromium.start(false);
    }

    @AfterEach
    void stopBrowserAndOffice() {
        if (browser != null) {
            browser.quit();
        }
        server.close();
    }
}
