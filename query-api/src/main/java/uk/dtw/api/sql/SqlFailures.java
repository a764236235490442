package uk.dtw.api.sql;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.validate.SqlValidatorException;
import uk.dtw.api.errors.Errors;

/**
 * Tells a caller's mistake (unknown table, bad column, type error, timeout) from our own failure.
 */
public final class SqlFailures {
  private SqlFailures() {}

  /** An ApiError (400) for the caller's mistakes; anything else is rethrown for the 500 handler. */
  static RuntimeException classify(SQLException e, int timeoutSeconds) {
    return classify((Throwable) e, timeoutSeconds);
  }

  /**
   * The same for any failure of a caller's query: the JDBC endpoint gets Calcite's errors wrapped
   * in RuntimeExceptions. An ApiError for the caller's mistakes; anything else (an
   * IllegalStateException) is our own failure, for the log.
   */
  public static RuntimeException classify(Throwable e, int timeoutSeconds) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CalciteContextException || t instanceof SqlValidatorException) {
        return Errors.badSql(t.getMessage(), "see the views and tables in the README");
      }
      if (t instanceof SqlParseException p) {
        return Errors.badSql("cannot parse sql: " + SqlGuard.shortMessage(p), SqlGuard.hint(p));
      }
      if (t instanceof SQLTimeoutException
          || t instanceof org.apache.calcite.jdbc.SqlTimeoutException
          || t.getClass().getSimpleName().contains("Cancel")) {
        return Errors.badSql(
            "query ran longer than " + timeoutSeconds + " s and was stopped",
            "filter earlier or aggregate in SQL");
      }
      if (t instanceof ArithmeticException || t instanceof NumberFormatException) {
        return Errors.badSql("query failed while running: " + t.getMessage(), null);
      }
    }
    return new IllegalStateException("ad-hoc query failed", e);
  }
}
