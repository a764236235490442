package uk.dtw.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.dtw.api.support.Browser;
import uk.dtw.api.support.Golden;
import uk.dtw.api.support.Http;
import uk.dtw.api.support.SampleApi;
import uk.dtw.api.support.SampleFiles;

/**
 * The analysts' pages in a real headless Chromium over the real sample warehouse: choose, see the
 * plans' rows and figures as the plans print them, sort by mouse and keyboard, download, run a
 * query, see an error. Expected figures come from the golden tables typed from the plans and from
 * the sample extract files themselves. Each test leaves a screenshot in target/screenshots/.
 */
class PagesBrowserTest {
  private static final NumberFormat THOUSANDS = NumberFormat.getIntegerInstance(Locale.UK);
  private static Http http;
  private static ChromeDriver browser;

  @BeforeAll
  static void start() {
    http = SampleApi.http();
    browser = Browser.driver();
  }

  @Test
  void rankings_page_prints_the_plans_south_east_table_sorts_and_downloads_it() throws Exception {
    List<Map<String, String>> golden = Golden.rows("south_east_penetration_2008_09.csv");
    open(
        "/rankings.html?measure=penetration&period=2008-09&region=South%20East&highlight=Oxfordshire");
    waitForRows("#rows", golden.size());

    assertThat(column("#rows", "partnership"))
        .containsExactlyElementsOf(golden.stream().map(r -> r.get("partnership")).toList());
    assertThat(column("#rows", "value"))
        .containsExactlyElementsOf(golden.stream().map(PagesBrowserTest::penetration).toList());
    assertThat(column("#rows", "pdu_estimate"))
        .containsExactlyElementsOf(golden.stream().map(r -> whole(r.get("pdu_estimate"))).toList());
    assertThat(browser.findElement(By.cssSelector("#rows .tabulator-row.chosen")).getText())
        .contains("Oxfordshire");
    assertThat(browser.findElement(By.id("version")).getText()).contains("warehouse version");

    // Keyboard: focus the Value header and press Enter, lowest first; again, highest first.
    WebElement valueHeader =
        browser.findElement(By.cssSelector("#rows .tabulator-col[tabulator-field=value]"));
    valueHeader.sendKeys(Keys.ENTER);
    String lowest =
        golden.stream()
            .min(Comparator.comparingDouble(r -> Double.parseDouble(r.get("penetration_pct"))))
            .orElseThrow()
            .get("partnership");
    waitUntil(() -> column("#rows", "partnership").get(0).equals(lowest));
    valueHeader.sendKeys(Keys.ENTER);
    waitUntil(() -> column("#rows", "partnership").get(0).equals("Oxfordshire"));
    // Mouse: the partnership header sorts by name.
    browser
        .findElement(By.cssSelector("#rows .tabulator-col[tabulator-field=partnership]"))
        .click();
    String firstByName = golden.stream().map(r -> r.get("partnership")).sorted().findFirst().get();
    waitUntil(() -> column("#rows", "partnership").get(0).equals(firstByName));

    // The downloads are the same answer: CSV and an Excel workbook, in rank order.
    List<String> hrefs = links("#downloads a");
    assertThat(hrefs).hasSize(2);
    String csv = http.get(path(hrefs.get(0))).body();
    assertThat(csv.lines().skip(1).map(l -> l.split(",")[2]).toList())
        .containsExactlyElementsOf(golden.stream().map(r -> r.get("partnership")).toList());
    try (XSSFWorkbook book =
        new XSSFWorkbook(new ByteArrayInputStream(http.bytes(path(hrefs.get(1)))))) {
      Sheet sheet = book.getSheetAt(0);
      int partnership = headerIndex(sheet.getRow(0), "partnership");
      int value = headerIndex(sheet.getRow(0), "value");
      for (int i = 0; i < golden.size(); i++) {
        Row row = sheet.getRow(i + 1);
        assertThat(row.getCell(partnership).getStringCellValue())
            .isEqualTo(golden.get(i).get("partnership"));
        assertThat(row.getCell(value).getNumericCellValue())
            .isCloseTo(percent(golden.get(i)), within(1e-9));
      }
    }
    Browser.screenshot("rankings-south-east-penetration-2008-09");

    // Choosing another measure by its picker puts the choice in the address and ranks by it.
    new Select(browser.findElement(By.id("measure"))).selectByValue("pdus_in_treatment");
    browser.findElement(By.cssSelector("#choices button[type=submit]")).click();
    waitUntil(() -> browser.getCurrentUrl().contains("measure=pdus_in_treatment"));
    Map<String, String> most =
        golden.stream()
            .max(Comparator.comparingDouble(r -> Double.parseDouble(r.get("pdus_in_treatment"))))
            .orElseThrow();
    waitUntil(() -> column("#rows", "partnership").get(0).equals(most.get("partnership")));
    assertThat(column("#rows", "value").get(0)).isEqualTo(whole(most.get("pdus_in_treatment")));
  }

