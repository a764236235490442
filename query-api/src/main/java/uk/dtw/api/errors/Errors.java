package uk.dtw.api.errors;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The one place that words the API's user-facing errors. */
public final class Errors {
  private Errors() {}

  /** A parameter that is required but absent or blank. */
  public static ApiError missing(String parameter, String expected) {
    return new ApiError(
        400,
        parameter,
        "missing required parameter '" + parameter + "'",
        "expected " + expected,
        Map.of());
  }

  /** A parameter whose value cannot be read at all. */
  public static ApiError malformed(String parameter, String given, String expected) {
    return new ApiError(
        400,
        parameter,
        "cannot read " + parameter + " '" + given + "'",
        "expected " + expected,
        Map.of());
  }

  /**
   * A readable value that does not fit the rest of the request (e.g. a baseline after the period).
   */
  public static ApiError conflicting(String parameter, String given, String expected) {
    return new ApiError(
        400,
        parameter,
        "cannot use " + parameter + " '" + given + "' here",
        "expected " + expected,
        Map.of());
  }

  /**
   * Parameters of which at most one may be given, given together; {@code parameter} is the first of
   * them.
   */
  public static ApiError exclusive(String parameter, List<String> oneOf) {
    return new ApiError(
        400,
        parameter,
        "give only one of "
            + String.join(", ", oneOf)
            + ": they choose the area and cannot be combined",
        "expected exactly one of " + String.join(", ", oneOf),
        Map.of("parameters", List.copyOf(oneOf)));
  }

  /** A parameter whose value is well formed but not one the API offers. */
  public static ApiError unknownValue(String parameter, String given, Collection<String> valid) {
    return new ApiError(
        400,
        parameter,
        "unknown " + parameter + " '" + given + "': expected one of " + String.join(", ", valid),
        null,
        Map.of("valid", List.copyOf(valid)));
  }

  /** A well-formed value with no data behind it; {@code known} lists values that have data. */
  public static ApiError noData(
      String parameter, String given, Collection<String> known, String knownLabel) {
    return new ApiError(
        404,
        parameter,
        "no data for " + parameter + " '" + given + "'",
        knownLabel + ": " + String.join(", ", known),
        Map.of("valid", List.copyOf(known)));
  }

  /** A name that matches nothing; {@code closest} are the nearest known names. */
  public static ApiError unknownName(String parameter, String given, List<String> closest) {
    String hint = closest.isEmpty() ? null : "did you mean " + String.join(", ", closest) + "?";
    return new ApiError(
        404,
        parameter,
        "no " + parameter + " named '" + given + "'",
        hint,
        Map.of("closest", closest));
  }

  /** SQL the service will not run or that Calcite rejected, with Calcite's own explanation. */
  public static ApiError badSql(String message, String hint) {
    return new ApiError(400, "sql", message, hint, Map.of());
  }

  /** A request body that is not the JSON the endpoint expects. */
  public static ApiError badBody(String message, String expected) {
    return new ApiError(400, "body", message, "expected " + expected, Map.of());
  }

  /** An as_of warehouse version that does not exist. */
  public static ApiError noVersion(long given, long first, long latest) {
    String range = first == latest ? "version " + latest : "versions " + first + " to " + latest;
    return new ApiError(
        404,
        "as_of",
        "no warehouse version " + given + ": " + range + " exist",
        "expected as_of from " + first + " to " + latest + ", or no as_of for the latest",
        Map.of("first", first, "latest", latest));
  }

  /** A path that names no endpoint. */
  public static ApiError noRoute(String method, String path) {
    return new ApiError(
        404,
        null,
        "no endpoint " + method + " " + path,
        "see GET /api/v1/health and the README for the endpoints",
        Map.of());
  }

  /**
   * Too much running at once, for this caller or for everyone: retry shortly ({@code Retry-After}
   * says when).
   */
  public static ApiError busy(String message, String hint) {
    return new ApiError(429, null, message, hint, Map.of("retry_after_seconds", 1));
  }

  /** The service has more report work queued than it can start soon: retry shortly. */
  public static ApiError overloaded(int waitedSeconds) {
    return new ApiError(
        503,
        null,
        "the service is busy: this request waited " + waitedSeconds + " s for a free worker",
        "retry in a few seconds",
        Map.of("retry_after_seconds", 2));
  }

  /** A query the engine cannot run, through no fault of the service's health: say so, not 500. */
  public static ApiError unsupportedSql(String message) {
    return new ApiError(
        422,
        "sql",
        "the SQL engine could not run this query: " + message,
        "simplify the query (fewer nested sub-queries, explicit CASTs); the server log has the"
            + " details",
        Map.of());
  }

  /** What the HTTP layer refused before a route ran (too large a body, say), as it said it. */
  public static ApiError refused(int status, String message) {
    return new ApiError(status, null, message.toLowerCase(java.util.Locale.ROOT), null, Map.of());
  }

  /**
   * A request whose credentials are wrong: no detail of which keys exist. A request without any is
   * never this: it is served as the public role.
   */
  public static ApiError unauthorized(String message) {
    return new ApiError(
        401,
        "Authorization",
        message,
        "send 'Authorization: Bearer <key>' with a key from bin/dwh keys create, or no header for"
            + " the public reports",
        Map.of());
  }

  /** Anything unexpected: the detail stays in the server log, the caller gets this. */
  public static ApiError internal() {
    return new ApiError(
        500, null, "internal error: the server log has the details", null, Map.of());
  }

  /** How long a caller is told to wait before asking again while no load has committed. */
  public static final int FIRST_LOAD_RETRY_SECONDS = 2;

  /**
   * The warehouse has no version yet: the server was started to wait for its first load ({@code
   * serve --wait-for-first-load}, as {@code bin/dwh demo} does) and none has committed. A 503 with
   * {@code Retry-After}; {@code "waiting_for_first_load": true} lets a page or client tell it from
   * a busy server.
   */
  public static ApiError nothingLoaded() {
    return new ApiError(
        503,
        null,
        "the warehouse has no version yet: no load into it has committed",
        "the first load is on its way (bin/dwh demo loads the sample); retry in a few seconds,"
            + " or wait for GET /api/v1/health to answer status 'ok'",
        waiting());
  }

  private static Map<String, Object> waiting() {
    Map<String, Object> details = new java.util.LinkedHashMap<>();
    details.put("waiting_for_first_load", true);
    details.put("retry_after_seconds", FIRST_LOAD_RETRY_SECONDS);
    return details;
  }

  /** Whether {@code e} is {@link #nothingLoaded()}. */
  public static boolean isNothingLoaded(ApiError e) {
    return Boolean.TRUE.equals(e.details().get("waiting_for_first_load"));
  }
}
