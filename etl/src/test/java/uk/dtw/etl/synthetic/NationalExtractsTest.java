package uk.dtw.etl.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.dtw.etl.conform.Conformer;
import uk.dtw.etl.conform.RowResult;
import uk.dtw.etl.extract.CsvExtract;
import uk.dtw.etl.extract.ExtractKind;
import uk.dtw.etl.extract.FileContext;
import uk.dtw.etl.extract.InputRow;
import uk.dtw.etl.extract.Layouts;
import uk.dtw.model.vocabulary.FinancialYear;

class NationalExtractsTest {
  private static final FinancialYear Y2008 = FinancialYear.parse("2008-09").orElseThrow();

  @Test
  void every_partnership_of_the_year_gets_every_kind_and_every_row_passes_the_loaders_rules(
      @TempDir Path dir) throws IOException {
    long rows = new NationalExtracts(42, 0).write(dir, Y2008, Y2008);

    // 149 partnerships in 2008-09, each with 4 drug groups + 2 client groups + 7 sources and a
    // total + one target.
    assertThat(rows).isEqualTo(149L * (4 + 2 + 8 + 1));
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        ExtractKind kind = ExtractKind.ofFileName(file.getFileName().toString()).orElseThrow();
        Conformer conformer = Conformer.forKind(kind);
        FileContext context =
            new FileContext(
                kind,
                file.getFileName().toString(),
                conformer.requiredColumns(),
                conformer.knownColumns());
        Layouts.Read read = Layouts.read(CsvExtract.parse(Files.readAllBytes(file)), context);
        assertThat(read.layout())
            .isEqualTo("LongReader"); // the canonical layout, no guessing needed
        for (InputRow row : read.rows()) {
          assertThat(row.problems).as(file.getFileName() + " row " + row.row).isEmpty();
          assertThat(row.records).as(file.getFileName() + " row " + row.row).hasSize(1);
          RowResult result = conformer.conform(row.records.get(0));
          assertThat(result.problems()).as(file.getFileName() + " row " + row.row).isEmpty();
          assertThat(result.figures()).as(file.getFileName() + " row " + row.row).isNotEmpty();
        }
      }
    }
  }

  @Test
  void the_same_seed_writes_the_same_bytes_and_another_seed_other_figures(@TempDir Path dir)
      throws IOException {
    new NationalExtracts(7, 0.01).write(dir.resolve("a"), Y2008, Y2008);
    new NationalExtracts(7, 0.01).write(dir.resolve("b"), Y2008, Y2008);
    new NationalExtracts(8, 0.01).write(dir.resolve("c"), Y2008, Y2008);
    for (String name :
        List.of("treatment_2008-09.csv", "episodes/2008-09/episodes_2008-09_00MR.csv")) {
      assertThat(Files.readString(dir.resolve("a").resolve(name)))
          .isEqualTo(Files.readString(dir.resolve("b").resolve(name)));
      assertThat(Files.readString(dir.resolve("a").resolve(name)))
          .isNotEqualTo(Files.readString(dir.resolve("c").resolve(name)));
    }
  }

  @Test
  void episodes_follow_the_plans_distributions_and_every_one_passes_the_loaders_rules(
      @TempDir Path dir) throws IOException {
    // From 2008-09 to 2009-10: the 2009 reorganisation's new partnerships refer no one earlier.
    new NationalExtracts(3, 0.02).write(dir, Y2008, Y2008.next());
    Conformer conformer = Conformer.forKind(ExtractKind.EPISODES);
    Map<String, Integer> count = new HashMap<>();
    int episodes = 0;
    try (Stream<Path> files = Files.walk(dir.resolve("episodes"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(ExtractKind.ofFileName(file.getFileName().toString()))
            .contains(ExtractKind.EPISODES);
        List<CSVRecord> records =
            CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .get()
                .parse(Files.newBufferedReader(file))
                .getRecords();
        for (CSVRecord r : records) {
          RowResult result = conformer.conform(r.toMap());
          assertThat(result.problems()).as(file.getFileName() + " " + r.toMap()).isEmpty();
          Map<String, Object> e = result.figures().get(0);
          episodes++;
          count.merge("sex:" + e.get("sex"), 1, Integer::sum);
          count.merge("age:" + e.get("age_band"), 1, Integer::sum);
          count.merge(
              "opiate:"
                  + List.of("heroin", "methadone", "other_opiates")
                      .contains(e.get("primary_substance")),
              1,
              Integer::sum);
        }
      }
    }
    // About 3:1 male to female, most aged 25-44, opiates the main primary substance.
    double male = count.get("sex:male") / (double) episodes;
    assertThat(male).isBetween(0.70, 0.80);
    double aged25to44 = (count.get("age:25-34") + count.get("age:35-44")) / (double) episodes;
    assertThat(aged25to44).isGreaterThan(0.5);
    assertThat(count.get("opiate:true")).isGreaterThan(count.get("opiate:false"));
    // Scale 0.02 of a caseload of some 200,000 people a year, written once per episode.
    assertThat(episodes).isBetween(4_000, 16_000);
  }
}
