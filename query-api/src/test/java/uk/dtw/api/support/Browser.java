package uk.dtw.api.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium per test JVM, Debian's, driven through Debian's chromedriver: Selenium is
 * given both paths so it never tries to download a driver. Downloads land in a folder of their own;
 * screenshots in {@code target/screenshots/}.
 */
public final class Browser {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static ChromeDriver driver;
  private static Path downloads;

  private Browser() {}

  public static synchronized ChromeDriver driver() {
    if (driver == null) {
      for (Path p : new Path[] {CHROMIUM, DRIVER}) {
        if (!Files.isExecutable(p)) {
          throw new IllegalStateException(
              p
                  + " is missing: run bin/install-test-tools (Debian's chromium and chromium-driver)");
        }
      }
      System.setProperty("SE_OFFLINE", "true");
      downloads = target("downloads");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--window-size=1300,1600",
          "--user-data-dir=" + target("chromium-profile"));
      options.setExperimentalOption(
          "prefs",
          Map.of(
              "download.default_directory",
              downloads.toString(),
              "download.prompt_for_download",
              false));
      ChromeDriverService service =
          new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
      driver = new ChromeDriver(service, options);
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
      Runtime.getRuntime().addShutdownHook(new Thread(driver::quit, "browser-quit"));
    }
    return driver;
  }

  /** Where the browser saves downloads (emptied when the browser starts). */
  public static Path downloads() {
    driver();
    return downloads;
  }

  /** Saves what the browser shows now as target/screenshots/NAME.png. */
  public static Path screenshot(String name) {
    File shot = driver().getScreenshotAs(OutputType.FILE);
    Path to = target("screenshots").resolve(name + ".png");
    try {
      Files.copy(shot.toPath(), to, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return to;
  }

  private static Path target(String folder) {
    Path dir = Path.of("target", folder).toAbsolutePath();
    try {
      if (!folder.equals("screenshots") && Files.exists(dir)) {
        try (var files = Files.walk(dir)) {
          files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
      }
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
