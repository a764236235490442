package uk.dtw.model.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.dtw.model.reference.Area;
import uk.dtw.model.reference.AreaDirectory;
import uk.dtw.model.testing.Spellings;
import uk.dtw.model.testing.Spellings.Spelling;

class VocabularyTableTest {
  private static final AreaDirectory AREAS = AreaDirectory.load();

  static Stream<Spelling> spellings() {
    return Spellings.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("spellings")
  void every_spelling_in_the_table_means_what_the_table_says(Spelling s) {
    String meant =
        switch (s.kind()) {
          case "period" -> FinancialYear.read(s.written()).map(FinancialYear::code).orElse(null);
          case "partnership" -> AREAS.resolve(s.written()).map(Area::name).orElse(null);
          default -> CodedValues.code(s.kind(), s.written()).orElse(null);
        };
    assertThat(meant).isEqualTo(s.means());
  }

  @Test
  void the_table_covers_every_kind_of_word_and_reaches_beyond_the_canonical_forms() {
    assertThat(Spellings.all())
        .extracting(Spelling::kind)
        .contains("period", "partnership", "source", "drug_group");
    assertThat(Spellings.all())
        .filteredOn(s -> !s.written().equals(s.means()))
        .hasSizeGreaterThan(25);
  }

  /** The period table of docs/extracts.md is what extract authors read: it must be true. */
  @Test
  void every_period_spelling_the_extract_contract_documents_reads_as_it_says() throws IOException {
    String doc = Files.readString(Path.of("../docs/extracts.md"));
    String section = doc.substring(doc.indexOf("### Period"), doc.indexOf("### Numbers"));
    Matcher row = Pattern.compile("\\| `([^`]+)`[^|]* \\| ([0-9-]+) \\|").matcher(section);
    List<String[]> rows = new java.util.ArrayList<>();
    while (row.find()) {
      rows.add(new String[] {row.group(1), row.group(2)});
    }
    assertThat(rows).hasSizeGreaterThanOrEqualTo(6);
    for (String[] r : rows) {
      assertThat(FinancialYear.parse(r[0]).map(FinancialYear::code)).as(r[0]).contains(r[1]);
    }
  }
}
