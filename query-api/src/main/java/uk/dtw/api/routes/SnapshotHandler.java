package uk.dtw.api.routes;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import uk.dtw.api.errors.ApiError;
import uk.dtw.api.errors.Errors;
import uk.dtw.api.formats.Headers;
import uk.dtw.api.limits.ReportWorkers;
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
   * As {@link #using}, but a request for the latest version while the warehouse has none yet (see
   * {@link Errors#nothingLoaded()}) is answered by {@code waiting} instead of the 503.
   */
  static Handler orWaiting(
      SnapshotSource source, SnapshotHandler body, io.javalin.http.Handler waiting) {
    Handler latest = using(source, body);
    return ctx -> {
      if (Params.asOf(ctx) == null && source != null && source.currentVersion() < 0) {
        Snapshot snapshot;
        try {
          snapshot = source.acquire();
        } catch (ApiError e) {
          if (Errors.isNothingLoaded(e)) {
            waiting.handle(ctx);
            return;
          }
          throw e;
        }
        snapshot.release();
      }
      latest.handle(ctx);
    };
  }

  /**
   * As {@link #using}, for a named report read by GET: an answer this version gave before to the
   * same path and parameters is sent again without touching the warehouse; so is a mistake (400,
   * 404) it answered, not being busy.
   */
  static Handler cached(SnapshotSource source, SnapshotHandler body) {
    return using(
        source,
        (ctx, snapshot) -> {
          String request = request(ctx);
          Answers answers = snapshot.answers();
          Answers.Answer kept = answers.get(request);
          CompletableFuture<Answers.Answer> mine = new CompletableFuture<>();
          boolean leading = false;
          if (kept == null) {
            CompletableFuture<Answers.Answer> other = answers.computing(request, mine);
            leading = other == null;
            // A leader that finished just before we registered has left its answer kept.
            kept = leading ? answers.get(request) : await(other);
            if (leading && kept != null) {
              mine.complete(kept);
              answers.computed(request, mine);
            }
          }
          if (kept != null) {
            if (kept.error() != null) {
              throw kept.error();
            }
            ctx.contentType(kept.contentType()).result(kept.body());
            return;
          }
          try {
            ReportWorkers.run(() -> body.handle(ctx, snapshot));
            if (ctx.status().getCode() == 200 && ctx.resultInputStream() != null) {
              byte[] bytes = ctx.resultInputStream().readAllBytes();
              ctx.result(bytes);
              Answers.Answer answer = new Answers.Answer(ctx.res().getContentType(), bytes);
              answers.put(request, answer);
              mine.complete(answer);
            }
          } catch (ApiError e) {
            if (e.status() == 400 || e.status() == 404) {
              Answers.Answer mistake = Answers.Answer.of(e);
              answers.put(request, mistake);
              mine.complete(mistake);
            }
            throw e;
          } finally {
            mine.complete(null);
            if (leading) {
              answers.computed(request, mine);
            }
          }
        });
  }

  /**
   * The answer another request for the same report was computing, once it has: sixty-four clients
   * asking for one cold ranking compute it once, not sixty-four times. Null when it ended without
   * an answer to share (then this request computes its own).
   */
  private static Answers.Answer await(CompletableFuture<Answers.Answer> other) throws Exception {
    try {
      return other.get(ReportWorkers.WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw Errors.overloaded(ReportWorkers.WAIT_SECONDS);
    }
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
