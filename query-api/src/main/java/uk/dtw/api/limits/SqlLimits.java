package uk.dtw.api.limits;

/**
 * What one caller's SQL may cost, over HTTP and JDBC alike: time, rows, memory, text, and how many
 * of its queries may run at once. {@code docs/reliability.md} states the defaults and why.
 *
 * @param timeoutSeconds a query still running after this is stopped, its thread freed
 * @param defaultRows rows returned when the caller does not ask for a number
 * @param maxRows the most rows one query returns
 * @param memoryBytes the most a query may allocate on the heap before it is stopped
 * @param maxSqlChars the longest query text accepted
 * @param maxNesting the deepest nesting of brackets accepted (the parser recurses on each)
 * @param perCaller queries one caller may have running at once
 * @param total queries all callers may have running at once
 */
public record SqlLimits(
    int timeoutSeconds,
    int defaultRows,
    int maxRows,
    long memoryBytes,
    int maxSqlChars,
    int maxNesting,
    int perCaller,
    int total) {
  /**
   * Generous for an analyst's query, small enough that the service outlives a hostile one: at most
   * {@code total} queries of 512 MiB each fit in a 2 GiB heap beside the reports.
   */
  public static final SqlLimits DEFAULTS =
      new SqlLimits(30, 10_000, 100_000, 512L << 20, 100_000, 64, 2, 3);

  /** The same limits with another time limit. */
  public SqlLimits withTimeoutSeconds(int seconds) {
    return new SqlLimits(
        seconds, defaultRows, maxRows, memoryBytes, maxSqlChars, maxNesting, perCaller, total);
  }
}
