package uk.dtw.etl.conform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import uk.dtw.etl.rules.Rule;
import uk.dtw.model.reference.Area;
import uk.dtw.model.vocabulary.FinancialYear;

/**
 * Conforms a funding line. Text where the amount belongs ("Amalgamated with DIP main grant") is
 * kept as the line's note with no amount: the money is inside another source, not zero.
 */
final class FundingConformer extends RowConformer {
  @Override
  public List<String> requiredColumns() {
    return List.of("partnership", "period", "source", "amount_gbp");
  }

  @Override
  public List<String> knownColumns() {
    return List.of("partnership", "period", "source", "amount_gbp", "note");
  }

  @Override
  void conform(Cells cells, RowResult result) {
    Optional<Area> area = cells.area("partnership", Reference.areas());
    Optional<FinancialYear> year = cells.period("period");
    String source = cells.code("source", Rule.KNOWN_SOURCE).orElse(null);
    String amountText = cells.text("amount_gbp");
    OptionalDouble amount = Cells.parseNumber(amountText);
    String note = cells.text("note");
    if (amount.isEmpty() && !amountText.isEmpty()) {
      note = note.isEmpty() ? amountText : note + "; " + amountText;
    } else if (amount.isPresent() && amount.getAsDouble() < 0) {
      result.problem(
          "amount_gbp",
          Rule.NON_NEGATIVE,
          "'" + amountText + "' is negative; funding amounts cannot be");
    }
    if (amount.isEmpty() && note.isEmpty()) {
      result.skip("no amount or note reported");
      return;
    }
    if (area.isPresent() && year.isPresent() && source != null) {
      Map<String, Object> figure = new LinkedHashMap<>();
      figure.put("area_code", area.get().code());
      figure.put("financial_year", year.get().toString());
      figure.put("source_code", source);
      figure.put("amount_gbp", amount.isPresent() ? amount.getAsDouble() : null);
      figure.put("note", note.isEmpty() ? null : note);
      result.figure(figure);
    }
  }
}
