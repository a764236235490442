package uk.dtw.api.disclosure;

import io.javalin.http.Context;
import uk.dtw.api.access.Access;
import uk.dtw.model.schema.Role;

/**
 * Whether a request's answer is public output, the switch disclosure control hangs on: answers to
 * the public role (every caller without a key) are; an analyst's or admin's key, which already
 * reads the record-level counts through SQL, sees the reports unsuppressed.
 */
public final class PublicOutput {
  private PublicOutput() {}

  public static boolean of(Context ctx) {
    return Access.role(ctx) == Role.PUBLIC;
  }
}
