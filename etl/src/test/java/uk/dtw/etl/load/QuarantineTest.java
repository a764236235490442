package uk.dtw.etl.load;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import uk.dtw.etl.report.FileReport;
import uk.dtw.etl.report.LoadReport;
import uk.dtw.etl.rules.Rule;
import uk.dtw.etl.rules.Severity;
import uk.dtw.etl.support.Warehouses;
import uk.dtw.model.schema.AuditTables;
import uk.dtw.model.schema.Facts;

/**
 * Bad rows are held back with the rule, file, row and column; good rows beside them still load;
 * nothing is lost. The bad-extract corpus (test resources, one file per failure) loads in the same
 * load.
 */
class QuarantineTest {
  private static final String PREVALENCE =
      "partnership,period,drug_group,estimate,lower_95,upper_95,rate_per_1000";
  private static final String TREATMENT =
      "partnership,period,client_group,in_treatment,in_effective_treatment";

  private static final Path CORPUS = resource("bad-extracts");

  @TempDir static Path dir;
  static Warehouses wh;
  static LoadReport report;

  @BeforeAll
  static void loadBadExtracts() {
    wh = new Warehouses(dir);
    wh.write(
        "prevalence_bad.csv",
        PREVALENCE,
        "Hampshir,2008-09,pdu,3197,,,", // row 2: unknown partnership
        "Hampshire,2008-10,pdu,3197,,,", // row 3: 2008-09 or 2009-10? not guessed
        "Portsmouth,2008-09,pdu,1254,1157,1200,", // row 4: upper bound below the estimate
        "Kent,2008-09,cocaine,4606,,,", // row 5: unknown drug group
        "Cheshire,2009-10,pdu,2000,,,", // row 6: Cheshire ended on 2009-03-31
        "Oxfordshire,2008-09,pdu,\"2,660\",,,", // row 7: good
        ",,,,,,", // row 8: blank line
        "Surrey,2008-09,pdu,,,,"); // row 9: no figures
    wh.write(
        "treatment_bad.csv",
        TREATMENT,
        "Kent,2008-09,pdu,-5,", // row 2: negative count
        "Kent,2007-08,pdu,n/a,", // row 3: text where a count belongs
        "Reading,2008-09,pdu,693,", // row 4: same key as row 5, another figure
        "Reading,2008-09,pdu,639,", // row 5
        "Slough,2008-09,pdu,506,", // row 6: same key and figure as row 7: loads once
        "Slough,2008-09,pdu,506,"); // row 7
    wh.write(
        "treatment_no_group.csv",
        "partnership,period,in_treatment",
        "Kent,2008-09,2479",
        "Medway,2008-09,693");
    wh.write(
        "funding_bad.csv",
        "partnership,period,source,amount_gbp,note",
        "Gateshead,2008/09,Lottery,5000,", // row 2: unknown source
        "Gateshead,2008/09,HO Arrest Referral,Amalgamated with DIP main grant,"); // row 3: text
    // kept as note
    wh.write(
        "bullseye_bad.csv",
        "partnership,as_at,drug_group,in_treatment",
        "Hampshire,31st March,pdu,1348"); // row 2: not a date
    wh.write(
        "targets_bad.csv",
        "partnership,measure,period,kind,value",
        "Lancashire,pdus_in_effective_treatment,2008-09,aspiration,3884"); // row 2: unknown kind
    copyCorpus();
    report = wh.load();
  }

