package uk.dtw.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import uk.dtw.etl.load.ReadMeter;
import uk.dtw.etl.load.ReadMeter.Counts;

/** The progress line from counters, worked by hand; no Spark. */
class LoadProgressTest {
  static final long MB = 1_000_000;

  @Test
  void rate_and_time_left_from_a_quarter_of_the_bytes_in_30_seconds() {
    // 1,200 of 4,800 MB read in 30 s of reading: 40 MB/s, so 3,600 MB left take 90 s.
    // 600,000 rows in those 30 s: 20,000 rows/s. The load started 45 s ago (listing first).
    Counts c = new Counts(true, 1_542, 312, 600_000, 4_800 * MB, 1_200 * MB, 30_000, true);

    assertThat(LoadProgress.line(c, 45_000, "a step"))
        .isEqualTo("[45s] 312/1,542 files, 600,000 rows (20,000/s), 1,200/4,800 MB, ~1m30s left");
  }

  @Test
  void small_loads_count_in_kilobytes_and_tenths_of_megabytes() {
    // 13 of 52 KB in 2 s: 6.5 KB/s, 39 KB left: 6 s. 176 rows in 2 s: 88/s.
    Counts kb = new Counts(true, 10, 3, 176, 52_000, 13_000, 2_000, true);
    assertThat(LoadProgress.line(kb, 61_000, "a step"))
        .isEqualTo("[1m01s] 3/10 files, 176 rows (88/s), 13/52 KB, ~6s left");

    // 12.5 of 50 MB in 10 s: 1.25 MB/s, 37.5 MB left: 30 s. 1,000 rows in 10 s: 100/s.
    Counts mb = new Counts(true, 4, 1, 1_000, 50 * MB, 12_500_000, 10_000, true);
    assertThat(LoadProgress.line(mb, 10_000, "a step"))
        .isEqualTo("[10s] 1/4 files, 1,000 rows (100/s), 12.5/50.0 MB, ~30s left");
  }

  @Test
  void hours_left_are_shown_in_hours_and_minutes() {
    // 1 of 100 GB in 60 s: 99 GB left take 99 minutes = 1 h 39 min.
    Counts c = new Counts(true, 2_000, 20, 10_000, 100_000 * MB, 1_000 * MB, 60_000, true);

    assertThat(LoadProgress.line(c, 3_725_000, "a step"))
        .isEqualTo("[1h02m] 20/2,000 files, 10,000 rows (167/s), 1,000/100,000 MB, ~1h39m left");
  }

  @Test
  void time_left_rounds_up_to_the_second() {
    // 9.9 of 10 MB in 9.9 s: 1 MB/s, 0.1 MB left: 0.1 s, shown as 1 s.
    Counts c = new Counts(true, 10, 9, 99, 10 * MB, 9_900_000, 9_900, true);

    assertThat(LoadProgress.line(c, 20_000, "a step"))
        .isEqualTo("[20s] 9/10 files, 99 rows (10/s), 9.9/10.0 MB, ~1s left");
  }

  @Test
  void no_estimate_before_any_byte_is_read() {
    Counts c = new Counts(true, 7, 0, 0, 5 * MB, 0, 0, true);

    assertThat(LoadProgress.line(c, 3_000, "a step"))
        .isEqualTo("[3s] 0/7 files, 0 rows, 0.0/5.0 MB");
  }

  @Test
  void before_the_plan_and_when_nothing_is_new() {
    assertThat(
            LoadProgress.line(
                new Counts(false, 0, 0, 0, 0, 0, 0, false), 12_000, "opening the warehouse /wh"))
        .isEqualTo("[12s] opening the warehouse /wh");
    assertThat(LoadProgress.line(new Counts(true, 0, 0, 0, 0, 0, 0, false), 20_000, "a step"))
        .isEqualTo("[20s] no new files to read");
  }

  @Test
  void once_everything_is_read_it_says_how_long_reading_took() {
    // 1,177,061 rows in 80 s of reading: 14,713/s; the load is 2m05s in, writing.
    Counts c = new Counts(true, 1_542, 1_542, 1_177_061, 156 * MB, 156 * MB, 80_000, false);

    assertThat(LoadProgress.line(c, 125_000, "a step"))
        .isEqualTo("[2m05s] read 1,542 files, 1,177,061 rows in 1m20s (14,713/s)");
  }

  @Test
  void durations_round_down_to_the_second_and_the_minute() {
    assertThat(LoadProgress.duration(0)).isEqualTo("0s");
    assertThat(LoadProgress.duration(59_999)).isEqualTo("59s");
    assertThat(LoadProgress.duration(60_000)).isEqualTo("1m00s");
    assertThat(LoadProgress.duration(3_599_999)).isEqualTo("59m59s");
    assertThat(LoadProgress.duration(3_600_000)).isEqualTo("1h00m");
    assertThat(LoadProgress.duration(-5)).isEqualTo("0s");
  }

  @Test
  void on_a_terminal_the_line_is_redrawn_in_place_and_steps_go_above_it() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    ReadMeter meter = ReadMeter.off();
    try (LoadProgress progress = LoadProgress.start(meter, err, true)) {
      progress.step("loading 3 treatment files...");
      progress.step("writing bronze, quarantine and facts...");
    }
    String out = bytes.toString(StandardCharsets.UTF_8);
    // Each step: the progress line wiped, the step on its own line, the progress line redrawn
    // (no newline); at the end the last progress line is left with a newline.
    // (A slow machine may redraw it once more in between: the timer's every second.)
    String bar = "(\r\\[\\ds\\] %s)+";
    assertThat(out)
        .matches(
            "loading 3 treatment files\\.\\.\\.\n"
                + bar.formatted("loading 3 treatment files")
                + "\r {30}\r"
                + "writing bronze, quarantine and facts\\.\\.\\.\n"
                + bar.formatted("writing bronze, quarantine and facts")
                + "\n");
  }

  @Test
  void in_a_log_steps_are_plain_lines_and_the_progress_a_line_at_the_end() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (LoadProgress progress = LoadProgress.start(ReadMeter.off(), err, false)) {
      progress.step("loading 3 treatment files...");
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo("loading 3 treatment files...\n[0s] loading 3 treatment files\n")
        .doesNotContain("\r");
  }
}
