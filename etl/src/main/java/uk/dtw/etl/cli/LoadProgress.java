package uk.dtw.etl.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import uk.dtw.etl.load.ReadMeter;

/**
 * The load's progress on stderr, from a {@link ReadMeter}: one line redrawn in place every second
 * when stderr is a terminal, else (a log, CI) a plain line every 10 seconds and one at the end. A
 * line reads
 *
 * <pre>[45s] 312/1,542 files, 600,000 rows (20,000/s), 1,200/4,800 MB, ~1m30s left</pre>
 *
 * <p>elapsed time, the new files and rows read so far and the rate (over the time spent reading),
 * the megabytes of the new files read, and an estimate of the time left reading them: the bytes
 * still to read at the rate bytes have been read so far. Writing the tables comes after and is not
 * in the estimate; the step lines the load prints say what it is doing then.
 */
final class LoadProgress implements AutoCloseable {
  static final long TERMINAL_EVERY_MILLIS = 1_000;
  static final long LOG_EVERY_MILLIS = 10_000;

  /** Sized for an 80-column terminal; a line redrawn in place must not wrap. */
  static final int TERMINAL_WIDTH = 79;

  private final ReadMeter meter;
  private final PrintStream err;
  private final boolean terminal;
  private final long started = System.nanoTime();
  private final ScheduledExecutorService timer;
  private int shownWidth;
  private String lastStep = "starting";

  private LoadProgress(ReadMeter meter, PrintStream err, boolean terminal) {
    this.meter = meter;
    this.err = err;
    this.terminal = terminal;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "load-progress");
              t.setDaemon(true);
              return t;
            });
  }

  static LoadProgress start(ReadMeter meter, PrintStream err, boolean terminal) {
    LoadProgress progress = new LoadProgress(meter, err, terminal);
    long every = terminal ? TERMINAL_EVERY_MILLIS : LOG_EVERY_MILLIS;
    progress.timer.scheduleAtFixedRate(progress::tick, every, every, TimeUnit.MILLISECONDS);
    return progress;
  }

  /** A line naming a step of the load: printed on a line of its own, above the progress line. */
  synchronized void step(String text) {
    lastStep = text.endsWith("...") ? text.substring(0, text.length() - 3) : text;
    clear();
    err.println(text);
    if (terminal) {
      show();
    }
  }

  private synchronized void tick() {
    try {
      if (terminal) {
        show();
      } else {
        err.println(line(meter.counts(), elapsedMillis(), lastStep));
      }
    } catch (RuntimeException e) {
      // A display must never stop a load.
    }
  }

  /** The last line, left in place (a terminal) or printed once more (a log). */
  @Override
  public synchronized void close() {
    timer.shutdownNow();
    if (terminal) {
      show();
      err.println();
    } else {
      err.println(line(meter.counts(), elapsedMillis(), lastStep));
    }
    shownWidth = 0;
  }

  private void show() {
    String line = line(meter.counts(), elapsedMillis(), lastStep);
    if (line.length() > TERMINAL_WIDTH) {
      line = line.substring(0, TERMINAL_WIDTH);
    }
    err.print("\r" + line + " ".repeat(Math.max(0, shownWidth - line.length())));
    err.flush();
    shownWidth = line.length();
  }

  private void clear() {
    if (terminal && shownWidth > 0) {
      err.print("\r" + " ".repeat(shownWidth) + "\r");
      shownWidth = 0;
    }
  }

  private long elapsedMillis() {
    return (System.nanoTime() - started) / 1_000_000;
  }

  /** Whether this process's stderr is a terminal (Linux; elsewhere taken as not). */
  static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (Exception e) {
      return false;
    }
  }

  /**
   * The progress line for these counts, {@code elapsedMillis} into the load; until the load knows
   * its new files, the step it is at.
   */
  static String line(ReadMeter.Counts c, long elapsedMillis, String step) {
    String head = "[" + duration(elapsedMillis) + "] ";
    if (!c.planned()) {
      return head + step;
    }
    if (c.files() == 0) {
      return head + "no new files to read";
    }
    String rate =
        c.readingMillis() > 0
            ? " (" + count(Math.round(c.rows() * 1000.0 / c.readingMillis())) + "/s)"
            : "";
    boolean allRead = c.filesRead() == c.files() && c.bytesRead() >= c.bytes() && !c.readingNow();
    if (allRead) {
      return head
          + "read "
          + count(c.files())
          + " files, "
          + count(c.rows())
          + " rows in "
          + duration(c.readingMillis())
          + rate;
    }
    String line =
        head
            + count(c.filesRead())
            + "/"
            + count(c.files())
            + " files, "
            + count(c.rows())
            + " rows"
            + rate
            + ", "
            + size(c.bytesRead(), c.bytes());
    if (c.bytesRead() > 0 && c.readingMillis() > 0) {
      double left = (c.bytes() - c.bytesRead()) * (double) c.readingMillis() / c.bytesRead();
      // Rounded up to the second: never "0s left" while something is.
      line += ", ~" + duration((long) Math.ceil(left / 1000) * 1000) + " left";
    }
    return line;
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** "12/52 KB" below a megabyte, "1.2/4.8 MB" below 100 MB, "1,200/4,800 MB" above (10^6). */
  static String size(long done, long total) {
    if (total < 1_000_000) {
      return Math.round(done / 1e3) + "/" + Math.round(total / 1e3) + " KB";
    }
    if (total < 100_000_000) {
      return String.format(Locale.ROOT, "%.1f/%.1f MB", done / 1e6, total / 1e6);
    }
    return count(Math.round(done / 1e6)) + "/" + count(Math.round(total / 1e6)) + " MB";
  }

  /** "45s", "1m30s", "1h05m": seconds rounded down, minutes too past an hour. */
  static String duration(long millis) {
    long s = Math.max(0, millis) / 1000;
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
  }
}
