package uk.dtw.api.routes;

import io.javalin.http.Context;
import uk.dtw.api.errors.Errors;

/** Reading optional query parameters, with errors that name the parameter. */
final class Params {
  private Params() {}

  /** The trimmed value, or null when absent or blank. */
  static String optional(Context ctx, String name) {
    String value = ctx.queryParam(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * Every value of a parameter given repeatedly or comma-separated (a=x&a=y or a=x,y), trimmed,
   * blanks dropped.
   */
  static java.util.List<String> list(Context ctx, String name) {
    return ctx.queryParams(name).stream()
        .flatMap(v -> java.util.Arrays.stream(v.split(",")))
        .map(String::strip)
        .filter(v -> !v.isEmpty())
        .distinct()
        .toList();
  }

  /** The {@code as_of} warehouse version, or null for the latest. */
  static Long asOf(Context ctx) {
    String value = optional(ctx, "as_of");
    if (value == null) {
      return null;
    }
    try {
      long version = Long.parseLong(value);
      if (version >= 0) {
        return version;
      }
    } catch (NumberFormatException e) {
      // answered below, with what was expected
    }
    throw Errors.malformed(
        "as_of", value, "a warehouse version: a whole number from 0 (see warehouse_version)");
  }

  /** An optional whole number within [min, max], or null when absent. */
  static Integer boundedInt(Context ctx, String name, int min, int max) {
    return boundedInt(name, optional(ctx, name), min, max);
  }

  static Integer boundedInt(String name, String value, int min, int max) {
    if (value == null) {
      return null;
    }
    String expected = "a whole number from " + min + " to " + max;
    try {
      int n = Integer.parseInt(value.strip());
      if (n < min || n > max) {
        throw Errors.malformed(name, value, expected);
      }
      return n;
    } catch (NumberFormatException e) {
      throw Errors.malformed(name, value, expected);
    }
  }
}
