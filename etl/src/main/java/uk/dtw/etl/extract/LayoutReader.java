package uk.dtw.etl.extract;

import java.util.List;
import uk.dtw.etl.rules.Problem;

/**
 * Turns a file of one layout (header shape) into canonical records, one {@link InputRow} per row of
 * the file.
 */
interface LayoutReader {

  /** Whether the header has this reader's shape. */
  boolean fits(List<HeaderCell> header, FileContext file);

  /**
   * Whether the file has this reader's shape, for readers that need to see below the header row.
   */
  default boolean fits(Grid grid, List<HeaderCell> header, FileContext file) {
    return fits(header, file);
  }

  /**
   * Every row of the grid, each with its records, problems or skip reason; file-level warnings go
   * to {@code warnings}.
   */
  List<InputRow> read(Grid grid, List<HeaderCell> header, FileContext file, List<Problem> warnings);
}
