package uk.dtw.api.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Real warehouses built by the real ETL, once per test JVM: the bundled sample extracts, and a
 * small generated national set (every partnership, two years) where every measure has values. The
 * ETL runs in a forked JVM on the etl module's classpath, because Spark must never be on this
 * module's classpath.
 */
public final class SampleWarehouse {
  private static final long ETL_TIMEOUT_MINUTES = 10;
  private static final int OUTPUT_TAIL_LINES = 60;
  private static Path built;
  private static Path national;

  private SampleWarehouse() {}

  /** The folder of the loaded sample warehouse, built on first call (fresh for each test JVM). */
  public static synchronized Path path() {
    if (built == null) {
      built = build();
    }
    return built;
  }

  /**
   * A warehouse loaded from {@code bin/dwh generate} output for 2007-08 and 2008-09 (seed 7): all
   * 151 partnerships with prevalence, treatment, funding, targets and episodes at 1% of England's
   * size, so every catalogued measure ranks.
   */
  public static synchronized Path national() {
    if (national == null) {
      Path root = root();
      Path landing = root.resolve("query-api/target/national-landing");
      Path target = root.resolve("query-api/target/national-warehouse");
      deleteRecursively(landing);
      deleteRecursively(target);
      run(
          etl(
              root,
              "generate",
              "--out",
              landing.toString(),
              "--from",
              "2007-08",
              "--to",
              "2008-09",
              "--seed",
              "7",
              "--scale",
              "0.01"),
          root.resolve("query-api/target/national-generate.log"));
      run(
          etl(root, "load", "--landing", landing.toString(), "--warehouse", target.toString()),
          root.resolve("query-api/target/national-warehouse-etl.log"));
      national = target;
    }
    return national;
  }

  /**
   * A warehouse the real ETL loads from a test's own landing folder (a classpath resource folder
   * such as {@code disclosure/landing}), into {@code query-api/target/<name>-warehouse}.
   */
  public static synchronized Path load(String name, Path landing) {
    Path root = root();
    Path target = root.resolve("query-api/target/" + name + "-warehouse");
    deleteRecursively(target);
    run(
        etl(root, "load", "--landing", landing.toString(), "--warehouse", target.toString()),
        root.resolve("query-api/target/" + name + "-warehouse-etl.log"));
    return target;
  }

  /**
   * A real ETL load of {@code landing} into an existing {@code warehouse}, started and not awaited:
   * for a test that watches servers while it commits.
   */
  public static Process startLoad(Path landing, Path warehouse, Path log) {
    ProcessBuilder builder =
        new ProcessBuilder(
                etl(
                    root(),
                    "load",
                    "--no-progress",
                    "--landing",
                    landing.toString(),
                    "--warehouse",
                    warehouse.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the ETL", e);
    }
  }

  private static Path root() {
    return Path.of(System.getProperty("dtw.root", "..")).toAbsolutePath().normalize();
  }

  /** The java command that runs the ETL's command line with these arguments. */
  private static List<String> etl(Path root, String... arguments) {
    Path classes = root.resolve("etl/target/classes");
    Path classpathFile = root.resolve("etl/target/runtime-classpath.txt");
    if (!Files.isDirectory(classes) || !Files.isRegularFile(classpathFile)) {
      throw new IllegalStateException(
          "the etl module is not built ("
              + classpathFile
              + " missing): run `mvn -pl etl -am package -DskipTests` first");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(System.getProperty("dtw.spark.opens", "").trim().split("\\s+")));
    command.removeIf(String::isEmpty);
    command.addAll(
        List.of(
            "-cp",
            classes + File.pathSeparator + read(classpathFile).trim(),
            "uk.dtw.etl.cli.EtlMain"));
    command.addAll(Arrays.asList(arguments));
    return command;
  }

  private static Path build() {
    Path root = root();
    Path target = root.resolve("query-api/target/sample-warehouse");
    Path log = root.resolve("query-api/target/sample-warehouse-etl.log");
    deleteRecursively(target);
    List<String> command =
        etl(
            root,
            "load",
            "--landing",
            root.resolve("data/sample").toString(),
            "--warehouse",
            target.toString());
    run(command, log);
    return target;
  }

  private static void run(List<String> command, Path log) {
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    try {
      Process process = builder.start();
      if (!process.waitFor(ETL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "the sample ETL load took over "
                + ETL_TIMEOUT_MINUTES
                + " minutes; its output ends:\n"
                + tail(log));
      }
      // load exits 1 when rows were held back: the sample and generated sets hold none back.
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "the sample ETL load failed (exit "
                + process.exitValue()
                + "); full output in "
                + log
                + "; it ends:\n"
                + tail(log));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the ETL: " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading the sample warehouse", e);
    }
  }

  private static String tail(Path log) {
    List<String> lines = Arrays.asList(read(log).split("\n"));
    return String.join(
        "\n", lines.subList(Math.max(0, lines.size() - OUTPUT_TAIL_LINES), lines.size()));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + folder, e);
    }
  }
}
