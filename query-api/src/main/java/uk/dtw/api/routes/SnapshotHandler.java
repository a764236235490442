package uk.dtw.api.routes;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import uk.dtw.api.formats.Headers;
import uk.dtw.api.snapshot.Answers;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.api.snapshot.SnapshotSource;

/** A route body that answers from one warehouse snapshot, held for exactly the request. */
@FunctionalInterface
interface SnapshotHandler {
  void handle(Context ctx, Snapshot snapshot) throws Exception;

  /**
   * The Javalin handler: acquire (the latest, or the {@code as_of} version), stamp the version
   * header, run, release (also on error).
   */
  static Handler using(SnapshotSource source, SnapshotHandler body) {
    return ctx -> {
      Long asOf = Params.asOf(ctx);
      Snapshot snapshot = asOf == null ? source.acquire() : source.acquire(asOf);
      try {
        ctx.header(Headers.WAREHOUSE_VERSION, Long.toString(snapshot.version()));
        body.handle(ctx, snapshot);
      } finally {
        snapshot.release();
      }
    };
  }

  /**
   * As {@link #using}, for a named report read by GET: an answer this version gave before to the
   * same path and parameters is sent again without touching the warehouse. Errors are not kept.
   */
  static Handler cached(SnapshotSource source, SnapshotHandler body) {
    return using(
        source,
        (ctx, snapshot) -> {
          String request = request(ctx);
          Answers.Answer kept = snapshot.answers().get(request);
          if (kept != null) {
            ctx.contentType(kept.contentType()).result(kept.body());
            return;
          }
          body.handle(ctx, snapshot);
          if (ctx.status().getCode() == 200 && ctx.resultInputStream() != null) {
            byte[] bytes = ctx.resultInputStream().readAllBytes();
            ctx.result(bytes);
            snapshot.answers().put(request, new Answers.Answer(ctx.res().getContentType(), bytes));
          }
        });
  }

  /**
   * Role, path and parameters in a canonical order; as_of is already the snapshot's version. The
   * role is part of it because what a role is shown may differ (the catalogue, suppression).
   */
  private static String request(Context ctx) {
    StringBuilder key =
        new StringBuilder(uk.dtw.api.access.Access.role(ctx).id()).append(' ').append(ctx.path());
    new java.util.TreeMap<>(ctx.queryParamMap())
        .forEach(
            (name, values) -> {
              if (!name.equals("as_of")) {
                key.append('&').append(name).append('=').append(String.join("\u0000", values));
              }
            });
    return key.toString();
  }
}
