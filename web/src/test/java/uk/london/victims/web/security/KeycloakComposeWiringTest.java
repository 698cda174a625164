package uk.london.victims.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.http.HttpHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.yaml.snakeyaml.Yaml;

import uk.london.victims.web.AxonDefaults;
import uk.london.victims.web.pages.Browser;

/**
 * The tracker with the identity-provider environment docker-compose.yml gives its container, read from that
 * file, against the test run's Keycloak (started with the compose service's hostname options): the compose
 * network's {@code keycloak:8180} becomes {@code 127.0.0.1:<port>} and the host's {@code localhost:8180}
 * becomes {@code localhost:<port>}. There is no Docker here; this is how the compose wiring is proven.
 */
@ExtendWith(KeycloakServer.Shared.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vjt.demo-data=false")
@ContextConfiguration(initializers = KeycloakComposeWiringTest.ComposeEnvironment.class)
@DirtiesContext
class KeycloakComposeWiringTest {

    static {
        AxonDefaults.apply();
    }

    /** The tracker's own store and vault settings stay the test's: only the identity provider comes from compose. */
    private static final Set<String> NOT_IDENTITY = Set.of("MONGODB_URI", "VJT_DATABASE", "VJT_VAULT_MASTER_KEY");
    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{[A-Z0-9_]+:-(.*)}");

    @LocalServerPort
    int port;
    @Autowired
    WebTestClient http;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("vjt-keycloak-compose-").toString();
        registry.add("vjt.store.uri", () -> "");
        registry.add("vjt.store.data-directory", () -> directory);
    }

    /** The compose file's variables as environment variables, so Spring binds them exactly as in the container. */
    static final class ComposeEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(
                    new SystemEnvironmentPropertySource("compose-systemEnvironment", new HashMap<>(trackerEnvironment())));
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> trackerEnvironment() {
        KeycloakServer keycloak = KeycloakServer.shared();
        Map<String, Object> compose;
        try {
            compose = new Yaml().load(Files.readString(Path.of("..", "docker-compose.yml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> tracker = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("tracker");
        Map<String, Object> environment = new HashMap<>();
        ((Map<String, Object>) tracker.get("environment")).forEach((name, value) -> {
            if (!NOT_IDENTITY.contains(name)) {
                Matcher defaulted = DEFAULTED.matcher(String.valueOf(value));
                String text = defaulted.matches() ? defaulted.group(1) : String.valueOf(value);
                environment.put(name, text.replace("http://keycloak:8180", keycloak.backChannelUrl())
                                          .replace("http://localhost:8180", keycloak.baseUrl()));
            }
        });
        return environment;
    }

    @Test
    void theComposeFileWiresTheTrackerToItsKeycloak() {
        Map<String, Object> environment = trackerEnvironment();
        assertThat(environment).containsEntry("VJT_JWT_ISSUER_URI", KeycloakServer.shared().issuer())
                               .containsKeys("VJT_JWT_JWK_SET_URI", "SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_STAFF_TOKEN_URI");

        http.get().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, "Bearer " + KeycloakServer.shared().accessToken("probation"))
            .exchange().expectStatus().isOk();

        KeycloakServer.shared().allowRedirect("staff", url("/login/oauth2/code/staff"));
        try (Browser browser = Browser.start(true)) {
            WebDriver driver = browser.driver;
            driver.get(url("/review"));
            KeycloakSignInBrowserTest.navigate(driver, By.id("sign-in"));
            assertThat(driver.getCurrentUrl()).startsWith(KeycloakServer.shared().issuer() + "/protocol/openid-connect/auth");
            KeycloakSignInBrowserTest.signInOnKeycloaksPage(driver, "commissioner");

            assertThat(driver.getCurrentUrl()).isEqualTo(url("/review"));
            assertThat(driver.findElement(By.className("app-signed-in__text")).getText()).contains("Alex Commissioner");
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
