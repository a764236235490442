package uk.dtw.etl.extract;

import java.util.List;
import uk.dtw.etl.rules.Problem;
import uk.dtw.etl.rules.Rule;

/**
 * Warnings about a file's header: columns that are not loaded, and why, so nothing is dropped
 * unseen.
 */
final class HeaderNotes {
  private HeaderNotes() {}

  static void warnAboutColumns(List<HeaderCell> header, FileContext file, List<Problem> warnings) {
    for (HeaderCell h : header) {
      String name = h.raw().trim();
      if (name.isEmpty() || h.yearOnly()) {
        continue;
      }
      if (h.derived()) {
        warnings.add(
            Problem.warning(
                name,
                Rule.DERIVED_COLUMN,
                "column '"
                    + name
                    + "' is worked out by the warehouse: "
                    + "it is checked against the figures beside it, not loaded"));
      } else if (h.ignored()) {
        warnings.add(
            Problem.warning(
                name,
                Rule.NOT_LOADED,
                "column '" + name + "' is not loaded: the warehouse works rankings out itself"));
      } else if (h.column() == null) {
        warnings.add(
            Problem.warning(
                name,
                Rule.UNKNOWN_COLUMN,
                "column '"
                    + name
                    + "' is not a "
                    + file.kind().code()
                    + " column (docs/extracts.md lists them, and the header words it knows); it is not loaded"));
      } else if (!file.known().contains(h.column()) && !h.column().equals("partnership")) {
        warnings.add(
            Problem.warning(
                name,
                Rule.UNKNOWN_COLUMN,
                "column '"
                    + name
                    + "' (read as "
                    + h.column()
                    + ") is not a "
                    + file.kind().code()
                    + " column; it is not loaded"));
      }
    }
  }
}
