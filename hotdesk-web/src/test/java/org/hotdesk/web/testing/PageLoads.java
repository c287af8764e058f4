package org.hotdesk.web.testing;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Actions that load the next page, and wait for it. WebDriver's click() may return before the form's answer
 * has arrived; on a loaded machine the test would then read the old page: last action's message, a row
 * since removed, or an element that goes stale while it is read.
 */
public final class PageLoads {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private PageLoads() {
    }

    /** Runs {@code action}, which leads to another page (or the same one again), and waits until it is there. */
    public static void after(WebDriver browser, Runnable action) {
        WebElement page = browser.findElement(By.tagName("html"));
        action.run();
        new WebDriverWait(browser, PATIENCE)
                // while Chrome swaps documents, asking about the old one may fail otherwise ("Node with given id
                // does not belong to the document"): ask again until it answers "stale"
                .ignoring(WebDriverException.class)
                .until(ExpectedConditions.stalenessOf(page));
    }

    /** Clicks a button or link that loads a page. */
    public static void click(WebDriver browser, WebElement element) {
        after(browser, element::click);
    }

    /** Clicks a button that asks "are you sure?", says yes, and waits for the next page. */
    public static void confirm(WebDriver browser, WebElement element) {
        after(browser, () -> {
            element.click();
            browser.switchTo().alert().accept();
        });
    }
}
