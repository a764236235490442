package uk.dtw.api.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.dtw.api.ApiServer;
import uk.dtw.api.snapshot.WarehouseSnapshots;
import uk.dtw.api.support.Browser;

/**
 * How fast the pages show their figures in headless Chromium: from navigation to the first rows on
 * screen, median of RUNS after one cold load, beside the baseline of fetching the same API answers
 * with a plain HTTP client (what any page must wait for at least). Usage: PagesBenchmark WAREHOUSE
 * RUNS.
 */
public final class PagesBenchmark {
  private record Page(String name, String path, String rows, List<String> answers) {}

  private PagesBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path warehouse = Path.of(args[0]);
    int runs = Integer.parseInt(args[1]);
    ApiServer server =
        new ApiServer(
                WarehouseSnapshots.refreshing(warehouse, Duration.ofSeconds(5)),
                uk.dtw.api.access.Access.anonymous(uk.dtw.model.schema.Role.ANALYST))
            .start("127.0.0.1", 0);
    String base = "http://127.0.0.1:" + server.port();
    List<Page> pages =
        List.of(
            new Page(
                "rankings (penetration, South East)",
                "/rankings.html?measure=penetration&period=2008-09&region=South%20East",
                "#rows .tabulator-row",
                List.of(
                    "/api/v1/choices",
                    "/api/v1/rankings?measure=penetration&period=2008-09&region=South%20East")),
            new Page(
                "funding (Gateshead)",
                "/funding.html?scope=partnership&area=Gateshead",
                "#totals .tabulator-row",
                List.of("/api/v1/choices", "/api/v1/funding?partnership=Gateshead")),
            new Page(
                "profile (Hampshire 2008-09), spine filled",
                "/profile.html?partnership=Hampshire&period=2008-09",
                "#spine button.figure",
                List.of("/api/v1/choices", "/api/v1/rankings?measure=penetration&period=2008-09")),
            new Page(
                "SQL console (a query run)",
                "/sql.html?sql=SELECT%20*%20FROM%20penetration",
                "#result .tabulator-row",
                List.of("/api/v1/catalog")));
    ChromeDriver browser = Browser.driver();
    HttpClient http = HttpClient.newHttpClient();
    System.out.printf(
        "%-44s %10s %10s %12s %8s%n", "page", "cold ms", "warm ms", "API only ms", "ratio");
    for (Page page : pages) {
      double cold = load(browser, base + page.path(), page.rows());
      List<Double> warm = new ArrayList<>();
      List<Double> api = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        warm.add(load(browser, base + page.path(), page.rows()));
        long start = System.nanoTime();
        for (String answer : page.answers()) {
          http.send(
              HttpRequest.newBuilder(URI.create(base + answer)).build(),
              HttpResponse.BodyHandlers.ofString());
        }
        api.add((System.nanoTime() - start) / 1e6);
      }
      double w = median(warm);
      double a = median(api);
      System.out.printf("%-44s %10.0f %10.0f %12.1f %8.1f%n", page.name(), cold, w, a, w / a);
    }
    browser.quit();
    server.stop();
  }

  private static double load(ChromeDriver browser, String url, String rows) {
    long start = System.nanoTime();
    browser.get(url);
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(d -> !d.findElements(By.cssSelector(rows)).isEmpty());
    return (System.nanoTime() - start) / 1e6;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
