package dev.commonhold.devstack;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver (both installed by .ci/run; the
 * paths can be moved with -Dchromium.binary / -Dchromium.driver). Nothing is downloaded: the driver
 * is named, so Selenium Manager never runs. Flags as this machine needs them (no background
 * networking, no component updates: its network is closed).
 */
final class Browser implements AutoCloseable {

    static final Path DOWNLOADS = Path.of("target", "browser-downloads");

    final ChromeDriver driver;
    private final String gateway;

    Browser(String gateway) {
        this.gateway = gateway;
        String binary = System.getProperty("chromium.binary", "/usr/bin/chromium");
        String driverPath = System.getProperty("chromium.driver", "/usr/bin/chromedriver");
        if (!Files.isExecutable(Path.of(binary)) || !Files.isExecutable(Path.of(driverPath))) {
            throw new IllegalStateException("The portal's browser tests need Debian's chromium and chromium-driver ("
                    + binary + ", " + driverPath + "): apt-get install -y chromium chromium-driver (.ci/run does).");
        }
        try {
            Files.createDirectories(DOWNLOADS);
            ChromeOptions options = new ChromeOptions().setBinary(binary);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                    "--lang=zh-CN", "--window-size=1280,1000", "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh",
                    "download.default_directory", DOWNLOADS.toAbsolutePath().toString(), "download.prompt_for_download", false));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(driverPath).toFile()).build();
            this.driver = new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the page afresh, even when only its #fragment would change (which a browser does without reloading). */
    void open(String path) {
        if (driver.getCurrentUrl() != null && driver.getCurrentUrl().equals(gateway + path)) {
            driver.navigate().refresh();
        } else {
            driver.get(gateway + path);
        }
    }

    /** Signs in at Keycloak's own page from the portal's sign-in button; lands back on the portal. */
    void signIn(String username, String password) {
        open("/portal/");
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions.or(
                ExpectedConditions.visibilityOfElementLocated(By.id("signin")), ExpectedConditions.visibilityOfElementLocated(By.id("signout-button"))));
        if (driver.findElement(By.id("signout-button")).isDisplayed()) {
            signOut(); // a test that failed half-way left someone signed in
        }
        until(By.id("signin")).click();
        until(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().startsWith(gateway + "/portal/"));
        until(By.cssSelector("main h1"));
    }

    void signOut() {
        until(By.id("signout-button")).click();
        until(By.id("signin"));
    }

    WebElement until(By what) {
        return new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions.visibilityOfElementLocated(what));
    }

    void untilText(By what, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(90)).until(ExpectedConditions.textToBePresentInElementLocated(what, text));
    }

    /** Runs a script that ends by calling its last argument (the callback) with a result. */
    Object async(String script, Object... args) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /**
     * axe-core (Deque's axe.min.js) on the page as it is now: the violations of impact serious or
     * critical against WCAG 2.0/2.1 A and AA, as "rule: where" lines.
     */
    @SuppressWarnings("unchecked")
    List<String> seriousAccessibilityViolations() {
        String axe;
        try (var in = Browser.class.getResourceAsStream("/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ((JavascriptExecutor) driver).executeScript(axe);
        List<Map<String, Object>> violations = (List<Map<String, Object>>) async(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                        + ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}))))"
                        + ".catch(e => done([{id: 'axe-failed', impact: 'critical', nodes: [String(e)]}]));");
        return violations.stream().filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .map(v -> v.get("id") + ": " + v.get("nodes")).toList();
    }

    /** The page as a PNG under -Dportal.screenshots (docs/screenshots when regenerated), else under target/. */
    void screenshot(String name) {
        Path folder = Path.of(System.getProperty("portal.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(folder);
            // The whole page from its top (at most 2,400 px of it), as a person scrolling it would see it.
            ((JavascriptExecutor) driver).executeScript("document.activeElement?.blur(); window.scrollTo(0, 0)");
            long height = ((Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight")).longValue();
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, (int) Math.min(2400, height + 140)));
            Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver.TargetLocator switchTo() {
        return driver.switchTo();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
