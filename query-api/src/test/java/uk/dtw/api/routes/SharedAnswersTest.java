package uk.dtw.api.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import uk.dtw.api.snapshot.FixedSnapshotSource;
import uk.dtw.api.support.FakeWarehouse;
import uk.dtw.api.support.Http;

/** Many clients asking at once for the same cold report share one computation of it. */
class SharedAnswersTest {
  @Test
  void sixteen_requests_at_once_for_one_report_compute_it_once() throws Exception {
    AtomicInteger computed = new AtomicInteger();
    FixedSnapshotSource source = new FixedSnapshotSource(FakeWarehouse.snapshot());
    Javalin app =
        Javalin.create(
                cfg ->
                    cfg.routes.get(
                        "/report",
                        SnapshotHandler.cached(
                            source,
                            (ctx, snapshot) -> {
                              int n = computed.incrementAndGet();
                              Thread.sleep(500); // a cold report: long enough for all to arrive
                              ctx.contentType("text/plain").result("answer " + n);
                            })))
            .start("127.0.0.1", 0);
    try {
      Http http = new Http(app.port());
      List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        calls.add(CompletableFuture.supplyAsync(() -> http.get("/report?region=x")));
      }
      for (CompletableFuture<HttpResponse<String>> call : calls) {
        assertThat(call.get().statusCode()).isEqualTo(200);
        assertThat(call.get().body()).isEqualTo("answer 1");
      }
      assertThat(computed.get()).isEqualTo(1);
    } finally {
      app.stop();
      source.close();
    }
  }

  @Test
  void a_mistake_is_kept_like_an_answer_but_being_busy_is_not() throws Exception {
    AtomicInteger computed = new AtomicInteger();
    FixedSnapshotSource source = new FixedSnapshotSource(FakeWarehouse.snapshot());
    Javalin app =
        Javalin.create(
                cfg -> {
                  cfg.routes.get(
                      "/mistake",
                      SnapshotHandler.cached(
                          source,
                          (ctx, snapshot) -> {
                            computed.incrementAndGet();
                            throw uk.dtw.api.errors.Errors.noRoute("GET", "/nothing");
                          }));
                  cfg.routes.get(
                      "/busy",
                      SnapshotHandler.cached(
                          source,
                          (ctx, snapshot) -> {
                            computed.incrementAndGet();
                            throw uk.dtw.api.errors.Errors.busy("busy", "retry");
                          }));
                  uk.dtw.api.errors.ErrorHandlers.register(cfg.routes);
                })
            .start("127.0.0.1", 0);
    try {
      Http http = new Http(app.port());
      HttpResponse<String> first = http.get("/mistake?x=1");
      HttpResponse<String> again = http.get("/mistake?x=1");
      assertThat(first.statusCode()).isEqualTo(404);
      assertThat(again.body()).isEqualTo(first.body());
      assertThat(computed.get()).as("the mistake computed once").isEqualTo(1);

      assertThat(http.get("/busy").statusCode()).isEqualTo(429);
      assertThat(http.get("/busy").statusCode()).isEqualTo(429);
      assertThat(computed.get()).as("busy is asked again each time").isEqualTo(3);
    } finally {
      app.stop();
      source.close();
    }
  }
}
