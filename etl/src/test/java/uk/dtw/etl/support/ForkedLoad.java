package uk.dtw.etl.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A real ETL load in its own JVM (`EtlMain load`), as bin/dwh runs it: something a test can kill.
 */
public final class ForkedLoad {
  public final Process process;
  public final Path output;

  private ForkedLoad(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  public static ForkedLoad start(Path landing, Path warehouse, Path output) {
    return start("local[1]", landing, warehouse, output);
  }

  /** A load on {@code master} with the step lines and no progress display, into {@code output}. */
  public static ForkedLoad start(String master, Path landing, Path warehouse, Path output) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        Arrays.stream(System.getProperty("dtw.spark.opens", "").split("\\s+"))
            .filter(s -> !s.isEmpty())
            .toList());
    command.addAll(
        List.of(
            "-Xmx1g",
            "-cp",
            System.getProperty("java.class.path"),
            "uk.dtw.etl.cli.EtlMain",
            "load",
            "--master",
            master,
            "--landing",
            landing.toString(),
            "--warehouse",
            warehouse.toString()));
    if (!master.startsWith("local")) {
      command.add("--no-progress");
    }
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    try {
      return new ForkedLoad(builder.start(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String output() {
    try {
      return Files.readString(output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Delta commits so far in a table's log: a new one appearing means the load is mid-way. */
  public static long commits(Path table) {
    File[] files = table.resolve("_delta_log").toFile().listFiles((d, n) -> n.endsWith(".json"));
    return files == null ? 0 : files.length;
  }
}
