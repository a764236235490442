package uk.dtw.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.dtw.api.support.Browser;
import uk.dtw.api.support.SampleApi;

/**
 * Every page, filled with the sample warehouse's answers, checked by Deque's axe-core against WCAG
 * 2.0 and 2.1 A and AA (contrast, labels, names, ARIA, keyboard-reachable controls).
 */
class PagesAccessibilityTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/index.html",
        "/rankings.html?measure=penetration&period=2008-09&region=South%20East&highlight=Kent",
        "/profile.html?partnership=Hampshire&period=2008-09",
        "/funding.html?scope=partnership&area=Gateshead",
        "/sql.html?sql=SELECT%20partnership%20FROM%20partnership"
      })
  void meets_wcag_21_aa(String page) {
    ChromeDriver browser = Browser.driver();
    browser.get(SampleApi.http().base() + page);
    // Filled in: the footer names the version once the page's first answer arrived.
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(d -> d.findElement(By.id("version")).getText().contains("warehouse version"));
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(d -> d.findElements(By.cssSelector(".tabulator-row, main li")).size() > 0);
    Results results =
        new AxeBuilder()
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
            .analyze(browser);
    assertThat(results.getViolations()).as(describe(results.getViolations())).isEmpty();
  }

  private static String describe(List<Rule> violations) {
    return violations.stream()
        .map(
            v ->
                v.getId()
                    + ": "
                    + v.getHelp()
                    + " at "
                    + v.getNodes().stream()
                        .limit(3)
                        .map(n -> String.valueOf(n.getTarget()))
                        .collect(Collectors.joining(", ")))
        .collect(Collectors.joining("\n"));
  }
}
