package uk.dtw.etl.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.dtw.etl.rules.Problem;
import uk.dtw.etl.rules.Rule;

/**
 * The canonical long layout of docs/extracts.md: one row per area, period and group, one column per
 * measure. Headers may be in people's words (the alias table), may carry the period ("PDUs in
 * Treat't 08-9"), and the partnership and period may come from the file's place.
 */
final class LongReader implements LayoutReader {

  @Override
  public boolean fits(List<HeaderCell> header, FileContext file) {
    return missing(header, file).isEmpty();
  }

  @Override
  public List<InputRow> read(
      Grid grid, List<HeaderCell> header, FileContext file, List<Problem> warnings) {
    HeaderNotes.warnAboutColumns(header, file, warnings);
    Map<String, String> filled = fills(header, file);
    List<String> missing = missing(header, file);
    Set<String> periods = headerPeriods(header, file);
    List<InputRow> rows = new ArrayList<>();
    for (Grid.GridRow r : grid.rows()) {
      InputRow done = Layouts.unreadableOrBlank(grid, r);
      if (done != null) {
        rows.add(done);
        continue;
      }
      InputRow row = new InputRow(r.row(), grid.recordJson(r));
      if (!missing.isEmpty()) {
        row.problem(
            String.join(",", missing),
            Rule.REQUIRED_COLUMNS,
            "the file has no column "
                + String.join(", ", missing)
                + "; a "
                + file.kind().code()
                + " extract needs "
                + String.join(", ", file.required()));
      } else {
        records(r, header, filled, periods).forEach(row::record);
        DerivedColumns.check(r, header, row);
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<Map<String, String>> records(
      Grid.GridRow r, List<HeaderCell> header, Map<String, String> filled, Set<String> periods) {
    Map<String, String> base = new LinkedHashMap<>(filled);
    for (HeaderCell h : header) {
      if (loadable(h) && h.period() == null) {
        base.putIfAbsent(h.column(), r.cell(h.index()));
      }
    }
    if (periods.isEmpty()) {
      return List.of(base);
    }
    // Columns that name their year ("PDUs in Treat't 08-9") give one record per year written.
    List<Map<String, String>> records = new ArrayList<>();
    for (String p : periods) {
      Map<String, String> rec = new LinkedHashMap<>(base);
      rec.put("period", p);
      header.stream()
          .filter(h -> loadable(h) && p.equals(h.period()))
          .forEach(h -> rec.putIfAbsent(h.column(), r.cell(h.index())));
      records.add(rec);
    }
    return records;
  }

  private static boolean loadable(HeaderCell h) {
    return h.column() != null && !h.derived() && !h.ignored();
  }

  private static boolean present(List<HeaderCell> header, String column) {
    return header.stream().anyMatch(h -> column.equals(h.column()));
  }

  /**
   * Years written in headers of loadable columns, when the file has no period column of its own.
   */
  private static Set<String> headerPeriods(List<HeaderCell> header, FileContext file) {
    Set<String> periods = new LinkedHashSet<>();
    if (!present(header, "period") && file.required().contains("period")) {
      header.stream()
          .filter(h -> loadable(h) && h.period() != null && file.known().contains(h.column()))
          .forEach(h -> periods.add(h.period()));
    }
    return periods;
  }

  /**
   * The partnership from the folder and the period from the file name, where the table has neither
   * column.
   */
  private static Map<String, String> fills(List<HeaderCell> header, FileContext file) {
    Map<String, String> filled = new LinkedHashMap<>();
    String area = file.areaColumn();
    if (!present(header, area)) {
      file.place().folder().ifPresent(f -> filled.put(area, f));
    }
    if (file.required().contains("period")
        && !present(header, "period")
        && headerPeriods(header, file).isEmpty()) {
      file.place().periodInName().ifPresent(p -> filled.put("period", p));
    }
    return filled;
  }

  private static List<String> missing(List<HeaderCell> header, FileContext file) {
    Map<String, String> filled = fills(header, file);
    boolean periodsInHeader = !headerPeriods(header, file).isEmpty();
    return file.required().stream()
        .filter(
            c ->
                !present(header, c)
                    && !filled.containsKey(c)
                    && !(c.equals("period") && periodsInHeader))
        .toList();
  }

  static Optional<HeaderCell> find(List<HeaderCell> header, String column) {
    return header.stream().filter(h -> column.equals(h.column())).findFirst();
  }
}
