package uk.dtw.api.routes;

import io.javalin.http.Context;

/**
 * Who is asking, for limits kept per caller: the remote address (every key-less caller on one
 * machine is one caller, which is what a per-caller limit should mean for them).
 */
final class Callers {
  private Callers() {}

  static String of(Context ctx) {
    return ctx.ip();
  }
}
