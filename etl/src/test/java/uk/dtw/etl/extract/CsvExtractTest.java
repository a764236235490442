package uk.dtw.etl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvExtractTest {

  private static Grid parse(String text) {
    return CsvExtract.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void a_byte_order_mark_is_not_part_of_the_first_header() {
    Grid g = parse("\uFEFFPartnership , Period,Drug Group\nKent,2008-09,pdu\n");
    assertThat(g.header()).containsExactly("Partnership ", " Period", "Drug Group");
    assertThat(g.rows().get(0).cells()).containsExactly("Kent", "2008-09", "pdu");
    assertThat(g.warnings()).isEmpty();
  }

  @Test
  void rows_are_numbered_as_a_spreadsheet_shows_them_with_the_header_as_row_1() {
    Grid g = parse("a,b\n1,2\n\n3,4\n");
    assertThat(g.rows()).extracting(Grid.GridRow::row).containsExactly(2, 3, 4);
  }

  @Test
  void quoted_fields_keep_their_commas_and_newlines_and_the_record_keeps_the_text_as_read() {
    Grid g = parse("partnership,note\n\"Kent\",\"Amalgamated, see\nDIP\"\n");
    assertThat(g.rows().get(0).cell(1)).isEqualTo("Amalgamated, see\nDIP");
    assertThat(g.recordJson(g.rows().get(0)))
        .isEqualTo("{\"partnership\":\"Kent\",\"note\":\"Amalgamated, see\\nDIP\"}");
  }

  @Test
  void a_broken_quote_holds_back_the_rest_of_the_file_instead_of_dropping_it() {
    Grid g = parse("a,b\n1,2\n\"3,4\n5,6\n");
    assertThat(g.rows().get(0).parseError()).isNull();
    assertThat(g.rows())
        .last()
        .satisfies(r -> assertThat(r.parseError()).startsWith("unreadable CSV"));
  }

  @Test
  void windows_1252_bytes_are_read_as_such_with_a_warning() {
    byte[] bytes =
        "source,amount_gbp\nDIP main grant \u2013 note,\u00a3619,261\n"
            .getBytes(Charset.forName("windows-1252"));
    Grid g = CsvExtract.parse(bytes);
    assertThat(g.rows().get(0).cells())
        .containsExactly("DIP main grant \u2013 note", "\u00a3619", "261");
    assertThat(g.warnings()).extracting(p -> p.rule().code()).containsExactly("encoding");
  }

  @Test
  void semicolons_and_tabs_are_sniffed_from_the_header_line() {
    Grid semi = parse("partnership;period;amount_gbp\nGateshead;2008/09;\"1,680,054\"\n");
    assertThat(semi.rows().get(0).cells()).containsExactly("Gateshead", "2008/09", "1,680,054");
    Grid tabs = parse("partnership\tperiod\nGateshead\t2008/09\n");
    assertThat(tabs.rows().get(0).cells()).containsExactly("Gateshead", "2008/09");
    assertThat(tabs.warnings()).extracting(p -> p.rule().code()).containsExactly("delimiter");
  }

  @Test
  void a_comma_inside_quotes_in_the_header_does_not_count_towards_the_delimiter() {
    Grid g = parse("\"a,b,c\";d\n1;2\n");
    assertThat(g.header()).containsExactly("a,b,c", "d");
  }
}
