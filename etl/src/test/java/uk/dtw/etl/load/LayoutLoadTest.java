package uk.dtw.etl.load;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.dtw.etl.report.FileReport;
import uk.dtw.etl.report.LoadReport;
import uk.dtw.etl.support.Warehouses;
import uk.dtw.model.schema.AuditTables;
import uk.dtw.model.schema.Facts;

/**
 * Tables as the plans print them (years across, people's headers, a partnership's own folder) load
 * end to end.
 */
class LayoutLoadTest {
  @TempDir static Path dir;
  static Warehouses wh;
  static LoadReport report;

  @BeforeAll
  static void loadPrintedTables() {
    wh = new Warehouses(dir);
    // Seed 002, Appendix 2 (three of its lines, the heading line and the printed totals).
    wh.write(
        "Gateshead/funding.csv",
        "Funding profile,2006/07,2007/08,2008/09,2009/10,2010/11",
        "Total substance misuse pooled treatment budget SMPTB available for adult drug treatment (SMPTB),"
            + "\"1,538,077\",\"1,631,932\",\"1,680,054\",\"1,817,903\",\"1,935,146\"",
        "Other (please list below),,,,,",
        "HO Arrest Referral,Amalgamated with DIP main grant ,Amalgamated with DIP main grant ,Amalgamated with DIP main grant ,"
            + "Amalgamated with DIP main grant,Amalgamated with DIP main grant",
        "Total funding for adult drug treatment and DIP delivery ,\"3,201,613\",\"3,710,892\",\"3,610,207\",\"3,682,167\",\"3,757,496\"");
    // Seed 003, Part 2.
    wh.write(
        "Lancashire/targets.csv",
        "\t,2007/08 Baseline,2008/09,2009/10,2010/11",
        "All adult drug users recorded as being in effective treatment,4354,4441,4530,4620");
    // Seed 001, Fig. 1, Hampshire and the South East one area per row.
    wh.write(
        "prevalence_fig1.csv",
        "Area,Individuals,2007-8,2008-9,%'age change",
        "Hampshire,Crack Cocaine Users,\"1,272\",\"1,385\",8.88%",
        "South East,injecting Drug Users,\"10,951\",\"12,666\",15.66%");
    // Seed 001, Fig. 1 as printed: Hampshire and the South East side by side under two header rows;
    // the crack row's South East change misprinted (16,585 to 17,918 is +8.04%, not 9.99%).
    wh.write(
        "prevalence_hampshire_fig1.csv",
        "Individuals,Hampshire,,,South East,,",
        ",2007-8,2008-9,%'age change,2007-8,2008-9,%'age change",
        "Total PDU's,\"3,065\",\"3,197\",4.31%,\"30,309\",\"31,565\",4.14%",
        "Opiate Users,\"2,629\",\"2,717\",3.35%,\"25,018\",\"26,451\",5.73%",
        "Crack Cocaine Users,\"1,272\",\"1,385\",8.88%,\"16,585\",\"17,918\",9.99%");
    report = wh.load();
  }

  @Test
  void gateshead_years_across_land_as_one_funding_line_per_year_with_the_printed_total() {
    assertThat(amount("2008-09", "pooled_treatment_budget")).isEqualTo(1680054.0);
    assertThat(amount("2008-09", "reported_total")).isEqualTo(3610207.0);
    Row amalgamated =
        wh.table(Facts.FUNDING)
            .filter(
                col("financial_year")
                    .equalTo("2010-11")
                    .and(col("source_code").equalTo("ho_arrest_referral")))
            .first();
    assertThat((Object) amalgamated.getAs("amount_gbp")).isNull();
    assertThat(amalgamated.<String>getAs("note")).isEqualTo("Amalgamated with DIP main grant");
    assertThat(wh.table(Facts.FUNDING).count()).isEqualTo(15);
  }

