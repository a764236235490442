package uk.dtw.etl.load;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.dtw.etl.report.LoadReport;
import uk.dtw.etl.support.Golden;
import uk.dtw.etl.support.Warehouses;
import uk.dtw.model.schema.AuditTables;
import uk.dtw.model.schema.Facts;

/** The bundled sample, loaded once, checked against the figures the plans print. */
class SampleLoadTest {
  @TempDir static Path dir;
  static Warehouses wh;
  static LoadReport report;

  @BeforeAll
  static void loadSample() {
    wh = new Warehouses(dir);
    report = wh.load(Warehouses.sample());
  }

  /**
   * Data rows in the sample's CSV files, counted as lines below the header (no quoted newlines
   * there).
   */
  private static long dataLinesInSample() throws IOException {
    try (Stream<Path> files = Files.walk(Warehouses.sample())) {
      return files
          .filter(p -> p.toString().endsWith(".csv"))
          .mapToLong(
              p -> {
                try {
                  return Files.readAllLines(p).stream().skip(1).count();
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              })
          .sum();
    }
  }

  @Test
  void every_sample_row_is_read_kept_in_bronze_and_loaded() throws IOException {
    long lines = dataLinesInSample();
    assertThat(report.total(f -> f.read)).isEqualTo(lines);
    assertThat(report.total(f -> f.loaded)).isEqualTo(lines);
    assertThat(report.files).allSatisfy(f -> assertThat(f.balanced()).as(f.path).isTrue());
    assertThat(wh.table(AuditTables.BRONZE_ROW).count()).isEqualTo(lines);
    assertThat(wh.table(AuditTables.QUARANTINE_ROW).count()).isZero();
  }

  @Test
  void the_one_finding_in_the_sample_is_gateshead_printing_a_total_9419_more_than_its_lines() {
    // golden/gateshead_funding_totals.csv: 3,610,207 printed, 3,600,788 summed by hand. The
    // Bull's eye adds up (3,197) and no effective count exceeds its treatment count.
    assertThat(report.findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.get("rule")).isEqualTo("funding_total_differs");
              assertThat(f.get("message"))
                  .asString()
                  .startsWith("Gateshead 2008-09: the printed total 3,610,207")
                  .contains("3,600,788 by 9,419");
            });
  }

  @Test
  void the_south_east_table_inputs_are_the_printed_figures() {
    List<CSVRecord> printed = Golden.read("south_east_penetration_2008_09.csv");
    assertThat(printed).hasSize(19);
    for (CSVRecord r : printed) {
      String code =
          wh.table(uk.dtw.model.schema.Dimensions.AREA)
              .filter(col("area_name").equalTo(r.get("partnership")))
              .select("area_code")
              .first()
              .getString(0);
      assertThat(
              wh.figure(
                  Facts.PREVALENCE,
                  "area_code",
                  code,
                  "financial_year",
                  "2008-09",
                  "drug_group",
                  "pdu",
                  "measure_code",
                  "estimate"))
          .as(r.get("partnership"))
          .isEqualTo(Double.parseDouble(r.get("pdu_estimate")));
      assertThat(
              wh.figure(
                  Facts.TREATMENT,
                  "area_code",
                  code,
                  "financial_year",
                  "2008-09",
                  "client_group",
                  "pdu",
                  "measure_code",
                  "in_treatment"))
          .as(r.get("partnership"))
          .isEqualTo(Double.parseDouble(r.get("pdus_in_treatment")));
    }
  }

  @Test
  void windsor_and_maidenhead_written_with_an_ampersand_lands_on_its_partnership() {
    // treatment_2008_09.csv writes "Windsor & Maidenhead"; ONS code 00ME.
    assertThat(
            wh.figure(
                Facts.TREATMENT,
                "area_code",
                "00ME",
                "financial_year",
                "2008-09",
                "measure_code",
                "in_treatment"))
        .isEqualTo(223.0);
  }

  @Test
  void every_gateshead_funding_line_is_stored_as_printed_and_amalgamated_cells_keep_their_note() {
    List<CSVRecord> printed = Golden.read("gateshead_funding.csv");
    List<Row> stored =
        wh.table(Facts.FUNDING).filter(col("area_code").equalTo("00CH")).collectAsList();
    assertThat(stored).hasSize(printed.size());
    for (CSVRecord line : printed) {
      Row row =
          stored.stream()
              .filter(
                  s ->
                      s.getAs("financial_year").equals(line.get("period"))
                          && s.getAs("source_code").equals(line.get("source")))
              .findFirst()
              .orElseThrow(() -> new AssertionError("missing " + line));
      if (line.get("amount_gbp").isEmpty()) {
        assertThat((Object) row.getAs("amount_gbp")).as(line.toString()).isNull();
        assertThat(row.<String>getAs("note"))
            .as(line.toString())
            .isEqualTo(line.get("note").trim());
      } else {
        assertThat(row.<Double>getAs("amount_gbp"))
            .as(line.toString())
            .isEqualTo(Double.parseDouble(line.get("amount_gbp")));
      }
    }
  }

  @Test
  void hampshires_bulls_eye_rings_add_up_to_its_2008_09_estimate() {
    // 1,348 + 478 + 327 + 1,044 = 3,197, the PDU estimate printed beside it.
    double rings =
        wh.table(Facts.BULLSEYE)
            .filter(col("area_code").equalTo("24").and(col("drug_group").equalTo("pdu")))
            .agg(org.apache.spark.sql.functions.sum("figure"))
            .first()
            .getDouble(0);
    assertThat(rings).isEqualTo(3197.0);
    assertThat(
            wh.figure(
                Facts.PREVALENCE,
                "area_code",
                "24",
                "financial_year",
                "2008-09",
                "drug_group",
                "pdu",
                "measure_code",
                "estimate"))
        .isEqualTo(3197.0);
  }

  @Test
  void a_figure_reported_for_the_south_east_is_kept_as_the_regions_not_a_partnerships() {
    // Hampshire's plan prints the South East's 2007-08 PDU estimate: 30,309.
    assertThat(
            wh.figure(
                Facts.PREVALENCE,
                "area_code",
                "E12000008",
                "financial_year",
                "2007-08",
                "drug_group",
                "pdu",
                "measure_code",
                "estimate"))
        .isEqualTo(30309.0);
  }

  @Test
  void each_figure_says_which_file_and_row_it_came_from() {
    Row oxon =
        wh.table(Facts.PREVALENCE)
            .filter(col("area_code").equalTo("38").and(col("measure_code").equalTo("estimate")))
            .first();
    assertThat(oxon.<String>getAs("source_file")).isEqualTo("prevalence_2008_09_south_east.csv");
    assertThat(oxon.<Integer>getAs("source_row")).isEqualTo(2); // first data row under the header
    assertThat(oxon.<String>getAs("load_id")).isEqualTo(report.loadId);
  }
}
