package uk.london.victims.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * Debian's headless Chromium driven by Selenium, with axe for accessibility. The driver path is given
 * explicitly so that Selenium Manager never tries to download one (there is no internet here).
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    public final WebDriver driver;
    private final Path profile;

    private Browser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Skips the calling test, saying why, where Chromium is not installed; `.ci/run` installs it. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver; .ci/run does)");
    }

    public static Browser start(boolean javascript) {
        assumeInstalled();
        try {
            Path profile = Files.createTempDirectory("vjt-chromium-");
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                    .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--disable-dev-shm-usage", "--window-size=412,915", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                                                                         .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            // A cold first navigation has been seen to take 30 s on these machines, and 90 s with other builds
            // running beside: wait generously, never retry.
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(240)).scriptTimeout(Duration.ofSeconds(60));
            if (!javascript) {
                // As DevTools' "Disable JavaScript": the page's scripts stop, the driver's own keep working
                // (turning JavaScript off in the profile instead hangs chromedriver's page loads).
                driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
            }
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** axe finds no WCAG 2.2 A or AA violation on the page now showing. */
    public void assertAccessible() {
        Results results = new AxeBuilder().withTags(WCAG_22_AA).analyze(driver);
        String violations = results.getViolations().stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                             + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
        assertThat(violations).as("axe violations on %s", driver.getCurrentUrl()).isEmpty();
        assertThat(results.getPasses()).as("axe ran its checks").isNotEmpty();
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary profile left behind is harmless.
        }
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