  /**
   * The bad-extract corpus (test resources), copied beside the files above so that one load covers
   * all.
   */
  private static void copyCorpus() {
    try (Stream<Path> files = Files.walk(CORPUS)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String name = f.getFileName().toString();
        if (!name.equals("expectations.csv") && !name.equals("README.md")) {
          Path to = wh.landing.resolve(CORPUS.relativize(f).toString());
          Files.createDirectories(to.getParent());
          Files.copy(f, to);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<CSVRecord> corpusExpectations() throws IOException {
    try (Reader in = Files.newBufferedReader(CORPUS.resolve("expectations.csv"))) {
      return CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(in)
          .getRecords();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpusExpectations")
  void each_bad_extract_of_the_corpus_gets_its_exact_outcome(CSVRecord expected) {
    String file = expected.get("file");
    int row = Integer.parseInt(expected.get("row"));
    String column = expected.get("column").isEmpty() ? null : expected.get("column");
    List<Row> held =
        wh.table(AuditTables.QUARANTINE_ROW)
            .filter(col("source_file").equalTo(file).and(col("source_row").equalTo(row)))
            .collectAsList();
    FileReport report = file(file);
    assertThat(report.balanced()).as(file).isTrue();
    switch (expected.get("outcome")) {
      case "quarantined" ->
          assertThat(held)
              .as(file)
              .singleElement()
              .satisfies(
                  q -> {
                    assertThat(q.<String>getAs("rule")).isEqualTo(expected.get("rule"));
                    assertThat(Rule.of(expected.get("rule")).map(Rule::severity))
                        .contains(Severity.ERROR);
                    assertThat(q.<String>getAs("column_name")).isEqualTo(column);
                    assertThat(q.<String>getAs("message")).contains(expected.get("says"));
                  });
      case "warning" -> {
        assertThat(held).as(file).isEmpty();
        assertThat(report.warnings)
            .as(file)
            .anySatisfy(
                w -> {
                  assertThat(w.get("row")).isEqualTo(row);
                  assertThat(w.get("column")).isEqualTo(column);
                  assertThat(w.get("rule")).isEqualTo(expected.get("rule"));
                  assertThat(Rule.of(expected.get("rule")).map(Rule::severity))
                      .contains(Severity.WARNING);
                  assertThat((String) w.get("message")).contains(expected.get("says"));
                });
        assertThat(report.loaded + report.skipped).as(file).isEqualTo(report.read);
      }
      case "file" -> {
        assertThat(report.status).as(file).isEqualTo(expected.get("rule"));
        assertThat(report.note).as(file).contains(expected.get("says"));
      }
      case "skipped" -> {
        assertThat(held).as(file).isEmpty();
        assertThat(report.skipped).as(file).isEqualTo(1);
        assertThat(report.skips)
            .as(file)
            .singleElement()
            .satisfies(
                s -> {
                  assertThat(s.get("row")).isEqualTo(row);
                  assertThat((String) s.get("reason")).contains(expected.get("says"));
                });
      }
      default ->
          throw new IllegalArgumentException("unknown outcome in expectations.csv: " + expected);
    }
  }

  @Test
  void the_corpus_has_a_file_for_every_expectation_and_an_expectation_for_every_file()
      throws IOException {
    List<String> expected =
        corpusExpectations().stream().map(r -> r.get("file")).distinct().sorted().toList();
    try (Stream<Path> files = Files.walk(CORPUS)) {
      List<String> present =
          files
              .filter(Files::isRegularFile)
              .map(f -> CORPUS.relativize(f).toString())
              .filter(n -> !n.equals("expectations.csv") && !n.equals("README.md"))
              .sorted()
              .toList();
      assertThat(present).containsExactlyElementsOf(expected).hasSizeGreaterThanOrEqualTo(30);
    }
  }

  @Test
  void a_corrected_period_loads_under_the_year_it_was_read_as() {
    assertThat(
            wh.figure(
                Facts.PREVALENCE,
                "source_file",
                "prevalence_period_typo.csv",
                "financial_year",
                "2010-11"))
        .isEqualTo(3300.0);
    assertThat(report.toText())
        .contains("Warnings (loaded, but check them):")
        .contains("row 2 column period: [period_corrected] '20010-11' read as 2010-11");
  }

  @ParameterizedTest(name = "{0} row {1}: {3}")
  @CsvSource({
    "prevalence_bad.csv, 2, partnership, known_partnership, closest known: Hampshire",
    "prevalence_bad.csv, 3, period, period_format, '2008-10'",
    "prevalence_bad.csv, 4, upper_95, interval_contains_estimate, below the estimate",
    "prevalence_bad.csv, 5, drug_group, known_group, 'cocaine'",
    "prevalence_bad.csv, 6, partnership, area_valid_in_period, did not exist as a partnership in 2009-10",
    "treatment_bad.csv, 2, in_treatment, non_negative, negative",
    "treatment_bad.csv, 3, in_treatment, number, 'n/a' is not a number",
    "treatment_bad.csv, 4, , duplicate_key, row 5",
    "treatment_bad.csv, 5, , duplicate_key, row 4",
    "treatment_no_group.csv, 2, client_group, required_columns, no column client_group",
    "treatment_no_group.csv, 3, client_group, required_columns, no column client_group",
    "funding_bad.csv, 2, source, known_source, 'Lottery'",
    "bullseye_bad.csv, 2, as_at, date_format, '31st March'",
    "targets_bad.csv, 2, kind, known_kind, 'aspiration'",
  })
  void a_bad_row_is_held_back_with_its_rule_row_column_and_reason(
      String file, int row, String column, String rule, String says) {
    List<Row> held =
        wh.table(AuditTables.QUARANTINE_ROW)
            .filter(col("source_file").equalTo(file).and(col("source_row").equalTo(row)))
            .collectAsList();
    assertThat(held)
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.<String>getAs("rule")).isEqualTo(rule);
              assertThat(q.<String>getAs("column_name")).isEqualTo(column);
              assertThat(q.<String>getAs("message")).contains(says);
              assertThat(q.<String>getAs("record")).startsWith("{\"partnership\":");
            });
  }

  @Test
  void every_row_is_loaded_quarantined_or_skipped_and_all_are_in_bronze() {
    assertThat(report.files).allSatisfy(f -> assertThat(f.balanced()).as(f.path).isTrue());
    assertThat(wh.table(AuditTables.BRONZE_ROW).count()).isEqualTo(report.total(f -> f.read));
    FileReport prevalence = file("prevalence_bad.csv");
    assertThat(
            List.of(prevalence.read, prevalence.loaded, prevalence.quarantined, prevalence.skipped))
        .containsExactly(8L, 1L, 5L, 2L);
    FileReport treatment = file("treatment_bad.csv");
    assertThat(List.of(treatment.read, treatment.loaded, treatment.quarantined, treatment.skipped))
        .containsExactly(6L, 2L, 4L, 0L);
    assertThat(report.anythingHeldBack()).isTrue();
  }

  @Test
  void good_rows_beside_bad_ones_still_load() {
    assertThat(wh.figure(Facts.PREVALENCE, "area_code", "38", "measure_code", "estimate"))
        .isEqualTo(2660.0);
    assertThat(wh.figure(Facts.TREATMENT, "area_code", "00MD", "measure_code", "in_treatment"))
        .isEqualTo(506.0);
    assertThat(wh.figure(Facts.TREATMENT, "area_code", "00MC", "measure_code", "in_treatment"))
        .isNull();
  }

  @Test
  void text_printed_where_a_funding_amount_belongs_is_kept_as_the_note_with_no_amount() {
    Row line =
        wh.table(Facts.FUNDING).filter(col("source_code").equalTo("ho_arrest_referral")).first();
    assertThat((Object) line.getAs("amount_gbp")).isNull();
    assertThat(line.<String>getAs("note")).isEqualTo("Amalgamated with DIP main grant");
  }

  @Test
  void the_report_lists_each_problem_for_a_person_to_fix() {
    assertThat(report.toText())
        .contains("row 2 column partnership: [known_partnership] unknown partnership 'Hampshir'");
    assertThat(report.toJson()).contains("\"rule\":\"duplicate_key\"");
  }

  private static Path resource(String name) {
    try {
      return Path.of(QuarantineTest.class.getResource("/" + name).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static FileReport file(String path) {
    return report.files.stream().filter(f -> f.path.equals(path)).findFirst().orElseThrow();
  }
}
