package uk.dtw.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.dtw.api.ApiServer;
import uk.dtw.api.limits.SqlLimits;
import uk.dtw.api.snapshot.WarehouseSnapshots;
import uk.dtw.api.support.SampleWarehouse;
import uk.dtw.model.schema.Role;

/**
 * More than a thousand hostile and generated requests against a real server over the sample
 * warehouse the ETL built: none gets a 5xx or a body that is not JSON, nothing is written, and
 * afterwards no query is running and no thread burns CPU.
 */
class HostileRequestsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CLIENTS = 4;

  /**
   * Each role's surface: the public one without SQL, the analyst's, the admin's with every table.
   */
  @ParameterizedTest
  @EnumSource(Role.class)
  void a_thousand_hostile_requests_get_4xx_json_and_leave_the_service_idle(Role role)
      throws Exception {
    Path warehouse = SampleWarehouse.path();
    Map<String, Long> filesBefore = files(warehouse);
    ApiServer server =
        new ApiServer(
                WarehouseSnapshots.refreshing(warehouse, Duration.ofSeconds(5)),
                uk.dtw.api.access.Access.anonymous(role),
                SqlLimits.DEFAULTS.withTimeoutSeconds(2))
            .start("127.0.0.1", 0);
    String base = "http://127.0.0.1:" + server.port();
    try {
      List<HostileRequests.Request> requests = new ArrayList<>();
      requests.addAll(HostileRequests.parameters());
      requests.addAll(HostileRequests.sql(new Random(20261202L), 400));
      requests.addAll(HostileRequests.bodies());
      for (String path :
          List.of(
              "/../../etc/passwd",
              "/api/v1/%2e%2e/%2e%2e/",
              "/web/..%2f..%2fpom.xml",
              "/api/v1/" + "x".repeat(20_000),
              "/api/v1/rankings?" + "a=1&".repeat(5000))) {
        requests.add(new HostileRequests.Request(path, null));
      }
      assertThat(requests).hasSizeGreaterThan(1000);

      List<String> failures = Collections.synchronizedList(new ArrayList<>());
      Map<Integer, Integer> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      List<Future<?>> sent = new ArrayList<>();
      for (HostileRequests.Request r : requests) {
        sent.add(pool.submit(() -> check(client, base, r, role, failures, statuses)));
      }
      for (Future<?> f : sent) {
        f.get();
      }
      pool.shutdown();

      assertThat(failures).as("requests answered badly as " + role).isEmpty();
      // They reached the routes: refused as mistakes, as unknown, as busy, and some answered.
      assertThat(statuses).as("statuses").containsKeys(200, 400, 404);
      assertThat(server.queriesRunning()).as("queries still running").isZero();
      assertThat(uk.dtw.api.limits.CpuProbe.busyThreadsOver(1000)).as("busy threads").isEmpty();
      assertThat(get(client, base + "/api/v1/health").statusCode()).isEqualTo(200);
      assertThat(files(warehouse)).as("warehouse files").isEqualTo(filesBefore);
    } finally {
      server.stop();
    }
  }

  private static void check(
      HttpClient client,
      String base,
      HostileRequests.Request r,
      Role role,
      List<String> failures,
      Map<Integer, Integer> statuses) {
    HttpResponse<String> response;
    try {
      URI uri = URI.create(base + r.path());
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
      if (r.body() != null) {
        request
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(r.body()));
      }
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IllegalArgumentException e) {
      return; // a URI the client itself will not send: nothing reaches the server
    } catch (IOException e) {
      failures.add(r + " -> no answer: " + e);
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    int status = response.statusCode();
    statuses.merge(status, 1, Integer::sum);
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (status >= 500) {
      failures.add(r + " -> " + status + " " + abbreviate(response.body()));
    } else if (role == Role.PUBLIC && r.path().startsWith("/api/v1/sql") && status != 404) {
      failures.add(r + " -> " + status + ": SQL answered the public role");
    } else if (status >= 400 && !isJsonError(type, response.body())) {
      failures.add(
          r + " -> " + status + " not a JSON error: " + type + " " + abbreviate(response.body()));
    }
  }

  private static boolean isJsonError(String type, String body) {
    if (!type.startsWith("application/json")) {
      return false;
    }
    try {
      return JSON.readTree(body).path("error").has("message");
    } catch (IOException e) {
      return false;
    }
  }

  private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }

  /** Every file of the warehouse with its size: a write of any kind changes this. */
  private static Map<String, Long> files(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      Map<String, Long> out = new TreeMap<>();
      walk.filter(Files::isRegularFile)
          .forEach(p -> out.put(root.relativize(p).toString(), p.toFile().length()));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
