package uk.london.victims.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.london.victims.web.AxonDefaults;
import uk.london.victims.web.pages.Browser;

/**
 * Staff sign in to the review pages through Keycloak's own login page, in headless Chromium. The service is
 * configured with the environment the README's production section gives (here as properties): the API's
 * issuer and a client registration named {@code staff}, found by OIDC discovery.
 */
@ExtendWith(KeycloakServer.Shared.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vjt.demo-data=false")
@DirtiesContext
class KeycloakSignInBrowserTest {

    static {
        AxonDefaults.apply();
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("vjt-keycloak-sign-in-").toString();
        registry.add("vjt.store.uri", () -> "");
        registry.add("vjt.store.data-directory", () -> directory);
        registry.add("vjt.security.issuer-uri", () -> KeycloakServer.shared().issuer());
        registry.add("vjt.security.jwk-set-uri", () -> "");
        String registration = "spring.security.oauth2.client.registration.staff.";
        registry.add(registration + "client-id", () -> "staff");
        registry.add(registration + "client-secret", () -> "staff-pages-local-secret");
        registry.add(registration + "scope", () -> "openid");
        registry.add(registration + "authorization-grant-type", () -> "authorization_code");
        registry.add(registration + "redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
        registry.add("spring.security.oauth2.client.provider.staff.issuer-uri", () -> KeycloakServer.shared().issuer());
    }

    @BeforeEach
    void registered() {
        Browser.assumeInstalled();
        // The realm allows http://localhost:8080 (docker-compose.yml); this run's service has a port of its own.
        KeycloakServer.shared().allowRedirect("staff", url("/login/oauth2/code/staff"));
    }

    @Test
    void theCommissionerSignsInOnKeycloaksLoginPageAndReadsTheReview() {
        try (Browser browser = Browser.start(true)) {
            WebDriver driver = browser.driver;
            driver.get(url("/review"));
            assertThat(driver.getCurrentUrl()).isEqualTo(url("/staff/sign-in"));

            navigate(driver, By.id("sign-in"));
            assertThat(driver.getCurrentUrl()).startsWith(KeycloakServer.shared().issuer() + "/protocol/openid-connect/auth");
            signInOnKeycloaksPage(driver, "commissioner");

            assertThat(driver.getCurrentUrl()).isEqualTo(url("/review"));
            assertThat(driver.findElement(By.className("app-signed-in__text")).getText()).contains("Alex Commissioner");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isNotBlank().isNotEqualTo("You cannot see this page");
        }
    }

    @Test
    void anOfficerSignedInThroughKeycloakIsRefusedTheReview() {
        try (Browser browser = Browser.start(true)) {
            WebDriver driver = browser.driver;
            driver.get(url("/staff/sign-in"));
            navigate(driver, By.id("sign-in"));
            signInOnKeycloaksPage(driver, "officer");

            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("You cannot see this page");
        }
    }

    @Test
    void aWrongPasswordStaysOnKeycloaksPage() {
        try (Browser browser = Browser.start(true)) {
            WebDriver driver = browser.driver;
            driver.get(url("/staff/sign-in"));
            navigate(driver, By.id("sign-in"));
            driver.findElement(By.id("username")).sendKeys("commissioner");
            driver.findElement(By.id("password")).sendKeys("not-the-password");
            navigate(driver, By.id("kc-login"));

            assertThat(driver.getCurrentUrl()).startsWith(KeycloakServer.shared().baseUrl() + "/");
            assertThat(driver.getPageSource()).contains("Invalid username or password");
            driver.get(url("/review"));
            assertThat(driver.getCurrentUrl()).isEqualTo(url("/staff/sign-in"));
        }
    }

    static void signInOnKeycloaksPage(WebDriver driver, String username) {
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(KeycloakServer.passwordOf(username));
        navigate(driver, By.id("kc-login"));
        // Keycloak answers with a redirect to the service, which exchanges the code and redirects again.
        new WebDriverWait(driver, Duration.ofSeconds(90)).until(ExpectedConditions.not(
                ExpectedConditions.urlContains(KeycloakServer.shared().baseUrl() + "/")));
    }

    /** Clicks something that loads a new page and waits until the old one is gone. */
    static void navigate(WebDriver driver, By target) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(target).click();
        new WebDriverWait(driver, Duration.ofSeconds(90)).until(d -> Browser.isGone(page));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
