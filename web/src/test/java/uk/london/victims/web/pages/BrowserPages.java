package uk.london.victims.web.pages;

import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;

/** Helpers for browser tests that follow links and forms. */
public final class BrowserPages {

    private BrowserPages() {
    }

    /**
     * Whether an element of the page before a navigation has gone. Chromium answers a look at it either as stale
     * or, while the new document is replacing the old, with "Node with given id does not belong to the document":
     * Selenium's {@code stalenessOf} took the second for an error, and a CI run failed on it.
     */
    public static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }
}
