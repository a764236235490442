package uk.dtw.etl.conform;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import uk.dtw.etl.rules.Problem;
import uk.dtw.etl.rules.Rule;
import uk.dtw.model.reference.Area;
import uk.dtw.model.reference.AreaDirectory;
import uk.dtw.model.vocabulary.CodedValues;
import uk.dtw.model.vocabulary.FinancialYear;
import uk.dtw.model.vocabulary.Period;

/** Reads typed values out of a row's cells, recording a {@link Problem} for each one that fails. */
final class Cells {
  private static final Pattern NUMBER = Pattern.compile("^-?\\d+(\\.\\d+)?$");
  private static final List<DateTimeFormatter> DATES =
      List.of(
          DateTimeFormatter.ISO_LOCAL_DATE,
          DateTimeFormatter.ofPattern("d/M/uuuu"),
          DateTimeFormatter.ofPattern("d/M/uu"),
          DateTimeFormatter.ofPattern("d.M.uuuu"),
          DateTimeFormatter.ofPattern("d-M-uuuu"),
          // 31 Mar 2009, 31-Mar-2009 and 31 March 2009, as spreadsheets print them.
          new java.time.format.DateTimeFormatterBuilder()
              .parseCaseInsensitive()
              .appendPattern("d[ ][-]MMM[ ][-]uuuu")
              .toFormatter(java.util.Locale.UK),
          new java.time.format.DateTimeFormatterBuilder()
              .parseCaseInsensitive()
              .appendPattern("d MMMM uuuu")
              .toFormatter(java.util.Locale.UK));

  private final Map<String, String> cells;
  private final RowResult result;

  Cells(Map<String, String> cells, RowResult result) {
    this.cells = cells;
    this.result = result;
  }

  /** The cell's text, trimmed; empty string when blank or absent. */
  String text(String column) {
    String v = cells.get(column);
    return v == null ? "" : v.trim();
  }

  boolean blank(String column) {
    return text(column).isEmpty();
  }

  boolean allBlank() {
    return cells.values().stream().allMatch(v -> v == null || v.isBlank());
  }

  Optional<Area> area(String column, AreaDirectory areas) {
    String name = text(column);
    Optional<Area> area = areas.resolve(name);
    if (area.isEmpty()) {
      result.problem(
          column,
          Rule.KNOWN_PARTNERSHIP,
          name.isEmpty()
              ? "no partnership named; expected a partnership, region or England"
              : "unknown partnership '"
                  + name
                  + "'; closest known: "
                  + String.join(", ", areas.closestNames(name, 3)));
    }
    return area;
  }

  Optional<FinancialYear> period(String column) {
    Optional<FinancialYear> year = FinancialYear.parse(text(column));
    if (year.isEmpty()) {
      year = FinancialYear.correctTypo(text(column));
      year.ifPresent(
          y ->
              result.warn(
                  column,
                  Rule.PERIOD_CORRECTED,
                  "'"
                      + text(column)
                      + "' read as "
                      + y
                      + ": a typing slip, corrected because only one financial year fits"));
    }
    if (year.isEmpty()) {
      result.problem(
          column,
          Rule.PERIOD_FORMAT,
          "'" + text(column) + "' is not a financial year; expected " + Period.EXPECTED);
    }
    return year;
  }

  /** A date, or empty without a problem when the cell is blank. */
  Optional<LocalDate> optionalDate(String column) {
    return blank(column) ? Optional.empty() : date(column);
  }

  /** Whether the area existed as a partnership in the year; a problem names its validity if not. */
  boolean validIn(String column, Area area, FinancialYear year) {
    if (area.validIn(year)) {
      return true;
    }
    result.problem(
        column,
        Rule.AREA_VALID_IN_PERIOD,
        area.name()
            + " did not exist as a partnership in "
            + year
            + " (valid "
            + area.validFrom()
            + " to "
            + area.validTo()
            + ")");
    return false;
  }

  Optional<LocalDate> date(String column) {
    for (DateTimeFormatter f : DATES) {
      try {
        return Optional.of(LocalDate.parse(text(column), f));
      } catch (DateTimeParseException e) {
        // try the next way of writing a date
      }
    }
    result.problem(
        column,
        Rule.DATE_FORMAT,
        "'" + text(column) + "' is not a date; expected 2009-03-31, 31/03/2009 or 31 Mar 2009");
    return Optional.empty();
  }

  Optional<String> oneOf(String column, Rule rule, List<String> allowed) {
    String v = text(column).toLowerCase(java.util.Locale.ROOT);
    if (allowed.contains(v)) {
      return Optional.of(v);
    }
    result.problem(
        column, rule, "'" + text(column) + "' is not one of " + String.join(", ", allowed));
    return Optional.empty();
  }

  /**
   * The code a coded column's cell means, through the one alias table ({@link CodedValues}): the
   * code, its printed name, or a word the plans print for it.
   */
  Optional<String> code(String column, Rule rule) {
    return code(column, column, rule);
  }

  /** As {@link #code(String, Rule)}, for a cell whose codes are another column's (a substance). */
  Optional<String> code(String column, String codedColumn, Rule rule) {
    Optional<String> code = CodedValues.code(codedColumn, text(column));
    if (code.isEmpty()) {
      result.problem(
          column,
          rule,
          "'"
              + text(column)
              + "' is not "
              + CodedValues.noun(codedColumn)
              + "; expected one of "
              + String.join(", ", CodedValues.codes(codedColumn)));
    }
    return code;
  }

  /**
   * A count or amount: thousands separators, a pound sign, spaces and a trailing % are allowed;
   * blank is empty.
   */
  OptionalDouble number(String column) {
    OptionalDouble n = parseNumber(text(column));
    if (n.isEmpty() && !blank(column)) {
      result.problem(column, Rule.NUMBER, "'" + text(column) + "' is not a number");
    } else if (n.isPresent() && n.getAsDouble() < 0) {
      result.problem(
          column,
          Rule.NON_NEGATIVE,
          "'" + text(column) + "' is negative; counts and amounts cannot be");
      return OptionalDouble.empty();
    }
    return n;
  }

  /** A figure that may be below zero (an indicator's value or interval); blank is empty. */
  OptionalDouble signedNumber(String column) {
    OptionalDouble n = parseNumber(text(column));
    if (n.isEmpty() && !blank(column)) {
      result.problem(column, Rule.NUMBER, "'" + text(column) + "' is not a number");
    }
    return n;
  }

  static OptionalDouble parseNumber(String text) {
    // "4.31%" is 4.31: percentages are stored as the number of per cent, as extracts.md says.
    String s =
        text.replace("\u00a3", "")
            .replace(",", "")
            .replace(" ", "")
            .replace("\u00a0", "")
            .replaceFirst("%$", "");
    return NUMBER.matcher(s).matches()
        ? OptionalDouble.of(Double.parseDouble(s))
        : OptionalDouble.empty();
  }
}
