package uk.dtw.etl.extract;

import java.util.List;
import java.util.Optional;
import uk.dtw.etl.rules.Rule;

/**
 * Checks the derived columns of a row (a % change, a penetration) against the figures beside them.
 * A derived figure that does not follow means one of the printed figures is wrong and we cannot
 * tell which, so the row is held back (rule derived_check); a derived column is never loaded.
 */
final class DerivedColumns {
  private DerivedColumns() {}

  static void check(Grid.GridRow r, List<HeaderCell> header, InputRow row) {
    for (HeaderCell h : header) {
      String printed = r.cell(h.index());
      if (!h.derived() || printed.isBlank()) {
        continue;
      }
      Optional<String> wrong =
          switch (h.column()) {
            case "derived:penetration" ->
                figure(r, header, "in_treatment")
                    .flatMap(
                        part ->
                            figure(r, header, "estimate")
                                .flatMap(whole -> DerivedCheck.share(part, whole, printed)));
            case "derived:change" -> change(r, header, h, printed);
            default -> Optional.empty();
          };
      wrong.ifPresent(m -> row.problem(CsvExtract.normaliseHeader(h.raw()), Rule.DERIVED_CHECK, m));
    }
  }

  /**
   * A change column follows the two figures it compares: the two nearest figure columns before it.
   */
  private static Optional<String> change(
      Grid.GridRow r, List<HeaderCell> header, HeaderCell change, String printed) {
    HeaderCell to = null;
    for (int i = change.index() - 1; i >= 0; i--) {
      HeaderCell h = header.get(i);
      if (h.derived()
          || h.ignored()
          || r.cell(i).isBlank()
          || (h.column() == null && !h.yearOnly())) {
        continue;
      }
      if (to == null) {
        to = h;
      } else {
        return DerivedCheck.change(r.cell(i), r.cell(to.index()), printed);
      }
    }
    return Optional.empty();
  }

  private static Optional<String> figure(Grid.GridRow r, List<HeaderCell> header, String column) {
    return LongReader.find(header, column).map(h -> r.cell(h.index())).filter(s -> !s.isBlank());
  }
}
