package plenary.local.browser;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.time.Duration;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: both paths are given, so Selenium never looks
 * for (or downloads) a browser or a driver. The flags keep Chromium off the network it cannot reach here;
 * chromedriver gives each browser a fresh profile and removes it on quit.
 */
public final class Chromium {

    static final File BROWSER = new File(System.getProperty("plenary.chromium", "/usr/bin/chromium"));
    static final File DRIVER = new File(System.getProperty("plenary.chromedriver", "/usr/bin/chromedriver"));

    public static ChromeDriver start(int width, int height) {
        if (!BROWSER.canExecute() || !DRIVER.canExecute()) {
            throw new IllegalStateException("the browser tests need Debian's chromium and chromium-driver ("
                    + BROWSER + ", " + DRIVER + "): apt-get install chromium chromium-driver, as .ci/run does");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-default-apps",
                "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
                "--window-size=" + width + "," + height, "--lang=en-GB",
                "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        // the window's size includes its frame: make the page itself (the viewport) width × height
        driver.get("about:blank");
        Number innerWidth = (Number) driver.executeScript("return window.innerWidth");
        Number innerHeight = (Number) driver.executeScript("return window.innerHeight");
        Dimension outer = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(outer.width + width - innerWidth.intValue(),
                outer.height + height - innerHeight.intValue()));
        return driver;
    }

    private Chromium() {
    }
}
