package org.hotdesk.web.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (Selenium), never a downloaded browser.
 * Without them the browser tests are skipped, unless HOTDESK_TEST_REQUIRE_PEERS=1 (CI), where that fails.
 */
public final class Chromium {
    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** Screenshots land here for people to look at. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Chromium() {
    }

    /** A fresh headless browser; phone-sized when {@code mobile}. */
    public static WebDriver start(boolean mobile) {
        boolean present = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        if (!present && "1".equals(System.getenv("HOTDESK_TEST_REQUIRE_PEERS"))) {
            throw new AssertionError("HOTDESK_TEST_REQUIRE_PEERS=1 but " + BROWSER + " or " + DRIVER
                    + " is missing: apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(present, "Debian chromium and chromium-driver are not installed");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        // the flags that keep Chromium off the network this machine does not have, and root-safe
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--hide-scrollbars",
                mobile ? "--window-size=412,915" : "--window-size=1440,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        return driver;
    }

    /** Saves what the browser shows as target/screenshots/{name}.png and returns the file. */
    public static Path screenshot(WebDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
