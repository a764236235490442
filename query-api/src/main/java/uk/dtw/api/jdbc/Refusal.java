package uk.dtw.api.jdbc;

import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.Service.ErrorResponse;

/**
 * What a JDBC client is told when the endpoint will not or cannot do what it asked. Avatica sends
 * the message, code and SQLSTATE to the client, which throws them as a SQLException. Avatica also
 * sends the exception's stack trace; this one has none, and {@link JdbcEndpoint} removes any other
 * before the answer leaves.
 */
final class Refusal extends AvaticaRuntimeException {
  private static final long serialVersionUID = 1L;

  /** SQLSTATE class 42: syntax error or access rule violation. */
  static final String SYNTAX_OR_ACCESS = "42000";

  /** SQLSTATE 25006: read-only SQL transaction. */
  static final String READ_ONLY = "25006";

  /** SQLSTATE 08004: the server rejected the connection. */
  static final String REJECTED = "08004";

  /** SQLSTATE class 53, insufficient resources: too many queries at once (retry shortly). */
  static final String BUSY = "53000";

  /** SQLSTATE 08003: the connection does not exist. */
  static final String NO_CONNECTION = "08003";

  /** SQLSTATE HYT00: timeout expired. */
  static final String TIMEOUT = "HYT00";

  /** SQLSTATE 22000: data exception (an error while computing a row). */
  static final String DATA = "22000";

  /** SQLSTATE XX000: internal error. */
  static final String INTERNAL = "XX000";

  Refusal(String message, String sqlState) {
    this(message, ErrorResponse.UNKNOWN_ERROR_CODE, sqlState);
  }

  /**
   * @param errorCode Avatica's: {@link ErrorResponse#MISSING_CONNECTION_ERROR_CODE} is the one its
   *     driver reads as "this connection is gone" (and may reconnect on, if told to)
   */
  Refusal(String message, int errorCode, String sqlState) {
    super(message, errorCode, sqlState, AvaticaSeverity.ERROR);
  }

  @Override
  public String getMessage() {
    return getErrorMessage();
  }

  /** A user-facing answer, not a fault: no stack trace to build or to send. */
  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
