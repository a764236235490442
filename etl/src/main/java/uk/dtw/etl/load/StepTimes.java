package uk.dtw.etl.load;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * The wall time of each step of a load, from the step lines it prints to the one summary line at
 * its end: where a load's minutes went, without a profiler (a step is timed until the next begins).
 * Beside it, the CPU time this JVM spent in the step (driver and, in local mode, executors): on a
 * busy machine wall time waits for cores, CPU time does not.
 */
final class StepTimes {
  private final Consumer<String> progress;
  private final LongSupplier nanos;
  private final LongSupplier cpuNanos;
  private final Map<String, long[]> took = new LinkedHashMap<>();
  private final long started;
  private final long startedCpu;
  private String current;
  private long since;
  private long sinceCpu;

  StepTimes(Consumer<String> progress) {
    this(progress, System::nanoTime, StepTimes::processCpuNanos);
  }

  StepTimes(Consumer<String> progress, LongSupplier nanos, LongSupplier cpuNanos) {
    this.progress = progress;
    this.nanos = nanos;
    this.cpuNanos = cpuNanos;
    this.started = nanos.getAsLong();
    this.startedCpu = cpuNanos.getAsLong();
    this.since = started;
    this.sinceCpu = startedCpu;
  }

  /** This JVM's CPU time, every thread; 0 where the JVM cannot tell. */
  private static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? Math.max(0, os.getProcessCpuTime())
        : 0;
  }

  /**
   * Prints the step's line (none when null) and times it as {@code name}; steps of one name add up.
   */
  void step(String name, String line) {
    end();
    current = name;
    if (line != null) {
      progress.accept(line);
    }
  }

  /** Ends the step under way, if any. */
  void end() {
    long now = nanos.getAsLong();
    long nowCpu = cpuNanos.getAsLong();
    if (current != null) {
      long[] t = took.computeIfAbsent(current, k -> new long[2]);
      t[0] += now - since;
      t[1] += nowCpu - sinceCpu;
    }
    current = null;
    since = now;
    sinceCpu = nowCpu;
  }

  /**
   * "time per step (wall/cpu): listing 3.1/2.0s, reading episodes 40.2/61.5s, ... (total
   * 61.0/80.3s)", every step so far.
   */
  String summary() {
    end();
    return "time per step (wall/cpu): "
        + took.entrySet().stream()
            .map(e -> e.getKey() + " " + seconds(e.getValue()[0], e.getValue()[1]))
            .collect(Collectors.joining(", "))
        + " (total "
        + seconds(nanos.getAsLong() - started, cpuNanos.getAsLong() - startedCpu)
        + ")";
  }

  private static String seconds(long wall, long cpu) {
    return String.format(Locale.ROOT, "%.1f/%.1fs", wall / 1e9, cpu / 1e9);
  }
}
