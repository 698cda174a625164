package uk.london.victims.web.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import uk.london.victims.web.pages.Browser;

/**
 * The portal in Debian's Chromium, as a victim on a phone uses it: signing in with the code from the
 * outbox, reading the case, a live update while the page is open, every action, and "Exit this page",
 * with axe checking every page against WCAG 2.2 AA. Also without JavaScript.
 */
class PortalBrowserTest extends PortalJourneys {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static long history(WebDriver driver) {
        return (Long) ((JavascriptExecutor) driver).executeScript("return history.length");
    }

    private void signIn(WebDriver driver, Journey journey) {
        signIn(driver, journey, null);
    }

    /** Signs in through the two pages; with a browser given, axe checks the code page too. */
    private void signIn(WebDriver driver, Journey journey, Browser axe) {
        driver.get(url("/track/sign-in"));
        driver.findElement(By.id("reference")).sendKeys(journey.reference());
        String before = codes.latestLocalCodeMessage(journey.victimId()).orElse("");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        arrivesAt(driver, "/track/code");
        if (axe != null) {
            axe.assertAccessible();
        }
        String code = await().atMost(WAIT).until(() -> codes.latestLocalCodeMessage(journey.victimId())
                .filter(message -> !message.equals(before)).map(PortalJourneys::code).orElse(null), found -> found != null);
        driver.findElement(By.id("code")).sendKeys(code);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        arrivesAt(driver, "/track");
    }

    /** A click that navigates returns before the new page may have loaded: wait for it, never sleep. */
    private static void arrivesAt(WebDriver driver, String path) {
        new WebDriverWait(driver, WAIT).withMessage(() -> "expected " + path + " but at " + driver.getCurrentUrl() + ": "
                + driver.findElement(By.tagName("main")).getText()).until(d -> d.getCurrentUrl().endsWith(path));
    }

    private void waitUntilReadable(Journey journey) {
        await().atMost(WAIT).until(() -> timelineTypes(journey.caseId()).contains("CrimeRecorded")
                && database.getCollection("portal_access").countDocuments(com.mongodb.client.model.Filters.exists(
                        "people." + journey.victimId())) == 1);
    }

