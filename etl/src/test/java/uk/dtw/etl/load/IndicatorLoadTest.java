package uk.dtw.etl.load;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.dtw.etl.report.LoadReport;
import uk.dtw.etl.support.Warehouses;
import uk.dtw.model.schema.AuditTables;
import uk.dtw.model.schema.Dimensions;
import uk.dtw.model.schema.Facts;

/**
 * Indicator extracts define their own indicators (dim_indicator) and load their figures as reported
 * (fact_indicator).
 */
class IndicatorLoadTest {
  private static final String HEADER =
      "indicator,area,period,count,denominator,value,lower_95,upper_95,indicator_name,unit,polarity";

  @TempDir static Path dir;
  static Warehouses wh;
  static LoadReport report;

  @BeforeAll
  static void loadIndicators() throws Exception {
    wh = new Warehouses(dir);
    // The sample's drug deaths file as shipped: Hampshire plan (seed 001) section 3.5.
    Files.copy(
        Warehouses.sample().resolve("indicator_drug_deaths.csv"),
        wh.landing.resolve("indicator_drug_deaths.csv"));
    // Oxfordshire 2008-09 (seed 004): 1,986 PDUs in treatment of an estimated 2,660; defined on the
    // first row only.
    wh.write(
        "a/indicator_penetration.csv",
        HEADER,
        "Penetration (PDUs),Oxfordshire,2008/09,\"1,986\",\"2,660\",,,,PDUs in treatment as % of estimate,percent,Higher is better",
        "Penetration (PDUs),Portsmouth,2008-09,806,\"1,254\",,,,,,");
    // A later file redefines the indicator: its name wins in dim_indicator.
    wh.write(
        "b/indicator_penetration.csv",
        HEADER,
        "penetration_pdus,Oxfordshire,2008-09,\"1,986\",\"2,660\",,,,Penetration of PDUs,percent,high_is_good");
    wh.write(
        "indicator_bad.csv",
        HEADER,
        "deaths,Kent,2008,10,,1.5,,,Deaths,per 100000,low", // row 2: defined one way
        "deaths,Medway,2008,5,,2.0,,,Deaths,per 1000,low", // row 3: and another
        "undefined,Kent,2008,,,4.0,,,,,", // row 4: never defined
        "rate,Kent,2008,12,,,,,Rate,per 100000,low", // row 5: count without denominator or value
        "rate,Kent,2009,,,3.0,3.5,4.0,,,", // row 6: interval above the value
        "rate,Kent,2008-10,,,3.0,,,,,", // row 7: not a period
        "rate,Kent,2007,,,,,,,,", // row 8: no figures
        "rate,Kent,2010,,,2.5,,,Rate,per 100000,sideways"); // row 9: unknown polarity
    report = wh.load();
  }

  @Test
  void the_hampshire_drug_deaths_rate_loads_as_the_plan_prints_it() {
    Row deaths =
        wh.table(Facts.INDICATOR)
            .filter(col("indicator_code").equalTo("drug_deaths_per_100k"))
            .first();
    assertThat(deaths.<String>getAs("area_code")).isEqualTo("24");
    assertThat(deaths.<String>getAs("period_code")).isEqualTo("2008");
    assertThat(deaths.<Date>getAs("period_start")).isEqualTo(Date.valueOf("2008-01-01"));
    assertThat(deaths.<Double>getAs("numerator")).isEqualTo(25.0);
    assertThat((Object) deaths.getAs("denominator")).isNull();
    assertThat(deaths.<Double>getAs("figure")).isEqualTo(2.42);
    Row def =
        wh.table(Dimensions.INDICATOR)
            .filter(col("indicator_code").equalTo("drug_deaths_per_100k"))
            .first();
    assertThat(
            List.of(
                def.getAs("name"),
                def.getAs("unit"),
                def.getAs("polarity"),
                def.getAs("multiplier"),
                def.getAs("method")))
        .containsExactly(
            "Drug-related deaths per 100,000",
            "per 100,000 population",
            "low_is_good",
            100000.0,
            "byar");
  }

  @Test
  void
      a_percentage_indicator_defaults_to_times_100_and_wilson_and_rows_inherit_the_first_rows_definition() {
    Row def =
        wh.table(Dimensions.INDICATOR)
            .filter(col("indicator_code").equalTo("penetration_pdus"))
            .first();
    assertThat(List.of(def.getAs("polarity"), def.getAs("multiplier"), def.getAs("method")))
        .containsExactly("high_is_good", 100.0, "wilson");
    // Portsmouth 2008-09 (seed 000): 806 of 1,254, with no value: the view computes it.
    assertThat(
            wh.table(Facts.INDICATOR)
                .filter(col("area_code").equalTo("00MR"))
                .select("numerator", "denominator", "period_code")
                .first()
                .toSeq()
                .toList()
                .toString())
        .isEqualTo("List(806.0, 1254.0, 2008-09)");
  }

  @Test
  void the_later_files_definition_wins() {
    Row def =
        wh.table(Dimensions.INDICATOR)
            .filter(col("indicator_code").equalTo("penetration_pdus"))
            .first();
    assertThat(def.<String>getAs("name")).isEqualTo("Penetration of PDUs");
    assertThat(def.<String>getAs("source_file")).isEqualTo("b/indicator_penetration.csv");
    assertThat(wh.table(Dimensions.INDICATOR).count()).isEqualTo(2);
  }

  @ParameterizedTest(name = "row {0}: {2}")
  @CsvSource({
    "2, unit, indicator_definition, defined differently on rows 2 and 3",
    "3, unit, indicator_definition, defined differently on rows 2 and 3",
    "4, indicator_name, indicator_definition, 'undefined' is not defined in this file",
    "5, denominator, value_or_count_and_denominator, no value and no count with its denominator",
    "6, lower_95, interval_contains_value, lower_95 3.5 is above the value 3.0",
    "7, period, period_format, '2008-10' is not a financial year or a calendar year",
    "9, polarity, known_polarity, 'sideways' is not a polarity",
  })
  void a_bad_indicator_row_is_held_back_with_its_rule(
      int row, String column, String rule, String says) {
    List<Row> held =
        wh.table(AuditTables.QUARANTINE_ROW)
            .filter(
                col("source_file").equalTo("indicator_bad.csv").and(col("source_row").equalTo(row)))
            .collectAsList();
    assertThat(held)
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.<String>getAs("rule")).isEqualTo(rule);
              assertThat(q.<String>getAs("column_name")).isEqualTo(column);
              assertThat(q.<String>getAs("message")).contains(says);
            });
  }

  @Test
  void every_indicator_row_is_accounted_for() {
    assertThat(report.files).allSatisfy(f -> assertThat(f.balanced()).as(f.path).isTrue());
    var bad =
        report.files.stream()
            .filter(f -> f.path.equals("indicator_bad.csv"))
            .findFirst()
            .orElseThrow();
    assertThat(List.of(bad.read, bad.loaded, bad.quarantined, bad.skipped))
        .containsExactly(8L, 0L, 7L, 1L);
  }
}
