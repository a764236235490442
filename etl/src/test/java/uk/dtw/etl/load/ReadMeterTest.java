package uk.dtw.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.dtw.etl.extract.ExtractKind;
import uk.dtw.etl.extract.Landing;
import uk.dtw.etl.extract.LandingFile;
import uk.dtw.etl.report.FileReport;
import uk.dtw.etl.report.LoadReport;
import uk.dtw.etl.support.SparkTestSession;

/**
 * The meter counts what a load reads, as LoadJob reads it (its outcomes plans, its first action),
 * on tiny files: the landing's bytes once however many times the plan scans them, every row once,
 * and neither the hashing of the landing folder nor later reads of the cache.
 */
class ReadMeterTest {
  private final SparkSession spark = SparkTestSession.get();

  static final String EPISODES_HEADER =
      "client_ref,partnership,referral_date,triage_date,first_intervention_date,"
          + "discharge_date,discharge_reason,sex,age_at_referral,ethnicity,primary_substance,"
          + "secondary_substance,injecting,referral_source,modality";

  record Seen(ReadMeter.Counts live, long scannedBytes, int scans, long rows) {}

  @Test
  void a_kind_read_file_by_file_is_counted_once(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("prevalence_a.csv"),
        "partnership,period,drug_group,estimate\n"
            + "Gateshead,2008-09,pdu,1169\n"
            + "Portsmouth,2008-09,pdu,1254\n"
            + "Kent,2008-09,pdu,nonsense\n");
    Files.writeString(
        dir.resolve("prevalence_b.csv"),
        "partnership,period,drug_group,estimate\nHampshire,2008-09,pdu,3100\n");

    Map<ExtractKind, Seen> seen = read(dir);