  @Test
  void funding_page_flags_the_printed_total_that_differs_and_opens_where_it_came_from()
      throws IOException {
    List<Map<String, String>> golden = Golden.rows("gateshead_funding_totals.csv");
    open("/funding.html?scope=partnership&area=Gateshead");
    waitForRows("#totals", golden.size());
    assertThat(column("#totals", "computed_total_gbp"))
        .containsExactlyElementsOf(
            golden.stream().map(r -> "£" + whole(r.get("sum_of_rows_gbp"))).toList());
    assertThat(column("#totals", "reported_total_gbp"))
        .containsExactlyElementsOf(
            golden.stream().map(r -> "£" + whole(r.get("reported_total_gbp"))).toList());
    List<WebElement> flagged =
        browser.findElements(
            By.cssSelector("#totals .tabulator-cell.flag[tabulator-field=difference_gbp]"));
    List<String> differing =
        golden.stream()
            .filter(r -> !r.get("difference_gbp").equals("0"))
            .map(r -> "£" + whole(r.get("difference_gbp")))
            .toList();
    assertThat(flagged.stream().map(WebElement::getText).toList())
        .containsExactlyElementsOf(differing);

    // The 2008-09 printed total opens its provenance: the extract file and the row it is on.
    int row = SampleFiles.rowOf("gateshead/funding_gateshead.csv", "2008/09", "Reported total");
    WebElement total =
        browser
            .findElements(
                By.cssSelector("#totals .tabulator-cell[tabulator-field=reported_total_gbp]"))
            .stream()
            .filter(c -> c.getText().equals("£" + whole(golden.get(2).get("reported_total_gbp"))))
            .findFirst()
            .orElseThrow();
    total.click();
    WebElement dialog = browser.findElement(By.id("provenance"));
    waitUntil(() -> dialog.getText().contains("row " + row));
    assertThat(dialog.getText())
        .contains("gateshead/funding_gateshead.csv, row " + row)
        .contains("Not revised")
        .contains("Finding (funding_total_differs)")
        .contains("3,610,207");
    Browser.screenshot("funding-gateshead-provenance");
    browser.findElement(By.id("provenance-close")).click();
  }

  @Test
  void profile_page_shows_the_partnership_against_england_and_its_bullseye() {
    Map<String, String> hampshire =
        Golden.rows("south_east_penetration_2008_09.csv").stream()
            .filter(r -> r.get("partnership").equals("Hampshire"))
            .findFirst()
            .orElseThrow();
    Map<String, String> rings =
        Golden.rows("hampshire_bullseye_2009_03_31.csv").stream()
            .filter(r -> r.get("drug_group").equals("pdu"))
            .findFirst()
            .orElseThrow();
    double expected =
        100.0
            * Double.parseDouble(hampshire.get("pdus_in_treatment"))
            / Double.parseDouble(hampshire.get("pdu_estimate"));
    long version = http.ok("/api/v1/health").get("warehouse_version").asLong();
    open("/profile.html?partnership=Hampshire&period=2008-09&as_of=" + version);
    waitUntil(() -> browser.findElements(By.cssSelector("#spine button.figure")).size() > 0);
    WebElement penetration =
        browser.findElement(By.xpath("//table[@id='spine']//tr[th='penetration']"));
    assertThat(penetration.getText()).contains(String.format(Locale.UK, "%.1f%%", expected));
    waitForRows("#bullseye-table", 4);
    WebElement pdu =
        browser.findElements(By.cssSelector("#bullseye-table .tabulator-row")).stream()
            .filter(r -> r.getText().contains("pdu"))
            .filter(r -> !r.getText().contains("opiate"))
            .findFirst()
            .orElseThrow();
    assertThat(pdu.getText())
        .contains(whole(rings.get("in_treatment")))
        .contains(rings.get("in_treatment_pct") + "%");
    // The page was pinned to a version by its address, and says so.
    assertThat(browser.findElement(By.id("version")).getText())
        .isEqualTo("Answered by warehouse version " + version + " (as_of " + version + ").");
    Browser.screenshot("profile-hampshire-2008-09");
  }

