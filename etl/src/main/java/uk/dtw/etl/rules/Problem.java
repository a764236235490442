package uk.dtw.etl.rules;

import java.io.Serializable;

/**
 * A rule a row or file broke, with the column at fault (or null for the whole row) and what a
 * person should be told: the one shape of a problem from the reader to the report.
 */
public record Problem(String column, Rule rule, String message) implements Serializable {

  public Severity severity() {
    return rule.severity();
  }

  /** An error, held back: a rule of another severity here is a bug in the caller. */
  public static Problem error(String column, Rule rule, String message) {
    return of(Severity.ERROR, column, rule, message);
  }

  public static Problem warning(String column, Rule rule, String message) {
    return of(Severity.WARNING, column, rule, message);
  }

  private static Problem of(Severity expected, String column, Rule rule, String message) {
    if (rule.severity() != expected) {
      throw new IllegalArgumentException(rule.code() + " is a " + rule.severity().code() + " rule");
    }
    return new Problem(column, rule, message);
  }
}
