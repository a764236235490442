package uk.dtw.api.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.dtw.api.formats.Headers;
import uk.dtw.api.support.ForkedServer;
import uk.dtw.api.support.Http;
import uk.dtw.api.support.SampleWarehouse;

/**
 * Two {@code serve} processes on one warehouse behind a client-side round robin, as behind a load
 * balancer, while a load commits: every answer comes from one version, the same version gives the
 * same answer from either server, and both move to the new version within seconds of its commit.
 */
@org.junit.jupiter.api.Tag("cluster")
class RoundRobinServersTest {
  private static final List<String> PATHS =
      List.of(
          "/api/v1/rankings?measure=penetration&period=2008-09",
          "/api/v1/targets?partnership=Suffolk");

  /** serve looks for a new version every 5 s; an answer takes well under a second here. */
  private static final Duration CONVERGES_WITHIN = Duration.ofSeconds(15);

  private record Answer(int server, String path, long header, long body, String text) {}

  @Test
  void two_servers_answer_from_one_version_each_and_both_move_to_a_new_load() throws Exception {
    Path work = Path.of("target/round-robin").toAbsolutePath();
    Path landing = work.resolve("landing");
    copySampleWithout(landing, "targets.csv");
    Path warehouse = SampleWarehouse.load("round-robin", landing);

    try (ForkedServer a = ForkedServer.start(warehouse, work.resolve("a/serve.log"));
        ForkedServer b = ForkedServer.start(warehouse, work.resolve("b/serve.log"))) {
      List<Http> servers = List.of(a.http, b.http);
      long first = ask(servers, 0, PATHS.get(0)).header();
      Files.copy(sample().resolve("targets.csv"), landing.resolve("targets.csv"));
      Process load = SampleWarehouse.startLoad(landing, warehouse, work.resolve("load.log"));

      List<Answer> answers = new ArrayList<>();
      Instant committed = null;
      Instant deadline = null;
      for (int turn = 0; deadline == null || Instant.now().isBefore(deadline); turn++) {
        Answer answer = ask(servers, turn % 2, PATHS.get((turn / 2) % PATHS.size()));
        answers.add(answer);
        if (committed == null && !load.isAlive()) {
          committed = Instant.now();
          deadline = committed.plus(CONVERGES_WITHIN);
        }
        if (committed != null && bothServe(answers, first)) {
          break;
        }
      }
      assertThat(load.exitValue()).as(Files.readString(work.resolve("load.log"))).isZero();

      assertThat(answers).allSatisfy(x -> assertThat(x.header()).isEqualTo(x.body()));
      assertThat(bothServe(answers, first))
          .as("both servers serve the new version within " + CONVERGES_WITHIN)
          .isTrue();
      Map<String, String> byVersionAndPath = new HashMap<>();
      for (Answer x : answers) {
        String before = byVersionAndPath.putIfAbsent(x.body() + " " + x.path(), x.text());
        assertThat(before == null || before.equals(x.text()))
            .as("server %d's answer to %s at version %d", x.server(), x.path(), x.body())
            .isTrue();
      }
      for (int server = 0; server < 2; server++) {
        int s = server;
        List<Long> seen = answers.stream().filter(x -> x.server() == s).map(Answer::body).toList();
        assertThat(seen).as("server " + s + " never goes back a version").isSorted();
      }
      long last = answers.get(answers.size() - 1).body();
      assertThat(byVersionAndPath.get(last + " " + PATHS.get(1)))
          .as("the new version's answer differs: it has the targets the load added")
          .isNotEqualTo(byVersionAndPath.get(first + " " + PATHS.get(1)));
    }
  }

  private static boolean bothServe(List<Answer> answers, long old) {
    return Stream.of(0, 1)
        .allMatch(
            s ->
                answers.stream()
                    .filter(x -> x.server() == s)
                    .reduce((x, y) -> y)
                    .map(x -> x.body() > old)
                    .orElse(false));
  }

  private static Answer ask(List<Http> servers, int server, String path) {
    HttpResponse<String> response = servers.get(server).get(path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    long header =
        Long.parseLong(response.headers().firstValue(Headers.WAREHOUSE_VERSION).orElse("-1"));
    long body = Http.json(response).get("warehouse_version").asLong();
    return new Answer(server, path, header, body, response.body());
  }

  private static void copySampleWithout(Path landing, String heldBack) throws IOException {
    Path sample = sample();
    if (Files.exists(landing)) {
      try (Stream<Path> old = Files.walk(landing)) {
        for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    try (Stream<Path> files = Files.walk(sample)) {
      for (Path from : files.toList()) {
        Path to = landing.resolve(sample.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else if (!from.getFileName().toString().equals(heldBack)) {
          Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** The bundled sample extracts. */
  private static Path sample() {
    return Path.of(System.getProperty("dtw.root", "..")).resolve("data/sample").toAbsolutePath();
  }
}