  @Test
  void sql_console_runs_a_query_downloads_it_and_shows_an_error_with_its_position()
      throws Exception {
    List<String> southEast =
        Golden.rows("south_east_penetration_2008_09.csv").stream()
            .map(r -> r.get("partnership"))
            .sorted()
            .toList();
    open("/sql.html");
    waitUntil(
        () ->
            !browser
                .findElements(By.cssSelector("#catalog details[data-name=penetration]"))
                .isEmpty());
    WebElement editor = browser.findElement(By.id("sql"));
    editor.clear();
    editor.sendKeys(
        "SELECT partnership FROM penetration WHERE region = 'South East'"
            + " AND financial_year = '2008-09' ORDER BY partnership");
    editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
    waitForRows("#result", southEast.size());
    assertThat(column("#result", "partnership")).containsExactlyElementsOf(southEast);
    assertThat(browser.findElement(By.id("status")).getText())
        .startsWith(southEast.size() + " rows");

    Path saved = Browser.downloads().resolve("query.csv");
    browser.findElement(By.id("csv")).click();
    waitUntil(() -> Files.exists(saved) && sizeOf(saved) > 0);
    List<String> lines = Files.readAllLines(saved, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("partnership");
    assertThat(lines.subList(1, lines.size())).containsExactlyElementsOf(southEast);
    Browser.screenshot("sql-console-result");

    editor.clear();
    editor.sendKeys("SELECT nope FROM penetration");
    browser.findElement(By.id("run")).click();
    WebElement error = browser.findElement(By.id("error"));
    waitUntil(error::isDisplayed);
    assertThat(error.getText()).contains("nope").contains("line 1, column 8");
    Browser.screenshot("sql-console-error");
  }

  @Test
  void sql_console_on_a_keyed_server_asks_for_a_key_and_runs_with_one() {
    // A fresh tab's storage: the key is kept per tab, and another test may have left none.
    browser.get(uk.dtw.api.support.KeyedSampleApi.anonymous().base() + "/sql.html");
    browser.executeScript("sessionStorage.clear()");
    browser.navigate().refresh();
    WebElement editor = browser.findElement(By.id("sql"));
    editor.clear();
    editor.sendKeys("SELECT COUNT(*) AS n FROM partnership");
    browser.findElement(By.id("run")).click();
    WebElement error = browser.findElement(By.id("error"));
    waitUntil(error::isDisplayed);
    assertThat(error.getText()).contains("SQL needs an analyst's API key");

    WebElement key = browser.findElement(By.id("api-key"));
    key.sendKeys(uk.dtw.api.support.KeyedSampleApi.analystKey(), Keys.TAB);
    browser.findElement(By.id("run")).click();
    waitForRows("#result", 1);
    assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();
    // The catalogue, for analysts only, is listed once the key is there.
    waitUntil(
        () ->
            !browser
                .findElements(By.cssSelector("#catalog details[data-name=penetration]"))
                .isEmpty());
    browser.executeScript("sessionStorage.clear()");
  }

  private static void open(String path) {
    browser.get(http.base() + path);
  }

  private static void waitForRows(String table, int count) {
    waitUntil(
        () -> browser.findElements(By.cssSelector(table + " .tabulator-row")).size() == count);
  }

  private static List<String> column(String table, String field) {
    List<String> texts = new ArrayList<>();
    for (WebElement cell :
        browser.findElements(
            By.cssSelector(
                table + " .tabulator-row .tabulator-cell[tabulator-field=" + field + "]"))) {
      texts.add(cell.getText());
    }
    return texts;
  }

  private static List<String> links(String selector) {
    return browser.findElements(By.cssSelector(selector)).stream()
        .map(a -> a.getAttribute("href"))
        .toList();
  }

  private static String path(String href) {
    return href.substring(http.base().length());
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition) {
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> condition.getAsBoolean());
  }

  /**
   * The plan's row's penetration to one decimal, from its counts: the plan's own two decimals
   * rounded again would differ where they end in 5 (40.05 is 40.0497 before rounding).
   */
  private static String penetration(Map<String, String> row) {
    return String.format(Locale.UK, "%.1f%%", percent(row));
  }

  /** In treatment as a percentage of the estimate (the plan printed 58.74 for 223 of 380). */
  private static double percent(Map<String, String> row) {
    return 100.0
        * Double.parseDouble(row.get("pdus_in_treatment"))
        / Double.parseDouble(row.get("pdu_estimate"));
  }

  private static String whole(String value) {
    return THOUSANDS.format(Math.round(Double.parseDouble(value)));
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }

  private static int headerIndex(Row header, String name) {
    for (int c = 0; c < header.getLastCellNum(); c++) {
      if (header.getCell(c).getStringCellValue().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no column " + name);
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }
}
