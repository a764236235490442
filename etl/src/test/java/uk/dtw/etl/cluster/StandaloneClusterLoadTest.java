package uk.dtw.etl.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.dtw.etl.support.ForkedLoad;
import uk.dtw.etl.support.SameFigures;
import uk.dtw.etl.support.StandaloneCluster;
import uk.dtw.etl.support.Warehouses;
import uk.dtw.etl.synthetic.NationalExtracts;
import uk.dtw.model.schema.AuditTables;
import uk.dtw.model.schema.Facts;
import uk.dtw.model.vocabulary.FinancialYear;

/**
 * The load as {@code bin/dwh load --master spark://...} runs it, on a real standalone cluster of a
 * master and two workers on loopback, against a local load of the same generated national files.
 */
@org.junit.jupiter.api.Tag("cluster")
class StandaloneClusterLoadTest {
  /** Master, two workers, two 1 GiB executors, the forked driver and this JVM's Spark. */
  private static final long MEMORY_NEEDED_MIB = 6 * 1024;

  private static final int EPISODE_FILES = 4;

  /** Under target/, not a temporary folder: the cluster's and executors' logs outlive a failure. */
  private static final Path dir = Path.of("target/standalone-cluster-test").toAbsolutePath();

  private static StandaloneCluster cluster;
  private static Warehouses local;

  @BeforeAll
  static void start_a_cluster_and_load_the_files_locally() throws IOException {
    Warehouses.deleteRecursively(dir);
    assumeTrue(
        StandaloneCluster.loopbackAvailable(),
        "cannot bind 127.0.0.1 on this machine: a loopback cluster cannot start");
    long available = availableMemoryMib();
    assumeTrue(
        available >= MEMORY_NEEDED_MIB,
        "only "
            + available
            + " MiB of memory available; a loopback cluster needs "
            + MEMORY_NEEDED_MIB);
    local = new Warehouses(dir.resolve("local"));
    // Every partnership, one year, episodes at half a percent of England's size.
    FinancialYear year = FinancialYear.parse("2008-09").orElseThrow();
    new NationalExtracts(11, 0.005).write(local.landing, year, year);
    inFewerFiles(local.landing.resolve("episodes"), EPISODE_FILES);
    cluster = StandaloneCluster.start(dir.resolve("cluster"), 2, "1g");
    local.load();
  }

  /**
   * The generator writes a file per partnership; the same episodes regrouped into a few files of
   * many partnerships each (a layout extracts have too: the partnership is a column) make fewer
   * tasks for the two cores the driver, both executors and this JVM share (measured: the local load
   * 2 min 0 s instead of 2 min 20 s).
   */
  private static void inFewerFiles(Path episodes, int files) throws IOException {
    List<Path> each;
    try (Stream<Path> walk = Files.walk(episodes)) {
      each = walk.filter(Files::isRegularFile).sorted().toList();
    }
    List<List<String>> grouped = new ArrayList<>();
    for (int i = 0; i < each.size(); i++) {
      List<String> lines = Files.readAllLines(each.get(i));
      if (i < files) {
        grouped.add(new ArrayList<>(lines));
      } else {
        grouped.get(i % files).addAll(lines.subList(1, lines.size()));
      }
      Files.delete(each.get(i));
    }
    for (int g = 0; g < grouped.size(); g++) {
      Files.write(episodes.resolve("episodes_group_" + g + ".csv"), grouped.get(g));
    }
  }

  @AfterAll
  static void stop_the_cluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void a_load_on_the_cluster_gives_every_figure_a_local_load_gives() throws Exception {
    Path warehouse = dir.resolve("on-cluster");
    ForkedLoad load =
        ForkedLoad.start(
            cluster.masterUrl, local.landing, warehouse, dir.resolve("on-cluster.log"));

    try {
      assertThat(load.process.waitFor(10, TimeUnit.MINUTES)).as(load.output()).isTrue();
    } finally {
      load.process.destroyForcibly();
    }
    assertThat(load.process.exitValue()).as(load.output()).isZero();
    assertThat(new SameFigures().differences(local.warehouse, warehouse)).isEmpty();
    assertThat(new SameFigures().rows(warehouse, Facts.EPISODE)).isGreaterThan(500);
  }

  @Test
  void a_load_whose_executor_is_killed_mid_job_still_finishes_with_the_same_figures()
      throws Exception {
    Path warehouse = dir.resolve("killed-executor");
    long launchedBefore = cluster.executorsLaunchedBy(0);
    ForkedLoad load =
        ForkedLoad.start(
            cluster.masterUrl, local.landing, warehouse, dir.resolve("killed-executor.log"));

    try {
      killAnExecutorMidJob(load, warehouse);
      assertThat(load.process.waitFor(10, TimeUnit.MINUTES)).as(load.output()).isTrue();
    } finally {
      load.process.destroyForcibly(); // a no-op once it has ended; no load outlives a failure
    }

    assertThat(load.process.exitValue()).as(load.output()).isZero();
    assertThat(cluster.executorsLaunchedBy(0) - launchedBefore)
        .as("worker 0 started a new executor for the job after the kill")
        .isGreaterThanOrEqualTo(2);
    assertThat(new SameFigures().differences(local.warehouse, warehouse)).isEmpty();
  }

  private static void killAnExecutorMidJob(ForkedLoad load, Path warehouse)
      throws InterruptedException {
    // Mid-job: reading the episodes, the biggest stage, with rows cached on both executors.
    while (!load.output().contains("loading " + EPISODE_FILES + " episodes files")) {
      assertThat(load.process.isAlive()).as(load.output()).isTrue();
      Thread.sleep(200);
    }
    Thread.sleep(1000);
    Optional<ProcessHandle> executor = cluster.executorOf(0);
    assertThat(executor).as("worker 0's executor").isPresent();
    assertThat(load.process.isAlive()).as("the load was still running at the kill").isTrue();
    assertThat(ForkedLoad.commits(warehouse.resolve(AuditTables.META_LOAD.relativePath())))
        .as("nothing committed before the kill")
        .isEqualTo(1);
    executor.get().destroyForcibly();
  }

  private static long availableMemoryMib() throws IOException {
    Path meminfo = Path.of("/proc/meminfo");
    if (!Files.isReadable(meminfo)) {
      return Long.MAX_VALUE; // not Linux: nothing to go by, so try
    }
    return Files.readAllLines(meminfo).stream()
        .filter(l -> l.startsWith("MemAvailable:"))
        .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024)
        .findFirst()
        .orElse(0L);
  }
}
