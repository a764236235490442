package uk.dtw.etl.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A real Spark standalone cluster on loopback: a master and workers, each its own JVM on the
 * project's Maven classpath (no Spark distribution), every address and web UI on 127.0.0.1.
 */
public final class StandaloneCluster implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  public final String masterUrl;
  private final int masterUi;
  private final Path dir;
  private final List<Process> processes = new ArrayList<>();
  private final List<Process> workers = new ArrayList<>();

  private StandaloneCluster(Path dir, int masterPort, int masterUi) {
    this.dir = dir;
    this.masterUrl = "spark://127.0.0.1:" + masterPort;
    this.masterUi = masterUi;
  }

  /** Starts a master and {@code workers} workers of one core and {@code memory} each. */
  public static StandaloneCluster start(Path dir, int workers, String memory) throws IOException {
    // The worker launches executors from $SPARK_HOME/jars, which must exist; ours come from
    // spark.executor.extraClassPath instead, so it stays empty.
    Files.createDirectories(dir.resolve("spark-home/jars"));
    StandaloneCluster cluster = new StandaloneCluster(dir, freePort(), freePort());
    try {
      int port = Integer.parseInt(cluster.masterUrl.replaceAll(".*:", ""));
      cluster.launch(
          "master",
          "org.apache.spark.deploy.master.Master",
          "--host",
          "127.0.0.1",
          "--port",
          String.valueOf(port),
          "--webui-port",
          String.valueOf(cluster.masterUi));
      for (int i = 0; i < workers; i++) {
        Path work = Files.createDirectories(dir.resolve("worker-" + i));
        cluster.workers.add(
            cluster.launch(
                "worker-" + i,
                "org.apache.spark.deploy.worker.Worker",
                "--host",
                "127.0.0.1",
                "--cores",
                "1",
                "--memory",
                memory,
                "--webui-port",
                String.valueOf(freePort()),
                "--work-dir",
                work.toString(),
                cluster.masterUrl));
      }
      cluster.awaitWorkers(workers);
      return cluster;
    } catch (IOException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** Whether this machine can bind a socket on 127.0.0.1 at all. */
  public static boolean loopbackAvailable() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort() > 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** Worker {@code i}'s running executor JVM, if it has one. */
  public Optional<ProcessHandle> executorOf(int i) {
    return workers
        .get(i)
        .descendants()
        .filter(p -> commandLine(p).contains("CoarseGrainedExecutorBackend"))
        .findFirst();
  }

  /**
   * A process's command line from /proc (ProcessHandle.Info gives none for a command line this
   * long), or what ProcessHandle knows elsewhere.
   */
  private static String commandLine(ProcessHandle p) {
    Path proc = Path.of("/proc", String.valueOf(p.pid()), "cmdline");
    try {
      return Files.readString(proc).replace('\0', ' ');
    } catch (IOException e) {
      return p.info().commandLine().orElse("");
    }
  }

  /** Executor folders worker {@code i} has made so far (one per executor it launched). */
  public long executorsLaunchedBy(int i) throws IOException {
    try (var apps = Files.walk(dir.resolve("worker-" + i), 2)) {
      return apps.filter(p -> p.getParent().getFileName().toString().startsWith("app-")).count();
    }
  }

  private Process launch(String name, String main, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx384m"));
    command.addAll(
        Arrays.stream(System.getProperty("dtw.spark.opens", "").split("\\s+"))
            .filter(s -> !s.isEmpty())
            .toList());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(name + ".log").toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.environment().put("SPARK_HOME", dir.resolve("spark-home").toString());
    builder.environment().put("SPARK_SCALA_VERSION", "2.13");
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  private void awaitWorkers(int count) {
    HttpClient http = HttpClient.newHttpClient();
    URI status = URI.create("http://127.0.0.1:" + masterUi + "/json/");
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    String last = "";
    while (Instant.now().isBefore(deadline)) {
      processes.stream()
          .filter(p -> !p.isAlive())
          .findFirst()
          .ifPresent(
              p -> {
                throw new IllegalStateException("a cluster JVM exited: see the logs in " + dir);
              });
      try {
        last =
            http.send(HttpRequest.newBuilder(status).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        if (last.replaceAll("\\s", "").contains("\"aliveworkers\":" + count)) {
          return;
        }
      } catch (IOException e) {
        last = e.toString(); // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(500);
    }
    throw new IllegalStateException(
        count + " workers did not register within " + START_TIMEOUT + "; master said: " + last);
  }

  static String javaCommand() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stops the workers first (they take their executors with them), then the master. */
  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process p = processes.get(i);
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroy();
      try {
        if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    }
    if (processes.stream().anyMatch(Process::isAlive)) {
      throw new UncheckedIOException(new IOException("cluster JVMs still running in " + dir));
    }
  }
}
