package it.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Debian's chromedriver, both named by path so that Selenium
 * never looks for (or downloads) a browser or driver of its own; every background download of
 * Chromium is switched off too. One browser per test class; screenshots go to target/screenshots.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;

    public Browser() {
        this(System.getProperty("router.url", "http://localhost:19080"));
    }

    public Browser(String baseUrl) {
        this.baseUrl = baseUrl;
        try {
            profile = Files.createTempDirectory("console-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--disable-extensions", "--window-size=1440,1000",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(baseUrl + path);
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public WebElement waitFor(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    public boolean present(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    public void type(String css, String text) {
        WebElement field = waitFor(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks and waits for the next page to have loaded (a full, non-Ajax submit). */
    public void clickAndWaitForPage(String css) {
        WebElement old = driver.findElement(By.tagName("html"));
        find(css).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(old));
        waitFor("body");
    }

    /** Picks an option of a PrimeFaces selectOneMenu the way a user does: open it, click the option. */
    public void choose(String componentId, String label) {
        waitFor("[id='" + componentId + "'] .ui-selectonemenu-trigger").click();
        WebElement item = waitFor("[id='" + componentId + "_items'] li[data-label=\"" + label + "\"]");
        // the panel slides open: a click before it settles lands on whatever is under the item's old place
        until(() -> {
            org.openqa.selenium.Rectangle before = item.getRect();
            pause(Duration.ofMillis(150));
            return before.equals(item.getRect());
        });
        until(() -> {
            try {
                item.click();
                return true;
            } catch (ElementClickInterceptedException e) {
                return false;
            }
        });
        waitForAjax();
        until(() -> label.equals(text("[id='" + componentId + "_label']")));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until no PrimeFaces Ajax request is queued or running (a delayed one may not have started yet). */
    public void waitForAjax() {
        until(() -> Boolean.TRUE.equals(script(
                "return !!window.PrimeFaces && PrimeFaces.ajax.Queue.isEmpty() && (!window.jQuery || jQuery.active === 0);")));
    }

    /** Polls until the condition holds (elements re-rendered by Ajax are looked up again each time). */
    public void until(BooleanSupplier condition) {
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .until(d -> condition.getAsBoolean());
    }

    /** The text of the element now, or "" when it is not there. */
    public String text(String css) {
        try {
            return driver.findElements(By.cssSelector(css)).stream().findFirst().map(WebElement::getText).orElse("");
        } catch (StaleElementReferenceException e) {
            return "";
        }
    }

    public Object script(String javaScript, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(javaScript, args);
    }

    /** Signs in through the login page. */
    public void signIn(String user, String password) {
        open("/admin/login.xhtml");
        type("#login\\:username", user);
        type("#login\\:password", password);
        clickAndWaitForPage("#login\\:submit");
    }

    /** Waits until the chart inside the element is drawn: Chart.js knows its canvas, and pixels are painted. */
    public boolean chartDrawn(String elementId) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> (Boolean) script(
                    "const c = document.querySelector('[id=\"' + arguments[0] + '\"] canvas');"
                            + "if (!c || !window.Chart || !Chart.getChart(c)) return false;"
                            + "const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                            + "for (let i = 3; i < px.length; i += 4) { if (px[i] !== 0) return true; }"
                            + "return false;", elementId));
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
    }

    /** The chart's data as Chart.js holds it: datasets' sums, so a test can see real numbers arrived. */
    public double chartTotal(String elementId) {
        Object total = script("const c = document.querySelector('[id=\"' + arguments[0] + '\"] canvas');"
                + "const chart = Chart.getChart(c); let sum = 0;"
                + "chart.data.datasets.forEach(d => d.data.forEach(v => sum += Number(v) || 0)); return sum;",
                elementId);
        return ((Number) total).doubleValue();
    }

    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.move(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // A leftover temporary profile is harmless.
            }
        }
    }
}