    Seen prevalence = seen.get(ExtractKind.PREVALENCE);
    long bytes =
        Files.size(dir.resolve("prevalence_a.csv")) + Files.size(dir.resolve("prevalence_b.csv"));
    assertThat(prevalence.scans()).isEqualTo(1);
    assertThat(prevalence.scannedBytes()).isEqualTo(bytes);
    assertThat(prevalence.rows()).isEqualTo(4);
    assertThat(prevalence.live())
        .isEqualTo(
            new ReadMeter.Counts(
                true, 2, 2, 4, bytes, bytes, prevalence.live().readingMillis(), true));
  }

  @Test
  void record_level_files_are_read_once_for_the_duplicate_check_and_the_rows(@TempDir Path dir)
      throws Exception {
    List<String> lines = new ArrayList<>(List.of(EPISODES_HEADER));
    for (int i = 0; i < 5; i++) {
      lines.add(
          "P"
              + i
              + ",Portsmouth,2008-04-10,2008-04-11,,,,male,30,white_british,heroin,,current,self,prescribing");
    }
    Files.createDirectories(dir.resolve("episodes"));
    Files.write(dir.resolve("episodes/episodes_2008-09_portsmouth.csv"), lines);
    Files.writeString(
        dir.resolve("prevalence_a.csv"),
        "partnership,period,drug_group,estimate\nGateshead,2008-09,pdu,1169\n");

    Map<ExtractKind, Seen> seen = read(dir);

    Seen episodes = seen.get(ExtractKind.EPISODES);
    long bytes = Files.size(dir.resolve("episodes/episodes_2008-09_portsmouth.csv"));
    // The twice-given keys are found and the rows loaded from one cache of the conformed rows.
    assertThat(episodes.scans()).isEqualTo(1);
    assertThat(episodes.scannedBytes()).isEqualTo(bytes);
    assertThat(episodes.rows()).isEqualTo(5);
    long prevalenceBytes = Files.size(dir.resolve("prevalence_a.csv"));
    // Live, while the episodes are read: the prevalence file done, the episodes' rows once.
    assertThat(episodes.live().files()).isEqualTo(2);
    assertThat(episodes.live().filesRead()).isEqualTo(2);
    assertThat(episodes.live().rows()).isEqualTo(1 + 5);
    assertThat(episodes.live().bytesRead()).isEqualTo(prevalenceBytes + bytes);
    assertThat(episodes.live().bytes()).isEqualTo(prevalenceBytes + bytes);
  }

  @Test
  void a_large_record_level_file_read_in_splits_counts_its_rows_once(@TempDir Path dir)
      throws Exception {
    List<String> lines = new ArrayList<>(List.of(EPISODES_HEADER));
    for (int i = 0; i < 40; i++) {
      lines.add(
          "P"
              + i
              + ",Portsmouth,2008-04-10,2008-04-11,,,,male,30,white_british,heroin,,current,self,prescribing");
    }
    Path file = dir.resolve("episodes_2008-09_portsmouth.csv");
    Files.write(file, lines);
    long bytes = Files.size(file);
    spark.conf().set(RecordLevelRead.SPLIT_ABOVE_BYTES, "1000");
    Map<ExtractKind, Seen> seen;
    try {
      seen = read(dir);
    } finally {
      spark.conf().unset(RecordLevelRead.SPLIT_ABOVE_BYTES);
    }

    Seen episodes = seen.get(ExtractKind.EPISODES);
    assertThat(episodes.scans()).isEqualTo(1);
    assertThat(episodes.rows()).isEqualTo(40);
    assertThat(episodes.live().rows()).isEqualTo(40);
    // A split reads ahead past its end (a buffer's worth: here the whole tiny file), so the bytes
    // scanned are at least the file's, and the display caps them at the file's size.
    assertThat(episodes.scannedBytes()).isGreaterThanOrEqualTo(bytes);
    assertThat(episodes.live().bytesRead()).isEqualTo(bytes);
    // A file read in splits is done when its kind is: not counted while its splits are read.
    assertThat(episodes.live().filesRead()).isZero();
  }

  /**
   * Reads every kind in the folder as LoadJob does, and notes what the meter saw just before the
   * report's exact counts replace its own.
   */
  private Map<ExtractKind, Seen> read(Path dir) throws TimeoutException {
    List<Landing.Entry> entries = Landing.list(spark, dir.toString());
    // In kind order, as LoadJob reads them.
    Map<ExtractKind, Map<String, LandingFile>> byKind = new EnumMap<>(ExtractKind.class);
    LoadReport report = new LoadReport("test", java.time.Instant.now());
    int order = 0;
    for (Landing.Entry e : entries) {
      if (e.kind() == null) {
        continue;
      }
      byKind
          .computeIfAbsent(e.kind(), k -> new LinkedHashMap<>())
          .put(
              e.relativePath(),
              new LandingFile(e.uri(), e.relativePath(), e.sha256(), e.kind(), order++, null));
      report.files.add(new FileReport("new", e.relativePath(), e.kind().code(), null));
    }
    ReadMeter meter = ReadMeter.start(spark);
    Map<ExtractKind, Seen> seen = new LinkedHashMap<>();
    List<Dataset<Row>> cached = new ArrayList<>();
    try {
      byKind.forEach(
          (kind, files) ->
              meter.planned(
                  kind,
                  files.size(),
                  entries.stream()
                      .filter(e -> files.containsKey(e.relativePath()))
                      .mapToLong(Landing.Entry::bytes)
                      .sum()));
      meter.plannedAll();
      for (var e : byKind.entrySet()) {
        ExtractKind kind = e.getKey();
        Dataset<Row> outcomes =
            LoadJob.outcomes(spark, kind, e.getValue(), "test", meter.counters(), cached);
        int scans = LoadJob.scans(outcomes);
        meter.reading(kind, scans);
        outcomes.persist();
        cached.add(outcomes);
        LoadAccounting.count(
            outcomes,
            e.getValue(),
            report,
            LoadJob.PROBLEMS_PER_FILE,
            rows -> {
              waitForListeners();
              seen.put(kind, new Seen(meter.counts(), meter.scannedBytes(kind), scans, rows));
              meter.read(kind, rows);
            });
        long scanned = meter.scannedBytes(kind);
        outcomes.count(); // reads the cache, not the files: not counted
        waitForListeners();
        assertThat(meter.scannedBytes(kind)).as("reading the cache").isEqualTo(scanned);
      }
      ReadMeter.Counts end = meter.counts();
      assertThat(end.readingNow()).isFalse();
      assertThat(end.filesRead()).isEqualTo(end.files());
      assertThat(end.bytesRead()).isEqualTo(end.bytes());
      assertThat(end.rows()).isEqualTo(seen.values().stream().mapToLong(Seen::rows).sum());
    } finally {
      meter.close();
      cached.forEach(Dataset::unpersist);
    }
    return seen;
  }

  private void waitForListeners() {
    try {
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } catch (TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }
}
