package uk.dtw.etl.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
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
    long rows = new NationalExtracts(42).write(dir, Y2008, Y2008);

    // 149 partnerships in 2008-09, each with 4 drug groups + 2 client groups + 7 sources and a
    // total.
    assertThat(rows).isEqualTo(149L * (4 + 2 + 8));
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
    new NationalExtracts(7).write(dir.resolve("a"), Y2008, Y2008);
    new NationalExtracts(7).write(dir.resolve("b"), Y2008, Y2008);
    new NationalExtracts(8).write(dir.resolve("c"), Y2008, Y2008);
    String name = "treatment_2008-09.csv";
    assertThat(Files.readString(dir.resolve("a").resolve(name)))
        .isEqualTo(Files.readString(dir.resolve("b").resolve(name)));
    assertThat(Files.readString(dir.resolve("a").resolve(name)))
        .isNotEqualTo(Files.readString(dir.resolve("c").resolve(name)));
  }
}
