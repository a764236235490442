package uk.dtw.api.routes;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import uk.dtw.api.formats.Headers;
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
}
