package uk.dtw.etl.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.dtw.etl.rules.Problem;
import uk.dtw.etl.rules.Rule;

/**
 * One row of an input file and what its layout reader made of it: zero or more canonical records
 * (cells keyed by the canonical column names of docs/extracts.md) for the conformer, or the
 * problems that hold the row back, or the reason it is skipped, plus any warnings. A wide row (one
 * column per year) gives one record per year; the row is still accounted once.
 */
public final class InputRow {
  public final int row;
  public final String recordJson;
  public final List<Map<String, String>> records = new ArrayList<>();
  public final List<Problem> problems = new ArrayList<>();
  public final List<Problem> warnings = new ArrayList<>();
  private String skipReason;

  public InputRow(int row, String recordJson) {
    this.row = row;
    this.recordJson = recordJson;
  }

  public InputRow record(Map<String, String> cells) {
    records.add(cells);
    return this;
  }

  public InputRow problem(String column, Rule rule, String message) {
    problems.add(Problem.error(column, rule, message));
    return this;
  }

  public InputRow warn(String column, Rule rule, String message) {
    warnings.add(Problem.warning(column, rule, message));
    return this;
  }

  public InputRow skip(String reason) {
    skipReason = reason;
    return this;
  }

  /** The stated reason the reader skipped the row, or null when it has records or problems. */
  public String skipReason() {
    return problems.isEmpty() ? skipReason : null;
  }
}
