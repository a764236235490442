package uk.dtw.etl.conform;

import java.util.Map;

/**
 * What every conformer does first: a blank line is skipped with its reason; anything else is
 * conformed.
 */
abstract class RowConformer implements Conformer {

  @Override
  public final RowResult conform(Map<String, String> raw) {
    RowResult result = new RowResult();
    Cells cells = new Cells(raw, result);
    if (cells.allBlank()) {
      result.skip("blank line");
    } else {
      conform(cells, result);
    }
    return result;
  }

  /** Reads the row's cells into figures, or records the problems that hold it back. */
  abstract void conform(Cells cells, RowResult result);
}
