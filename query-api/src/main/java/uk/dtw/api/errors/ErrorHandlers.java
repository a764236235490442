package uk.dtw.api.errors;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.dtw.api.formats.Format;
import uk.dtw.api.formats.Headers;
import uk.dtw.api.formats.JsonOut;

/**
 * Maps errors to HTTP once: ApiErrors as they are, anything else as a logged 500, unknown paths as
 * 404.
 */
public final class ErrorHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorHandlers.class);
  private static final String ANSWERED = "dtw.error.answered";

  private ErrorHandlers() {}

  public static void register(RoutesConfig routes) {
    routes.exception(ApiError.class, (e, ctx) -> answer(ctx, e));
    // Javalin's own refusals (a body over the size limit, say) as the same JSON, not plain text.
    routes.exception(
        HttpResponseException.class,
        (e, ctx) ->
            answer(
                ctx,
                e.getStatus() == 404
                    // One wording for every unknown path, whichever layer found it unknown.
                    ? Errors.noRoute(ctx.method().name(), ctx.path())
                    : Errors.refused(e.getStatus(), e.getMessage())));
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
          answer(ctx, Errors.internal());
        });
    // Runs for every 404, including those we answered ourselves: only fill in unanswered ones.
    routes.error(
        404,
        ctx -> {
          if (ctx.attribute(ANSWERED) == null) {
            answer(ctx, Errors.noRoute(ctx.method().name(), ctx.path()));
          }
        });
  }

  private static void answer(Context ctx, ApiError e) {
    ctx.attribute(ANSWERED, Boolean.TRUE);
    Object retry = e.details().get("retry_after_seconds");
    if (retry != null) {
      ctx.header("Retry-After", retry.toString());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", e.body());
    String version = ctx.res().getHeader(Headers.WAREHOUSE_VERSION);
    body.put("warehouse_version", version == null ? null : Long.valueOf(version));
    ctx.status(e.status()).contentType(Format.JSON.contentType()).result(JsonOut.write(body));
  }
}
