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
                // Each action's own confirmation: who now has it.
                assertThat(driver.findElement(By.className("govuk-notification-banner")).getText()).contains("We have ");
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

    /** A phone as issue 13 tried it, for the tests of what shows on the first screen. */
    private static final org.openqa.selenium.Dimension PHONE = new org.openqa.selenium.Dimension(390, 844);

    /** A demo case's reference and its (only) victim, read as the Commissioner reads the timeline. */
    private Journey demo(String caseId, String reference) {
        String token = (String) http.post().uri("/demo/tokens").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", "COMMISSIONER")).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("token");
        String victimId = await().atMost(WAIT).until(() -> {
            var timeline = http.get().uri("/api/cases/{id}/timeline", caseId).header("Authorization", "Bearer " + token)
                    .header("X-Purpose", "portal browser test").exchange().expectBody(Map.class).returnResult().getResponseBody();
            return timeline == null || !(timeline.get("entries") instanceof java.util.List<?> entries) ? null
                    : entries.stream().map(entry -> (Map<?, ?>) entry).filter(entry -> "VictimAdded".equals(entry.get("type")))
                            .map(entry -> String.valueOf(((Map<?, ?>) entry.get("details")).get("victimId"))).findFirst().orElse(null);
        }, found -> found != null);
        await().atMost(WAIT).until(() -> database.getCollection("portal_access").countDocuments(
                com.mongodb.client.model.Filters.exists("people." + victimId)) == 1);
        return new Journey(caseId, reference, victimId);
    }

    /** The element ends within the first screen: what a victim sees before scrolling. */
    private static boolean onFirstScreen(WebDriver driver, WebElement element) {
        long innerHeight = (Long) ((JavascriptExecutor) driver).executeScript("return window.innerHeight");
        return element.getLocation().getY() + element.getSize().getHeight() <= innerHeight;
    }

    @Test
    void theCasePageOpensWithWhereItStandsAndShowsDemo0002sSentenceAndRestrainingOrder() {
        Journey sentenced = demo("DEMO-0002-domestic-abuse", "CRIS-DEMO-0002");
        try (Browser browser = Browser.start(true)) {
            WebDriver driver = browser.driver;
            driver.manage().window().setSize(PHONE);
            signIn(driver, sentenced);
            WebElement status = driver.findElement(By.id("case-status"));
            assertThat(status.getText()).isEqualTo("The offender was sentenced to 18 months in prison.");
            // First: straight after the heading, before any section, and with the next step on the first screen.
            assertThat(driver.findElements(By.cssSelector("main h1 + p#case-status"))).hasSize(1);
            WebElement next = driver.findElement(By.id("next-step"));
            assertThat(next.getText()).startsWith("Next:");
            assertThat(onFirstScreen(driver, status)).as("the status sentence is on the first screen").isTrue();
            assertThat(onFirstScreen(driver, next)).as("the next step is on the first screen").isTrue();

            String outcome = driver.findElement(By.id("outcome")).getText();
            assertThat(outcome).contains("The defendant pleaded guilty.", "18 months in prison.",
                    "A restraining order for 5 years: the offender must not contact you or come near you.");
            String page = driver.findElement(By.tagName("main")).getText();
            assertThat(page).as("the Victim Contact Scheme's condition was met by the sentence")
                    .doesNotContain("If the offender is sent to prison for 12 months or more")
                    .contains("Victim Contact Scheme");
            assertThat(driver.findElement(By.id("timeline")).getText()).contains("The sentence is 18 months in prison.");
            browser.assertAccessible();

            // The guilty plea is an admission: restorative justice is offered.
            driver.findElement(By.linkText("Ask about restorative justice")).click();
            arrivesAt(driver, "/track/restorative-justice");
            assertThat(driver.findElements(By.id("rj"))).singleElement().extracting(WebElement::getTagName).isEqualTo("button");
            browser.assertAccessible();
        }

        // A case with obligations missed long ago: they are folded away, and the first screen says where it stands.
        Journey discontinued = demo("DEMO-0006-child-exploitation", "CRIS-DEMO-0006");
        try (Browser browser = Browser.start(true)) {
            WebDriver driver = browser.driver;
            driver.manage().window().setSize(PHONE);
            signIn(driver, discontinued);
            assertThat(driver.findElement(By.id("case-status")).getText()).isEqualTo("The Crown Prosecution Service stopped the case.");
            assertThat(onFirstScreen(driver, driver.findElement(By.id("next-step")))).isTrue();
            WebElement missed = driver.findElement(By.id("missed"));
            assertThat(missed.getAttribute("open")).as("folded").isNull();
            assertThat(missed.getText()).startsWith("What should have happened (");
            browser.assertAccessible();
        }
    }

    @Test
    void contactChoicesAreShownAgainAndAChannelBothWantedAndUnsafeIsAnErrorOnTheField() {
        Journey journey = journey("Browser Person Four");
        waitUntilReadable(journey);
        try (Browser browser = Browser.start(true)) {
            WebDriver driver = browser.driver;
            signIn(driver, journey);
            driver.get(url("/track/contact"));
            driver.findElement(By.id("channels-2")).click();
            driver.findElement(By.id("unsafe-4")).click();
            driver.findElement(By.id("every-2")).click();
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            arrivesAt(driver, "/track?done=contact");
            assertThat(driver.findElement(By.className("govuk-notification-banner")).getText()).contains("saved your contact choices");
            await().atMost(WAIT).until(() -> timelineTypes(journey.caseId()).contains("ContactPreferencesSet"));

            driver.get(url("/track/contact"));
            assertThat(driver.findElement(By.id("channels-2")).isSelected()).as("email, as saved").isTrue();
            assertThat(driver.findElement(By.id("channels")).isSelected()).isFalse();
            assertThat(driver.findElement(By.id("unsafe-4")).isSelected()).as("letters unsafe, as saved").isTrue();
            assertThat(driver.findElement(By.id("every-2")).isSelected()).as("every 2 weeks, as saved").isTrue();
            assertThat(driver.findElement(By.id("every-4")).isSelected()).isFalse();
            browser.assertAccessible();

            // Text messages both wanted and unsafe: the GOV.UK error pattern, and nothing saved.
            driver.findElement(By.id("channels")).click();
            driver.findElement(By.id("unsafe")).click();
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            new WebDriverWait(driver, WAIT).until(d -> !d.findElements(By.className("govuk-error-summary")).isEmpty());
            WebElement link = driver.findElement(By.cssSelector(".govuk-error-summary__list a"));
            assertThat(link.getAttribute("href")).endsWith("#channels");
            assertThat(link.getText()).isEqualTo("You chose text message as a way to contact you and as unsafe. Choose one or the other");
            WebElement message = driver.findElement(By.id("channels-error"));
            assertThat(message.getText().replaceAll("\\s+", " ")).isEqualTo("Error: " + link.getText());
            assertThat(driver.findElement(By.xpath("//*[@id='channels-error']/ancestor::div[contains(@class,'govuk-form-group')]"))
                    .getAttribute("class")).contains("govuk-form-group--error");
            assertThat(driver.findElement(By.id("channels")).isSelected()).as("what was sent is kept").isTrue();
            assertThat(driver.getTitle()).startsWith("Error: ");
            browser.assertAccessible();
            link.click();
            new WebDriverWait(driver, WAIT).until(d -> "channels".equals(((JavascriptExecutor) d)
                    .executeScript("return document.activeElement && document.activeElement.id")));
            assertThat(timelineTypes(journey.caseId()).stream().filter("ContactPreferencesSet"::equals)).hasSize(1);
        }
    }

    @Test
    void theReviewPageOffersOnlyDecisionsThatExistAndShowsAReviewAlreadyAskedFor() {
        Journey journey = journey("Browser Person Five");
        waitUntilReadable(journey);
        try (Browser browser = Browser.start(true)) {
            WebDriver driver = browser.driver;
            signIn(driver, journey);
            driver.get(url("/track/review"));
            assertThat(driver.findElement(By.id("no-decision")).getText()).startsWith("There is no decision in your case");
            assertThat(driver.findElements(By.cssSelector("main form"))).as("no form, no button").isEmpty();
            browser.assertAccessible();

            // Only the police are involved so far: they are the only choice for an update or a complaint.
            for (String action : java.util.List.of("request-update", "complaint")) {
                driver.get(url("/track/" + action));
                assertThat(driver.findElements(By.name("agency"))).as(action).singleElement()
                        .extracting(radio -> radio.getAttribute("value")).isEqualTo("POLICE");
            }

            record(journey.caseId(), "suspects", Map.of("suspectId", "S1", "occurredAt", "2026-03-02T10:00:00Z"));
            record(journey.caseId(), "suspects/S1/no-further-action", Map.of("reason", "Public interest",
                    "occurredAt", "2026-03-03T12:00:00Z"));
            await().atMost(WAIT).until(() -> timelineTypes(journey.caseId()).contains("NoFurtherActionTaken"));
            driver.get(url("/track/review"));
            assertThat(driver.findElements(By.name("decision"))).hasSize(1);
            driver.findElement(By.id("decision")).click();
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            arrivesAt(driver, "/track?done=review");
            await().atMost(WAIT).until(() -> timelineTypes(journey.caseId()).contains("DecisionReviewRequested"));

            driver.get(url("/track"));
            assertThat(driver.findElement(By.id("what-next")).getText()).contains("for the decision to be reviewed",
                    "The police will tell you the result");
            assertThat(driver.findElement(By.id("next-step")).getText()).contains("looking at it again");
            driver.get(url("/track/review"));
            assertThat(driver.findElements(By.cssSelector("main form"))).as("no second request for the same decision").isEmpty();
            assertThat(driver.findElement(By.cssSelector(".govuk-summary-card")).getText()).contains(
                    "The police decided to take no further action", "Being reviewed", "looking at it again");
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
