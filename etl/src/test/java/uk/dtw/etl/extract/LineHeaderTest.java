package uk.dtw.etl.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A record-level line's cells are what Commons CSV reads from it, for every delimiter. */
class LineHeaderTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "P1,Gateshead,2008-04-10,,,male",
        "P1,,,",
        ",",
        " spaced , cells ",
        "one",
        "\"quoted, with a comma\",x",
        "\"a \"\"quote\"\" inside\",y,",
        "P1;Gateshead;2008-04-10;;male",
        "P1\tGateshead\t\tmale",
        "P1|Gateshead||male"
      })
  void cells_are_what_commons_csv_reads(String line) {
    // Read by another delimiter, a quoted line is not CSV: both must say so.
    for (char delimiter : new char[] {',', ';', '\t', '|'}) {
      LineHeader header = new LineHeader(List.of(), List.of(), delimiter, List.of(), List.of());
      assertThat(cellsOrError(() -> header.cellsOf(line)))
          .as("[%s] by '%s'", line, delimiter)
          .isEqualTo(cellsOrError(() -> csv(line, delimiter)));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"open quote,x", "a,b\rc,d"})
  void a_line_csv_cannot_read_as_one_record_is_an_error(String line) {
    LineHeader header = new LineHeader(List.of(), List.of(), ',', List.of(), List.of());
    assertThatThrownBy(() -> header.cellsOf(line)).isInstanceOf(IllegalArgumentException.class);
  }

  private static Object cellsOrError(java.util.concurrent.Callable<List<String>> read) {
    try {
      return read.call();
    } catch (Exception e) {
      return "not CSV";
    }
  }

  private static List<String> csv(String line, char delimiter) throws IOException {
    try (CSVParser parser =
        CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get().parse(new StringReader(line))) {
      List<CSVRecord> records = parser.getRecords();
      return records.isEmpty() ? List.of() : records.get(0).toList();
    }
  }
}
