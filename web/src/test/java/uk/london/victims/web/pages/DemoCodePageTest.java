package uk.london.victims.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** On the demo, someone trying the portal signs in to a demo case with the code the demo shows them, no phone and no guessing. */
@AutoConfigureWebTestClient
class DemoCodePageTest extends PagesOnEmbeddedStore {

    @Autowired
    WebTestClient http;

    @Test
    void aDemoVictimSignsInWithTheCodeTheDemoShows() {
        try (Browser browser = Browser.start(true)) {
            WebDriver driver = browser.driver;
            driver.get(url("/track/sign-in"));
            driver.findElement(By.id("reference")).sendKeys("CRIS-DEMO-0003");
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().endsWith("/track/code"));

            driver.findElement(By.linkText("Show my code")).click();
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().endsWith("/demo/my-code"));
            browser.assertAccessible();
            driver.findElement(By.id("reference")).sendKeys("cris-demo-0003");
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            String code = new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.findElements(By.className("app-demo-code"))
                    .stream().map(e -> e.getText()).filter(text -> text.matches("\\d{6}")).findFirst().orElse(null));
            browser.assertAccessible();

            driver.get(url("/track/code"));
            driver.findElement(By.id("code")).sendKeys(code);
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().endsWith("/track"));
        }
    }

    @Test
    void onlyTheDemosReferencesAreAnsweredAndNothingIsCached() {
        http.get().uri("/demo/my-code?reference=CRIS-REAL-1234").exchange().expectStatus().isOk()
            .expectHeader().value(HttpHeaders.CACHE_CONTROL, cache -> assertThat(cache).contains("no-store"))
            .expectBody(String.class).value(html -> assertThat(html).contains("Enter one of the demo’s crime references")
                    .doesNotContain("app-demo-code"));
    }
}