  @Test
  void every_printed_row_is_accounted_once_and_kept_in_bronze_as_read() {
    FileReport funding = file("Gateshead/funding.csv");
    assertThat(List.of(funding.read, funding.loaded, funding.quarantined, funding.skipped))
        .containsExactly(4L, 3L, 0L, 1L);
    assertThat(
            wh.table(AuditTables.BRONZE_ROW)
                .filter(
                    col("source_file")
                        .equalTo("Gateshead/funding.csv")
                        .and(col("source_row").equalTo(3)))
                .first()
                .<String>getAs("record"))
        .isEqualTo(
            "{\"Funding profile\":\"Other (please list below)\",\"2006/07\":\"\",\"2007/08\":\"\",\"2008/09\":\"\",\"2009/10\":\"\",\"2010/11\":\"\"}");
    assertThat(wh.table(AuditTables.BRONZE_ROW).count())
        .isEqualTo(report.total(f -> f.read))
        .isEqualTo(10);
  }

  @Test
  void lancashire_baseline_and_targets_come_from_the_year_headers() {
    assertThat(
            wh.figure(
                Facts.TARGET,
                "measure_code",
                "all_adults_in_effective_treatment",
                "financial_year",
                "2007-08",
                "kind",
                "baseline"))
        .isEqualTo(4354.0);
    assertThat(
            wh.figure(
                Facts.TARGET,
                "measure_code",
                "all_adults_in_effective_treatment",
                "financial_year",
                "2010-11",
                "kind",
                "target"))
        .isEqualTo(4620.0);
  }

  @Test
  void the_regions_figure_lands_on_the_region_and_the_printed_change_is_checked_not_stored() {
    assertThat(
            wh.figure(
                Facts.PREVALENCE,
                "area_code",
                "E12000008",
                "financial_year",
                "2008-09",
                "drug_group",
                "injecting"))
        .isEqualTo(12666.0);
    assertThat(
            wh.figure(
                Facts.PREVALENCE,
                "area_code",
                "24",
                "financial_year",
                "2007-08",
                "drug_group",
                "crack"))
        .isEqualTo(1272.0);
    assertThat(wh.table(Facts.PREVALENCE).count()).isEqualTo(12);
    assertThat(report.toText())
        .contains("Warnings (loaded, but check them):")
        .contains("row 1 column %'age change: [derived_column]");
  }

  @Test
  void hampshire_and_the_south_east_side_by_side_each_load_as_their_own_area() {
    assertThat(
            wh.figure(
                Facts.PREVALENCE,
                "area_code",
                "24",
                "financial_year",
                "2008-09",
                "drug_group",
                "pdu"))
        .isEqualTo(3197.0);
    assertThat(
            wh.figure(
                Facts.PREVALENCE,
                "area_code",
                "E12000008",
                "financial_year",
                "2008-09",
                "drug_group",
                "pdu"))
        .isEqualTo(31565.0);
    assertThat(
            wh.figure(
                Facts.PREVALENCE,
                "area_code",
                "E12000008",
                "financial_year",
                "2007-08",
                "drug_group",
                "opiate"))
        .isEqualTo(25018.0);
    FileReport fig1 = file("prevalence_hampshire_fig1.csv");
    assertThat(List.of(fig1.read, fig1.loaded, fig1.quarantined, fig1.skipped))
        .containsExactly(3L, 2L, 1L, 0L);
    Row misprint =
        wh.table(AuditTables.BRONZE_ROW)
            .filter(
                col("source_file")
                    .equalTo("prevalence_hampshire_fig1.csv")
                    .and(col("source_row").equalTo(5)))
            .first();
    assertThat(misprint.<String>getAs("record")).contains("\"South East %'age change\":\"9.99%\"");
    assertThat(report.toText()).contains("derived_check");
  }

  private static Double amount(String year, String source) {
    return wh.table(Facts.FUNDING)
        .filter(
            col("area_code")
                .equalTo("00CH")
                .and(col("financial_year").equalTo(year))
                .and(col("source_code").equalTo(source)))
        .select("amount_gbp")
        .first()
        .getDouble(0);
  }

  private static FileReport file(String path) {
    return report.files.stream().filter(f -> f.path.equals(path)).findFirst().orElseThrow();
  }
}
