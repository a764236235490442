package uk.dtw.etl.load;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.dtw.etl.report.LoadReport;
import uk.dtw.etl.support.TestWorkbooks;
import uk.dtw.etl.support.Warehouses;
import uk.dtw.model.schema.Facts;

/**
 * A workbook as an analyst keeps it: one extract per sheet, each loaded and traced to its sheet and
 * row.
 */
class WorkbookLoadTest {

  @Test
  void every_extract_sheet_of_a_workbook_loads_and_other_sheets_are_reported_not_lost(
      @TempDir Path dir) throws Exception {
    Warehouses wh = new Warehouses(dir);
    Map<String, Object[][]> sheets = new LinkedHashMap<>();
    // Gateshead's funding profile as its plan prints it: sources down, years across (seed 002).
    sheets.put(
        "funding",
        new Object[][] {
          {"Funding profile", "2006/07", "2007/08"},
          {"DIP main grant", 619261, 627944},
          {
            "HO Arrest Referral",
            "Amalgamated with DIP main grant",
            "Amalgamated with DIP main grant"
          }
        });
    // Lancashire's targets in the canonical layout, with its own partnership column (seed 003).
    sheets.put(
        "targets",
        new Object[][] {
          {"partnership", "measure", "period", "kind", "value"},
          {"Lancashire", "pdus_in_effective_treatment", "2007/08", "baseline", 3808}
        });
    sheets.put("Notes", new Object[][] {{"Prepared by the DAAT"}});
    Path book = wh.landing.resolve("Gateshead/plan.xlsx");
    Files.createDirectories(book.getParent());
    Files.write(book, TestWorkbooks.of(sheets));

    LoadReport report = wh.load();

    Row dip =
        wh.table(Facts.FUNDING)
            .filter(
                col("source_code")
                    .equalTo("dip_main_grant")
                    .and(col("financial_year").equalTo("2006-07")))
            .first();
    assertThat(dip.<Double>getAs("amount_gbp")).isEqualTo(619261.0);
    assertThat(dip.<String>getAs("area_code")).isEqualTo("00CH"); // named by the folder
    assertThat(dip.<String>getAs("source_file")).isEqualTo("Gateshead/plan.xlsx#funding");
    assertThat(dip.<Integer>getAs("source_row")).isEqualTo(2);
    assertThat(
            wh.table(Facts.FUNDING)
                .filter(
                    col("source_code")
                        .equalTo("ho_arrest_referral")
                        .and(col("amount_gbp").isNull())
                        .and(col("note").equalTo("Amalgamated with DIP main grant")))
                .count())
        .isEqualTo(2);
    assertThat(wh.figure(Facts.TARGET, "area_code", "30", "kind", "baseline")).isEqualTo(3808.0);
    assertThat(report.files)
        .filteredOn(f -> f.path.equals("Gateshead/plan.xlsx#Notes"))
        .singleElement()
        .satisfies(f -> assertThat(f.status).isEqualTo("ignored"));
    assertThat(report.files)
        .filteredOn(f -> "new".equals(f.status))
        .allSatisfy(f -> assertThat(f.balanced()).as(f.path).isTrue());
    assertThat(report.anythingHeldBack()).as(report.toText()).isFalse();
  }
}
