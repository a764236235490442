package uk.dtw.etl.extract;

import java.util.ArrayList;
import java.util.List;
import uk.dtw.etl.rules.Problem;
import uk.dtw.etl.rules.Rule;

/**
 * Chooses the layout reader for a file by the shape of its header: the canonical long layout (one
 * figure column per measure) when its columns are there, otherwise a wide layout (one column per
 * year) when the header is made of years, otherwise the long reader, which then says what is
 * missing. A table with two header rows, areas side by side over their years, is tried first: its
 * shape is strict.
 */
public final class Layouts {
  private static final LayoutReader LONG = new LongReader();
  private static final List<LayoutReader> READERS =
      List.of(new SideBySideAreasReader(), LONG, new WideYearsReader());

  private Layouts() {}

  /** What the readers made of a file: its rows, and warnings about the file as a whole (row 1). */
  public record Read(List<InputRow> rows, List<Problem> fileWarnings, String layout) {}

  public static Read read(Grid grid, FileContext file) {
    List<Problem> warnings = new ArrayList<>(grid.warnings());
    List<HeaderCell> header = new ArrayList<>();
    for (int i = 0; i < grid.header().size(); i++) {
      header.add(HeaderCell.of(i, grid.header().get(i), file.known()));
    }
    LayoutReader reader =
        READERS.stream().filter(r -> r.fits(grid, header, file)).findFirst().orElse(LONG);
    List<InputRow> rows = reader.read(grid, header, file, warnings);
    return new Read(rows, warnings, reader.getClass().getSimpleName());
  }

  /** Rows the grid could not read, or blank lines: the same for every layout. */
  static InputRow unreadableOrBlank(Grid grid, Grid.GridRow r) {
    InputRow row = new InputRow(r.row(), r.parseError() != null ? "{}" : grid.recordJson(r));
    if (r.parseError() != null) {
      return row.problem(null, Rule.CSV_SYNTAX, r.parseError());
    }
    return r.blank() ? row.skip("blank line") : null;
  }
}
