package uk.dtw.etl.conform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.dtw.etl.rules.Problem;
import uk.dtw.etl.rules.Rule;
import uk.dtw.etl.rules.Severity;

/**
 * What conforming one extract row gave: its figures (one map of fact columns each), or the problems
 * that hold it back, or the reason it was skipped. Exactly one of the three applies.
 */
public final class RowResult {
  private final List<Map<String, Object>> figures = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();
  private final List<Problem> warnings = new ArrayList<>();
  private String skipReason;
  private Map<String, Object> carried = Map.of();

  public void figure(Map<String, Object> factColumns) {
    figures.add(factColumns);
  }

  /** A problem a reader found: an error holds the row back, a warning only goes to the report. */
  public void add(Problem problem) {
    (problem.severity() == Severity.ERROR ? problems : warnings).add(problem);
  }

  public void problem(String column, Rule rule, String message) {
    problems.add(Problem.error(column, rule, message));
  }

  /**
   * Something the row was read as that a person should check (a corrected period); the row still
   * loads.
   */
  public void warn(String column, Rule rule, String message) {
    warnings.add(Problem.warning(column, rule, message));
  }

  public List<Problem> warnings() {
    return warnings;
  }

  /**
   * Adds what conforming another record of the same input row gave: a row is loaded whole or not at
   * all.
   */
  public void absorb(RowResult other) {
    figures.addAll(other.figures);
    problems.addAll(other.problems);
    warnings.addAll(other.warnings);
    if (!other.carried.isEmpty()) {
      carried = other.carried;
    }
    if (skipReason == null) {
      skipReason = other.skipReason;
    }
  }

  /**
   * Columns the row gives beyond its figures, read by file-level checks (an indicator's
   * definition).
   */
  public void carry(Map<String, Object> columns) {
    carried = columns;
  }

  public Map<String, Object> carried() {
    return carried;
  }

  public void skip(String reason) {
    skipReason = reason;
  }

  public boolean quarantined() {
    return !problems.isEmpty();
  }

  /** Held back rows load nothing: a row is loaded whole or not at all. */
  public List<Map<String, Object>> figures() {
    return quarantined() ? List.of() : figures;
  }

  public List<Problem> problems() {
    return problems;
  }

  /** The stated reason a row with no problems gave no figures (e.g. a blank line). */
  public String skipReason() {
    if (quarantined() || !figures.isEmpty()) {
      return null;
    }
    return skipReason != null ? skipReason : "no figures reported in this row";
  }
}
