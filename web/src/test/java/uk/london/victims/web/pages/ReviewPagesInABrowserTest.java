package uk.london.victims.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The Commissioner's pages in headless Chromium: signing in through the form, every review page and a
 * drill-down to a case under axe (WCAG 2.2 AA), and the form working with JavaScript off.
 */
@AutoConfigureWebTestClient
class ReviewPagesInABrowserTest extends PagesOnEmbeddedStore {

    private static final String MAY = ReviewPagesTest.MAY;

    @Autowired
    WebTestClient http;
    @Autowired
    CommandGateway commands;

    @BeforeEach
    void recorded() {
        Browser.assumeInstalled();
        ReviewJourneys.ensureRecorded(http, commands);
    }

    @Test
    void theCommissionerSignsInReadsEveryReviewPageAndFollowsAFigureToACase() {
        try (Browser browser = Browser.start(true)) {
            WebDriver driver = browser.driver;
            driver.get(url("/review"));
            assertThat(driver.getCurrentUrl()).endsWith("/staff/sign-in");
            browser.assertAccessible();
            signInAsTheCommissioner(driver);
            assertThat(driver.getCurrentUrl()).endsWith("/review");
            browser.assertAccessible();

            driver.get(url("/review?" + MAY + "&by=BOROUGH"));
            browser.assertAccessible();
            navigate(driver, By.xpath("//tbody/tr[th[normalize-space()='Sutton']]/td[1]/a"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("All obligations");
            browser.assertAccessible();
            navigate(driver, By.cssSelector("a[href^='/review/cases/" + ReviewJourneys.mayCase + "']"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Case history");
            assertThat(driver.getPageSource()).doesNotContain(ReviewJourneys.VICTIM_NAME);
            browser.assertAccessible();

            driver.get(url("/review/cross-tab?" + MAY));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Which agency is failing which right");
            browser.assertAccessible();
            navigate(driver, By.xpath("//tbody/tr[th[normalize-space()='Police']]/td[1]/a"));
            assertThat(driver.findElement(By.className("govuk-caption-l")).getText()).startsWith("Agency that owed it and right: Police, Right");
            assertThat(driver.findElements(By.xpath("//tbody/tr/td[5]"))).extracting(WebElement::getText).isNotEmpty().containsOnly("Sutton");
            browser.assertAccessible();

            driver.get(url("/review/charts?" + MAY.replace("to-month=5", "to-month=6").replace("to-day=31", "to-day=30")));
            List<WebElement> charts = driver.findElements(By.cssSelector("svg[role=img]"));
            assertThat(charts).hasSize(4).allSatisfy(chart -> assertThat(chart.getRect().getHeight()).isPositive());
            browser.assertAccessible();

            driver.get(url("/review/plan-measures?from-day=1&from-month=6&from-year=2024&to-day=30&to-month=6&to-year=2024"));
            assertThat(driver.findElement(By.id("satisfaction")).getText()).contains("83%");
            browser.assertAccessible();

            driver.get(url("/review?from-day=31&from-month=2&from-year=2024"));
            assertThat(driver.findElement(By.className("govuk-error-summary")).getText()).contains("must be a real date");
            browser.assertAccessible();

            navigate(driver, By.cssSelector(".app-signed-in button"));
            assertThat(driver.findElement(By.className("govuk-notification-banner")).getText()).contains("You have signed out");
            browser.assertAccessible();

            driver.findElement(By.cssSelector("input[name=role][value=POLICE_OFFICER]")).click();
            navigate(driver, By.cssSelector("form button[type=submit]"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("You cannot see this page");
            browser.assertAccessible();
        }
    }

    @Test
    void theReviewFormWorksWithoutJavaScript() {
        try (Browser browser = Browser.start(false)) {
            WebDriver driver = browser.driver;
            driver.get(url("/staff/sign-in"));
            signInAsTheCommissioner(driver);
            // The form is folded under the figures' description, so the figures come first; a native <details> needs no script.
            assertThat(driver.findElement(By.id("from-day")).isDisplayed()).isFalse();
            driver.findElement(By.cssSelector(".app-period-panel summary")).click();
            type(driver, "from", "1", "5", "2024");
            type(driver, "to", "31", "5", "2024");
            driver.findElement(By.cssSelector("#by option[value='RIGHT']")).click();
            navigate(driver, By.cssSelector(".app-period-form button[type=submit]"));

            assertThat(driver.getCurrentUrl()).contains("from-day=1", "from-month=5", "by=RIGHT");
            assertThat(driver.findElement(By.id("figures-caption")).getText()).isEqualTo("Obligations by right");
            // The Code's own limits only: R2's 24 hours and R3's acknowledgement are local service standards.
            assertThat(driver.findElements(By.xpath("//tbody/tr/th"))).extracting(WebElement::getText)
                    .contains("Right 4: needs assessment and referral").doesNotContain("Right 3: written acknowledgement");

            driver.findElement(By.cssSelector(".app-period-panel summary")).click();
            type(driver, "to", "31", "13", "2024");
            navigate(driver, By.cssSelector(".app-period-form button[type=submit]"));
            assertThat(driver.getTitle()).startsWith("Error:");
            assertThat(driver.findElement(By.className("govuk-error-summary")).getText())
                    .contains("The end of the period must be a real date");
            assertThat(driver.findElement(By.id("to-month")).getAttribute("value")).isEqualTo("13");
            // Opened by the server when the form has a mistake, so the message is seen without a click.
            assertThat(driver.findElement(By.id("to-month")).isDisplayed()).isTrue();
        }
    }

    private static void signInAsTheCommissioner(WebDriver driver) {
        driver.findElement(By.cssSelector("input[name=role][value=COMMISSIONER]")).click();
        navigate(driver, By.cssSelector("form button[type=submit]"));
    }

    /**
     * Clicks something that loads a new page and waits until the old one is gone: a click does not always
     * wait for the navigation it starts, and the old page's elements would answer the next find.
     */
    private static void navigate(WebDriver driver, By target) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(target).click();
        // The driver's next command then waits for the new page to load; no script needed (one test has none).
        new WebDriverWait(driver, Duration.ofSeconds(90)).until(d -> Browser.isGone(page));
    }

    private static void type(WebDriver driver, String field, String day, String month, String year) {
        for (String[] part : new String[][] {{"-day", day}, {"-month", month}, {"-year", year}}) {
            WebElement input = driver.findElement(By.id(field + part[0]));
            input.clear();
            input.sendKeys(part[1]);
        }
    }
}
