package org.sintraee.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium through Debian's chromedriver (both from the
 * chromium and chromium-driver packages; .ci/run installs them). The flags keep Chromium from
 * reaching out to the network, which this closed machine would refuse; each start gets a
 * fresh profile directory, deleted at the end.
 */
final class AdminBrowser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final ChromeDriver driver;
    private final Path profile;

    private AdminBrowser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static AdminBrowser start() throws IOException {
        for (String binary : new String[] {CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(Path.of(binary))) {
                throw new IllegalStateException(binary + " is missing: apt-get install -y chromium chromium-driver"
                        + " (.ci/run does)");
            }
        }
        Path profile = Files.createTempDirectory("sintra-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--window-size=1280,1600", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        return new AdminBrowser(new ChromeDriver(service, options), profile);
    }

    void open(URI page) {
        driver.get(page.toString());
    }

    void logIn(String user, String password) {
        driver.findElement(By.id("username")).clear();
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-button")).click();
    }

    void waitForUrlEnding(String suffix) {
        new WebDriverWait(driver, WAIT).withMessage(() -> "the browser is at " + driver.getCurrentUrl()
                + ", not at ..." + suffix).until(d -> d.getCurrentUrl().endsWith(suffix));
    }

    void waitForRows(String css, int count) {
        new WebDriverWait(driver, WAIT).withMessage(() -> "expected " + count + " rows " + css)
                .until(d -> d.findElements(By.cssSelector(css)).size() == count);
    }

    /** How often the page has refreshed itself from the API. */
    int polls() {
        return Integer.parseInt(driver.findElement(By.id("message")).getDomAttribute("data-polls"));
    }

    void waitForPolls(int atLeast) {
        new WebDriverWait(driver, WAIT).withMessage(() -> "the page stopped refreshing: " + text("#message"))
                .until(d -> polls() >= atLeast);
    }

    String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    String field(String tableCss, String field) {
        return text(tableCss + " [data-field=\"" + field + "\"]");
    }

    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
