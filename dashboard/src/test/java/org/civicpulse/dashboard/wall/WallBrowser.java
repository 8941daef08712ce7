package org.civicpulse.dashboard.wall;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its chromedriver, both paths set explicitly so that no
 * tool tries to download a browser.
 */
final class WallBrowser {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Path SCREENSHOTS = Path.of("target", "wall-screenshots");

    private WallBrowser() {
    }

    /** A headless browser with a window of the given size (the wall is 1920×1080). */
    static ChromeDriver start(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=" + width + "," + height, "--lang=zh-CN",
                "--enable-precise-memory-info",
                // Pages left behind stay alive in the back/forward cache for 10 minutes and would be
                // counted in the page's memory.
                "--disable-features=BackForwardCache");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        viewport(driver, width, height);
        return driver;
    }

    /** Sizes the window so the page's viewport is exactly width × height (the frame is added). */
    static void viewport(ChromeDriver driver, int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        Number frameWidth = (Number) driver.executeScript("return outerWidth - innerWidth");
        Number frameHeight = (Number) driver.executeScript("return outerHeight - innerHeight");
        driver.manage().window().setSize(new Dimension(width + frameWidth.intValue(), height + frameHeight.intValue()));
    }

    static WebDriverWait waitUpTo(ChromeDriver driver, Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(100));
    }

    /** Saves a screenshot under target/wall-screenshots. */
    static Path screenshot(ChromeDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
