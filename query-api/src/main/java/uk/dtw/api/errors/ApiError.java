package uk.dtw.api.errors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A problem to report to the API's caller: HTTP status, the parameter at fault, what was wrong and
 * what to do.
 */
public final class ApiError extends RuntimeException {
  private final int status;
  private final String parameter;
  private final String hint;
  private final Map<String, Object> details;

  ApiError(int status, String parameter, String message, String hint, Map<String, Object> details) {
    super(
        message, null, false, false); // a user-facing answer, not a fault: no stack trace to build
    this.status = status;
    this.parameter = parameter;
    this.hint = hint;
    this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  public int status() {
    return status;
  }

  /** The query parameter or body field at fault, or null when the request as a whole is. */
  public String parameter() {
    return parameter;
  }

  public String hint() {
    return hint;
  }

  /** Extra machine-readable facts, e.g. {@code "valid": [...]} for an unknown value. */
  public Map<String, Object> details() {
    return details;
  }

  /** The JSON body of this error, without the warehouse version. */
  public Map<String, Object> body() {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("status", status);
    if (parameter != null) {
      error.put("parameter", parameter);
    }
    error.put("message", getMessage());
    if (hint != null) {
      error.put("hint", hint);
    }
    error.putAll(details);
    return error;
  }
}
