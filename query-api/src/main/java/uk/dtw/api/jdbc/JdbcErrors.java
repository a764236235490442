package uk.dtw.api.jdbc;

import java.time.Duration;
import org.apache.calcite.avatica.remote.Service.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.dtw.api.errors.ApiError;
import uk.dtw.api.limits.SqlLimits;
import uk.dtw.api.sql.SqlFailures;

/** The one place that words what JDBC clients are told, as {@code Errors} does for HTTP. */
final class JdbcErrors {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcErrors.class);

  private JdbcErrors() {}

  /**
   * A failure of a caller's statement as the client should see it: the guard's refusal and
   * Calcite's own message for the caller's mistakes (as {@code POST /sql} words them), and a
   * generic line for our own failures, whose detail goes to the server log only.
   */
  static Refusal of(Throwable e, int timeoutSeconds) {
    if (e instanceof Refusal r) {
      return r;
    }
    RuntimeException classified =
        e instanceof ApiError a
            ? a
            : SqlFailures.classify(e, SqlLimits.DEFAULTS.withTimeoutSeconds(timeoutSeconds));
    if (classified instanceof ApiError error) {
      String message =
          error.hint() == null
              ? error.getMessage()
              : error.getMessage() + " (" + error.hint() + ")";
      return new Refusal(
          message, error.status() == 429 ? Refusal.BUSY : sqlState(error.getMessage()));
    }
    LOG.error("JDBC call failed", e);
    return new Refusal("internal error: the server log has the details", Refusal.INTERNAL);
  }

  private static String sqlState(String message) {
    if (message.startsWith("query ran longer")) {
      return Refusal.TIMEOUT;
    }
    if (message.startsWith("query failed while running")) {
      return Refusal.DATA;
    }
    return message.contains("read-only") ? Refusal.READ_ONLY : Refusal.SYNTAX_OR_ACCESS;
  }

  /** Anything that would write, or run more than one statement at once. */
  static Refusal readOnly(String what) {
    return new Refusal(
        what + " is refused: this endpoint is read-only and runs one query at a time",
        Refusal.READ_ONLY);
  }

  static Refusal timeout(int seconds) {
    return new Refusal(
        "query ran longer than "
            + seconds
            + " s and was stopped (filter earlier or aggregate in SQL)",
        Refusal.TIMEOUT);
  }

  static Refusal tooManyConnections(int max, Duration idle) {
    return new Refusal(
        "too many open JDBC connections ("
            + max
            + "): close one you no longer use; connections idle for "
            + minutes(idle)
            + " close by themselves",
        Refusal.REJECTED);
  }

  /** Avatica's missing-connection code, so a client may reconnect by itself if set to. */
  static Refusal noConnection(String id, Duration idle) {
    return new Refusal(
        "JDBC connection "
            + id
            + " is not open: it was closed, idle for more than "
            + minutes(idle)
            + ", or the server restarted; connect again",
        ErrorResponse.MISSING_CONNECTION_ERROR_CODE,
        Refusal.NO_CONNECTION);
  }

  private static String minutes(Duration idle) {
    long minutes = idle.toMinutes();
    return minutes >= 1 ? minutes + " min" : idle.toSeconds() + " s";
  }
}
