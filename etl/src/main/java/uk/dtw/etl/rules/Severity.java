package uk.dtw.etl.rules;

/** What breaking a rule does to the figures: the three outcomes a load report distinguishes. */
public enum Severity {
  /** The row is held back in quarantine_row, whole; nothing of it loads. */
  ERROR,
  /** The row loads as read; the report asks a person to check it. */
  WARNING,
  /** A disagreement across rows or files, found after the merge; reported, never fixed. */
  FINDING;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
