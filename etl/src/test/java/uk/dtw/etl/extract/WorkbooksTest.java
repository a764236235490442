package uk.dtw.etl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.dtw.etl.support.TestWorkbooks;

class WorkbooksTest {
  private static byte[] workbook() {
    Map<String, Object[][]> sheets = new LinkedHashMap<>();
    sheets.put(
        "funding",
        new Object[][] {
          {"Funding profile", "2006/07", "2007/08"},
          {"DIP main grant", 619261, 627944},
          {"HO Arrest Referral", "Amalgamated with DIP main grant", null}
        });
    sheets.put("Notes", new Object[][] {{"Prepared by the DAAT"}});
    return TestWorkbooks.of(sheets);
  }

  @Test
  void a_sheet_reads_as_the_cells_excel_shows_numbered_as_excel_numbers_rows() {
    Grid grid = Workbooks.grid(workbook(), "funding");
    assertThat(grid.header()).containsExactly("Funding profile", "2006/07", "2007/08");
    assertThat(grid.rows()).extracting(Grid.GridRow::row).containsExactly(2, 3);
    assertThat(grid.rows().get(0).cells()).containsExactly("DIP main grant", "619,261", "627,944");
    assertThat(grid.rows().get(1).cell(1)).isEqualTo("Amalgamated with DIP main grant");
    assertThat(grid.rows().get(1).cell(2)).isEmpty();
  }

  @Test
  void
      sheet_names_come_in_workbook_order_and_a_missing_sheet_or_broken_file_is_a_row_error_not_a_crash() {
    assertThat(Workbooks.sheetNames(workbook())).containsExactly("funding", "Notes");
    assertThat(Workbooks.grid(workbook(), "targets").rows())
        .singleElement()
        .satisfies(r -> assertThat(r.parseError()).contains("no sheet 'targets'"));
    assertThat(Workbooks.grid("not a zip".getBytes(), "funding").rows())
        .singleElement()
        .satisfies(r -> assertThat(r.parseError()).startsWith("unreadable workbook"));
  }
}