    @Test
    void aVictimSignsInReadsTheirCaseSeesALiveUpdateAndCompletesEveryActionOnAccessiblePages() {
        Journey journey = journey("Browser Person One");
        String suspect = "S1";
        record(journey.caseId(), "suspects", Map.of("suspectId", suspect, "occurredAt", "2026-03-02T10:00:00Z"));
        record(journey.caseId(), "suspects/" + suspect + "/arrests", Map.of("occurredAt", "2026-03-02T11:00:00Z"));
        record(journey.caseId(), "suspects/" + suspect + "/interviews", Map.of("admittedOffence", true, "occurredAt", "2026-03-02T12:00:00Z"));
        record(journey.caseId(), "suspects/" + suspect + "/no-further-action", Map.of("reason", "Public interest",
                "occurredAt", "2026-03-03T12:00:00Z"));
        waitUntilReadable(journey);
        await().atMost(WAIT).until(() -> timelineTypes(journey.caseId()).contains("NoFurtherActionTaken"));

        try (Browser browser = Browser.start(true)) {
            WebDriver driver = browser.driver;
            driver.get(url("/track/sign-in"));
            browser.assertAccessible();
            signIn(driver, journey, browser);
            assertThat(driver.getTitle()).isEqualTo("Your case – London victim journey tracker");
            assertThat(driver.findElement(By.id("timeline")).getText()).contains("The police decided to take no further action");
            browser.assertAccessible();

            // An officer records a step through the API while the page is open: it appears without a reload.
            record(journey.caseId(), "officer-assignments", Map.of("officerId", "PC-BROWSER", "unit", "MPS-NE-CID",
                    "occurredAt", "2026-03-04T09:00:00Z"));
            new WebDriverWait(driver, WAIT).until(d -> d.findElement(By.id("timeline")).getText()
                    .contains("An officer is looking after your case"));
            assertThat(driver.findElement(By.id("live-status")).getText()).contains("new step");

            Map<String, Runnable> actions = new java.util.LinkedHashMap<>();
            actions.put("request-update", () -> driver.findElement(By.id("agency")).click());
            actions.put("message", () -> {
                driver.findElement(By.id("agency")).click();
                driver.findElement(By.id("message")).sendKeys("Please call after 6pm");
            });
            actions.put("contact", () -> {
                driver.findElement(By.id("channels-2")).click();
                driver.findElement(By.id("unsafe")).click();
            });
            actions.put("statement", () -> {
                driver.findElement(By.id("statement")).sendKeys("I do not feel safe at home any more.");
                driver.findElement(By.id("readInCourt-2")).click();
            });
            actions.put("restorative-justice", () -> { });
            actions.put("review", () -> driver.findElement(By.id("decision")).click());
            actions.put("complaint", () -> {
                driver.findElement(By.id("agency")).click();
                driver.findElement(By.id("complaint")).sendKeys("Nobody called me back.");
            });
            actions.put("rate", () -> {
                driver.findElement(By.id("stage")).click();
                driver.findElement(By.id("rating-2")).click();
            });
            actions.forEach((action, fill) -> {
                driver.get(url("/track/" + action));
                browser.assertAccessible();
                fill.run();
                driver.findElement(By.cssSelector("main form button[type=submit]")).click();
                arrivesAt(driver, "/track?done=" + action);
                assertThat(driver.findElement(By.className("govuk-notification-banner")).getText()).contains("We have saved that");
            });
            await().atMost(WAIT).untilAsserted(() -> assertThat(timelineTypes(journey.caseId())).contains("UpdateRequested",
                    "MessageFromVictim", "ContactPreferencesSet", "VictimPersonalStatementRecorded", "RestorativeJusticeStepRecorded",
                    "DecisionReviewRequested", "ComplaintMade", "TreatmentRated"));

            // A form sent wrong shows the GOV.UK error summary, which must pass axe too.
            driver.get(url("/track/rate"));
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            new WebDriverWait(driver, WAIT).until(d -> !d.findElements(By.className("govuk-error-summary")).isEmpty());
            assertThat(driver.findElement(By.className("govuk-error-summary")).getText()).contains("There is a problem");
            browser.assertAccessible();

            driver.get(url("/track/no-such-page"));
            browser.assertAccessible();

            // Exit this page leaves for a neutral site without leaving this one in the back button's history,
            // and ends the session on the way.
            driver.get(url("/track"));
            long historyBefore = history(driver);
            WebElement exit = driver.findElement(By.className("govuk-exit-this-page__button"));
            assertThat(exit.getAttribute("href")).isEqualTo(url(QuickExitController.PATH));
            exit.click();
            new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().equals(url(NEUTRAL_SITE)));
            assertThat(history(driver)).as("the case page was replaced, not added to").isEqualTo(historyBefore);
            driver.navigate().back();
            assertThat(driver.getCurrentUrl()).doesNotEndWith("/track");
            driver.get(url("/track"));
            arrivesAt(driver, "/track/sign-in");

            // The keyboard shortcut (Shift three times) does the same: GOV.UK Frontend's own pushed a history entry.
            // Another victim: this one has just marked text messages unsafe, so no new code could reach them.
            Journey another = journey("Browser Person Three");
            waitUntilReadable(another);
            signIn(driver, another);
            long historyBeforeKeys = history(driver);
            Actions shift = new Actions(driver);
            for (int i = 0; i < 3; i++) {
                shift.keyDown(Keys.SHIFT).keyUp(Keys.SHIFT);
            }
            shift.perform();
            new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().equals(url(NEUTRAL_SITE)));
            assertThat(history(driver)).as("the shortcut replaced the case page too").isEqualTo(historyBeforeKeys);
            driver.get(url("/track"));
            arrivesAt(driver, "/track/sign-in");

            driver.get(url("/track/signed-out"));
            browser.assertAccessible();
        }
    }

    @Test
    void signInTheCaseAndAnActionWorkWithJavaScriptOff() {
        Journey journey = journey("Browser Person Two");
        waitUntilReadable(journey);
        try (Browser browser = Browser.start(false)) {
            WebDriver driver = browser.driver;
            signIn(driver, journey);
            assertThat(driver.findElement(By.tagName("body")).getAttribute("class")).doesNotContain("js-enabled");
            assertThat(driver.findElement(By.id("timeline")).getText()).contains("The police recorded the crime");
            driver.get(url("/track/request-update"));
            driver.findElement(By.id("agency")).click();
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            arrivesAt(driver, "/track?done=request-update");
            await().atMost(WAIT).until(() -> timelineTypes(journey.caseId()).contains("UpdateRequested"));
            driver.findElement(By.cssSelector("form[action='/track/sign-out'] button")).click();
            arrivesAt(driver, "/track/signed-out");
            driver.get(url("/track"));
            arrivesAt(driver, "/track/sign-in");
        }
    }
}
