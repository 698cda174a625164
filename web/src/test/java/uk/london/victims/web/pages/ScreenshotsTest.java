package uk.london.victims.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The README's screenshots, taken from the running service with the demo data: a victim's pages on a phone
 * (390×844) and the Commissioner's on a desktop (1280×900), each what fits on the first screen. Not part of the
 * normal build; regenerate with
 * {@code VJT_SCREENSHOTS=true ./mvnw -B -pl web -am test -Dtest=ScreenshotsTest -Dsurefire.failIfNoSpecifiedTests=false}.
 * Each page is checked with axe before it is taken.
 */
@AutoConfigureWebTestClient
@EnabledIfEnvironmentVariable(named = "VJT_SCREENSHOTS", matches = "true")
class ScreenshotsTest extends PagesOnEmbeddedStore {

    private static final Path OUT = Path.of("..", "docs", "screenshots");
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final String DEMO_CASE = "DEMO-0002-domestic-abuse";

    @Autowired
    WebTestClient http;
    @Autowired
    CommandGateway commands;

    @Test
    void takeTheReadmesScreenshots() throws IOException {
        Files.createDirectories(OUT);
        ReviewJourneys.ensureRecorded(http, commands);
        try (Browser browser = Browser.start(true)) {
            WebDriver driver = browser.driver;
            driver.manage().window().setSize(new Dimension(390, 844));
            driver.get(url("/track/sign-in"));
            take(browser, "victim-1-sign-in.png");
            driver.findElement(By.id("reference")).sendKeys("CRIS-DEMO-0002");
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().endsWith("/track/code"));
            String code = await().atMost(Duration.ofSeconds(60)).until(this::latestCode, found -> found != null);
            driver.findElement(By.id("code")).sendKeys(code);
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().endsWith("/track"));
            take(browser, "victim-2-case.png");
            driver.get(url("/track/contact"));
            take(browser, "victim-3-contact-form.png");

            driver.manage().deleteAllCookies();
            driver.manage().window().setSize(new Dimension(1280, 900));
            driver.get(url("/staff/sign-in"));
            driver.findElement(By.cssSelector("input[name=role][value=COMMISSIONER]")).click();
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().endsWith("/review"));
            take(browser, "commissioner-1-figures.png");
            driver.get(url("/review/cross-tab"));
            take(browser, "commissioner-2-agencies-by-right.png");
            driver.findElement(By.cssSelector("table tbody tr td a")).click();
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().contains("/review/obligations"));
            take(browser, "commissioner-3-drill-down.png");
            driver.get(url("/review/charts"));
            take(browser, "commissioner-4-charts.png");
        }
    }

    private String latestCode() {
        List<Map<String, Object>> codes = http.get().uri("/demo/sign-in-codes?caseId=" + DEMO_CASE).exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
        if (codes == null || codes.isEmpty()) {
            return null;
        }
        Matcher matcher = CODE.matcher(String.valueOf(codes.get(codes.size() - 1).get("text")));
        return matcher.find() ? matcher.group(1) : null;
    }

    private static void take(Browser browser, String name) throws IOException {
        browser.assertAccessible();
        Path shot = ((TakesScreenshot) browser.driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, OUT.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        assertThat(OUT.resolve(name)).isNotEmptyFile();
    }
}
