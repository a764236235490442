package uk.dtw.api.sql;

import java.sql.SQLTimeoutException;
import java.util.concurrent.CancellationException;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.runtime.CalciteException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.validate.SqlValidatorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.dtw.api.errors.Errors;
import uk.dtw.api.limits.SqlLimits;
import uk.dtw.warehouse.calcite.QueryBudget;
import uk.dtw.warehouse.calcite.ValueSize;

/**
 * Tells what went wrong with a caller's query, in the caller's words: a mistake in it (unknown
 * column, division by zero, a cast that fails), a limit it hit (time, memory), or a query the
 * engine cannot run. The service itself is fine in every case, so none of them is a 500.
 */
public final class SqlFailures {
  private static final Logger LOG = LoggerFactory.getLogger(SqlFailures.class);

  private SqlFailures() {}

  /** The ApiError for any failure of a caller's query, over HTTP or JDBC. */
  public static RuntimeException classify(Throwable e, SqlLimits limits) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CalciteContextException || t instanceof SqlValidatorException) {
        return Errors.badSql(t.getMessage(), "see the views and tables in the README");
      }
      if (t instanceof SqlParseException p) {
        return Errors.badSql("cannot parse sql: " + SqlGuard.shortMessage(p), SqlGuard.hint(p));
      }
      if (t instanceof ValueSize.TooLarge) {
        return Errors.badSql(
            "query built a value larger than the limit of "
                + ValueSize.MAX
                + " characters (or bytes, or elements) and was stopped",
            "a value that doubles each round of a recursive query grows past any limit");
      }
      if (t instanceof QueryBudget.MemoryLimitExceeded) {
        return Errors.badSql(
            "query needed more than " + (limits.memoryBytes() >> 20) + " MiB and was stopped",
            "select fewer columns or rows, or aggregate in SQL");
      }
      if (t instanceof SQLTimeoutException
          || t instanceof org.apache.calcite.jdbc.SqlTimeoutException
          || t instanceof CancellationException) {
        return Errors.badSql(
            "query ran longer than " + limits.timeoutSeconds() + " s and was stopped",
            "filter earlier or aggregate in SQL");
      }
      if (t instanceof ArithmeticException) {
        return Errors.badSql(
            "query failed while running: " + arithmetic(t.getMessage()),
            "guard the divisor, e.g. NULLIF(x, 0)");
      }
      if (t instanceof NumberFormatException) {
        return Errors.badSql(
            "query failed while running: a CAST to a number failed: " + t.getMessage(),
            "cast only text that holds a number, e.g. CASE WHEN ... THEN CAST(...) END");
      }
      if (t instanceof StackOverflowError) {
        return Errors.badSql(
            "query is too deeply nested for the SQL engine",
            "use WITH to name sub-queries instead of nesting them");
      }
      if (t instanceof AssertionError && raisedIn(t, "org.apache.calcite.")) {
        // Calcite checks its own conversion, with or without -ea: a recursive query whose text
        // column grows (CHAR(2) seed, CHAR(4) after a round) fails it. PostgreSQL refuses the
        // same query as the caller's mistake, with the same remedy.
        return Errors.badSql(
            "the SQL engine could not keep this query's column types the same from step to step ("
                + firstLine(t.getMessage())
                + ")",
            "cast to the type you mean: in a recursive query the first part fixes each column's"
                + " type, e.g. VALUES (CAST('ab' AS VARCHAR))");
      }
      if (t instanceof CalciteException) {
        return Errors.badSql("query failed: " + t.getMessage(), null);
      }
    }
    LOG.warn("the SQL engine could not run a caller's query", e);
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return Errors.unsupportedSql(root.getClass().getSimpleName());
  }

  private static boolean raisedIn(Throwable t, String packagePrefix) {
    StackTraceElement[] stack = t.getStackTrace();
    return stack.length > 0 && stack[0].getClassName().startsWith(packagePrefix);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no detail";
    }
    String line = message.strip().lines().findFirst().orElse("");
    return line.endsWith(":") ? line.substring(0, line.length() - 1) : line;
  }

  private static String arithmetic(String message) {
    return message != null && message.contains("by zero") ? "division by zero" : message;
  }
}
