package uk.dtw.api.support;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Queries that run for as long as they are let, for the tests of limits. */
public final class SlowSql {
  private SlowSql() {}

  /**
   * The count of a billion-row cross join of three 1,000-row VALUES lists: it touches no table,
   * holds almost no memory and runs until stopped (minutes unchecked).
   */
  public static String billionRowCrossJoin() {
    String thousand =
        "(VALUES "
            + IntStream.range(0, 1000).mapToObj(i -> "(" + i + ")").collect(Collectors.joining(","))
            + ")";
    return "SELECT COUNT(*) FROM "
        + thousand
        + " a(x), "
        + thousand
        + " b(y), "
        + thousand
        + " c(z)";
  }
}
