package uk.dtw.etl.extract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.dtw.etl.rules.Problem;

/**
 * A file's cells as read, before any meaning is given to them: the header row and every row below
 * it. CSV files and spreadsheet sheets both become a grid; layout readers take it from here.
 *
 * @param header the header cells exactly as read
 * @param rows the rows below the header, numbered as a spreadsheet shows them (header = row 1)
 * @param warnings what reading the bytes had to decide (e.g. the file was not UTF-8)
 */
public record Grid(List<String> header, List<GridRow> rows, List<Problem> warnings) {

  /** One row as read; {@code parseError} is set where the bytes could not be read as cells. */
  public record GridRow(int row, List<String> cells, String parseError) {
    public String cell(int i) {
      return i < cells.size() && cells.get(i) != null ? cells.get(i) : "";
    }

    public boolean blank() {
      return cells.stream().allMatch(c -> c == null || c.isBlank());
    }
  }

  /** The row as a JSON object of header to cell text, exactly as read: what bronze keeps. */
  public String recordJson(GridRow r) {
    Map<String, String> asRead = new LinkedHashMap<>();
    for (int i = 0; i < r.cells().size(); i++) {
      String name =
          i < header.size() && !header.get(i).isEmpty() ? header.get(i) : "column_" + (i + 1);
      asRead.putIfAbsent(name, r.cells().get(i));
    }
    return Json.object(asRead);
  }

  public String headerJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("header", header);
    return Json.object(m);
  }
}
