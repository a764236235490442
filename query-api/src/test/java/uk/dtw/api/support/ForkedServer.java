package uk.dtw.api.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code serve} in its own JVM on a free loopback port, as {@code bin/dwh serve} runs it: one of
 * several processes a load balancer would spread requests over.
 */
public final class ForkedServer implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final Path log;
  public final Http http;

  private ForkedServer(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.http = new Http(port);
  }

  /**
   * Starts a server over {@code warehouse} with {@code options} after the warehouse and port (e.g.
   * {@code --wait-for-first-load}) and returns once it answers its health check.
   */
  public static ForkedServer start(Path warehouse, Path log, String... options) throws IOException {
    Path root = Path.of(System.getProperty("dtw.root", "..")).toAbsolutePath().normalize();
    String classpath =
        root.resolve("query-api/target/classes")
            + File.pathSeparator
            + Files.readString(root.resolve("query-api/target/runtime-classpath.txt")).trim();
    int port = freePort();
    Files.createDirectories(log.getParent());
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                classpath,
                "uk.dtw.api.cli.ServeMain",
                "--warehouse",
                warehouse.toString(),
                "--port",
                String.valueOf(port)));
    command.addAll(List.of(options));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            // Its own folder: no data/api-keys.json of the checkout is picked up by default.
            .directory(log.getParent().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    ForkedServer server = new ForkedServer(builder.start(), log, port);
    server.awaitHealthy();
    return server;
  }

  private void awaitHealthy() throws IOException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("serve exited: " + Files.readString(log));
      }
      try {
        if (http.get("/api/v1/health").statusCode() == 200) {
          return;
        }
      } catch (UncheckedIOException e) {
        // not listening yet
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    close();
    throw new IllegalStateException("serve did not answer within " + START_TIMEOUT + ": " + log);
  }

  /** What the server has printed so far (stdout and stderr). */
  public String output() throws IOException {
    return Files.readString(log);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
