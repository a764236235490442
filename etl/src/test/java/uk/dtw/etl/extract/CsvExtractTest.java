package uk.dtw.etl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvExtractTest {

  private static CsvExtract.Parsed parse(String text) {
    return CsvExtract.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void headers_are_matched_whatever_their_case_spacing_or_byte_order_mark() {
    CsvExtract.Parsed p = parse("\uFEFFPartnership , Period,Drug Group\nKent,2008-09,pdu\n");
    assertThat(p.headers()).containsExactly("partnership", "period", "drug_group");
    assertThat(p.rows().get(0).cells()).containsEntry("drug_group", "pdu");
  }

  @Test
  void rows_are_numbered_as_a_spreadsheet_shows_them_with_the_header_as_row_1() {
    CsvExtract.Parsed p = parse("a,b\n1,2\n\n3,4\n");
    assertThat(p.rows()).extracting(CsvExtract.ParsedRow::row).containsExactly(2, 3, 4);
  }

  @Test
  void quoted_fields_keep_their_commas_and_newlines_and_the_record_keeps_the_text_as_read() {
    CsvExtract.Parsed p = parse("partnership,note\n\"Kent\",\"Amalgamated, see\nDIP\"\n");
    assertThat(p.rows().get(0).cells()).containsEntry("note", "Amalgamated, see\nDIP");
    assertThat(p.rows().get(0).recordJson()).isEqualTo("{\"partnership\":\"Kent\",\"note\":\"Amalgamated, see\\nDIP\"}");
  }

  @Test
  void a_broken_quote_holds_back_the_rest_of_the_file_instead_of_dropping_it() {
    CsvExtract.Parsed p = parse("a,b\n1,2\n\"3,4\n5,6\n");
    assertThat(p.rows().get(0).parseError()).isNull();
    assertThat(p.rows()).last().satisfies(r -> assertThat(r.parseError()).startsWith("unreadable CSV"));
  }
}
