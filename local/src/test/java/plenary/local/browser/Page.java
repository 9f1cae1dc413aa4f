package plenary.local.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** One person's browser on the web client: signs in through /login as a person would, then reads and acts. */
public final class Page implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(20);

    final String user;
    public final ChromeDriver driver;
    private final String base;

    private Page(String user, ChromeDriver driver, String base) {
        this.user = user;
        this.driver = driver;
        this.base = base;
    }

    /** A browser at 1280×800 that opens {@code path} and signs in as {@code user} on the way (password = user). */
    public static Page signIn(int queryPort, String user, String path) {
        return signIn(queryPort, user, path, 1280, 800);
    }

    public static Page signIn(int queryPort, String user, String path, int width, int height) {
        return signIn(queryPort, user, path, width, height, form -> { });
    }

    /** As {@link #signIn(int, String, String)}, doing {@code atTheForm} on the sign-in page first. */
    static Page signIn(int queryPort, String user, String path, java.util.function.Consumer<Page> atTheForm) {
        return signIn(queryPort, user, path, 1280, 800, atTheForm);
    }

    private static Page signIn(int queryPort, String user, String path, int width, int height,
                               java.util.function.Consumer<Page> atTheForm) {
        Page page = new Page(user, Chromium.start(width, height), "http://localhost:" + queryPort);
        try {
            page.driver.get(page.base + path);
            page.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
            atTheForm.accept(page);
            page.driver.findElement(By.name("username")).sendKeys(user);
            page.driver.findElement(By.name("password")).sendKeys(user);
            page.driver.findElement(By.cssSelector("form [type=submit]")).click();
            page.ready();
            return page;
        } catch (RuntimeException e) {
            page.close();
            throw e;
        }
    }

    /** Waits until the page has started (signed in, language loaded, the first read answered). */
    public Page ready() {
        until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-ready=true]")));
        return this;
    }

    /** Waits until the draft page follows the draft live. */
    public Page live() {
        until(d -> "live".equals(find("#connection").getAttribute("data-state"))
                || "caughtUp".equals(find("#connection").getAttribute("data-state")));
        return this;
    }

    public void open(String path) {
        driver.get(base + path);
        ready();
    }

    public <T> T until(Function<? super org.openqa.selenium.WebDriver, T> condition) {
        return until(condition, PATIENCE);
    }

    <T> T until(Function<? super org.openqa.selenium.WebDriver, T> condition, Duration patience) {
        // a paragraph re-rendered by a live change leaves stale elements behind: look again
        return new WebDriverWait(driver, patience, Duration.ofMillis(20))
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The paragraph element whose label reads {@code label} ("PP (v)", "OP 1"). */
    public WebElement paragraph(String label) {
        return until(d -> d.findElements(By.cssSelector(".document .para")).stream()
                .filter(p -> label.equals(p.getAttribute("aria-label"))).findFirst().orElse(null));
    }

    /**
     * Selects {@code words} in the paragraph with the mouse: presses at the first letter and drags to the last,
     * as a delegate would, using where the browser laid those letters out (either way round).
     */
    void selectWithMouse(WebElement paragraph, String words) {
        @SuppressWarnings("unchecked")
        Map<String, Number> at = (Map<String, Number>) js("""
                const [para, words] = arguments;
                const walker = document.createTreeWalker(para.querySelector('.words'), NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                  const i = node.data.indexOf(words);
                  if (i < 0) continue;
                  para.scrollIntoView({block: 'center'});
                  const first = document.createRange(); first.setStart(node, i); first.setEnd(node, i + 1);
                  const last = document.createRange(); last.setStart(node, i + words.length - 1); last.setEnd(node, i + words.length);
                  const a = first.getClientRects()[0], b = last.getClientRects()[0];
                  // right to left (Persian, Urdu …): a word starts at its right edge
                  const rtl = getComputedStyle(node.parentElement).direction === 'rtl';
                  return {x1: rtl ? a.right - 1 : a.left + 1, y1: (a.top + a.bottom) / 2,
                          x2: rtl ? b.left + 1 : b.right - 1, y2: (b.top + b.bottom) / 2};
                }
                return null;""", paragraph, words);
        if (at == null) {
            throw new AssertionError("'" + words + "' is not in " + paragraph.getText());
        }
        new Actions(driver)
                .moveToLocation(at.get("x1").intValue(), at.get("y1").intValue())
                .clickAndHold()
                .moveToLocation(at.get("x2").intValue(), at.get("y2").intValue())
                .release()
                .perform();
    }

    /** Clicks the button whose text starts with {@code label}, inside {@code scope}. */
    void press(String scope, String label) {
        WebElement button = until(d -> d.findElements(By.cssSelector(scope + " button")).stream()
                .filter(b -> b.isDisplayed() && b.isEnabled() && b.getText().strip().startsWith(label))
                .findFirst().orElse(null));
        button.click();
    }

    /** Fills a field of the open dialog. */
    void fill(String name, String value) {
        WebElement field = until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("dialog[open] [name=" + name + "]")));
        field.clear();
        field.sendKeys(value);
    }

    void submitDialog() {
        find("dialog[open] button[type=submit]").click();
    }

    void dialogClosed() {
        until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("dialog[open]"), 0));
    }

    /** A PNG of the page as the user sees it, under local/target/screenshots/. */
    public Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
