package uk.dtw.api.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.dtw.api.sql.Column;
import uk.dtw.api.sql.Table;

class CsvOutTest {

  @Test
  void writes_a_header_and_rfc_4180_rows() {
    Table table =
        new Table(
            List.of(new Column("name", "VARCHAR"), new Column("note", "VARCHAR")),
            List.of(List.of("Brighton, Hove", "said \"hello\""), List.of("Kent", "two\nlines")));

    assertThat(CsvOut.write(table))
        .isEqualTo(
            "name,note\r\n"
                + "\"Brighton, Hove\",\"said \"\"hello\"\"\"\r\n"
                + "Kent,\"two\nlines\"\r\n");
  }

  @Test
  void nulls_are_empty_fields_and_numbers_are_plain_decimals() {
    Table table =
        new Table(
            List.of(
                new Column("a", "DOUBLE"), new Column("b", "DECIMAL"), new Column("c", "DOUBLE")),
            List.of(Arrays.asList(null, new BigDecimal("1E+3"), 0.0001)));

    assertThat(CsvOut.write(table)).isEqualTo("a,b,c\r\n,1000,0.0001\r\n");
  }

  @Test
  void an_empty_table_is_just_its_header() {
    Table table = new Table(List.of(new Column("a", "INTEGER")), List.of());

    assertThat(CsvOut.write(table)).isEqualTo("a\r\n");
  }
}
