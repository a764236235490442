package uk.dtw.etl.load;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.dtw.etl.report.FileReport;
import uk.dtw.etl.report.LoadReport;
import uk.dtw.etl.support.SparkTestSession;
import uk.dtw.etl.support.Warehouses;
import uk.dtw.model.schema.Aggregates;
import uk.dtw.model.schema.AuditTables;
import uk.dtw.model.schema.Facts;

/**
 * An episodes extract as people write it (their headers, their dates, their words), with one row
 * for each way an episode can be wrong: every row is loaded, held back for its reason or skipped,
 * whether the file is read whole or split into lines across tasks.
 */
class EpisodeLoadTest {
  private static final String FILE = "episodes/episodes_2008-09_portsmouth.csv";

  private static final String[] LINES = {
    "Client ID,DAT,Date of referral,Triage date,First intervention date,Discharge date,"
        + "Reason for discharge,Gender,Age,Ethnic group,Drug 1,Drug 2,Injecting status,"
        + "Source of referral,Treatment modality,Keyworker",
    // 2: open, ISO dates
    "P1,Portsmouth,2008-04-10,2008-04-15,2008-04-20,,,male,34,white_british,heroin,crack,current,self,prescribing,Ann",
    // 3: people's dates and words: discharged as planned
    "P2,portsmouth,01/05/2008,06/05/2008,12/05/2008,30/11/2008,Treatment completed - drug free,M,27,White - British,Heroin,,Ex-injector,CJIT,Specialist prescribing,Bob",
    // 4: a spreadsheet's dates, no triage yet
    "P3,Portsmouth,31 Mar 2009,,,,,F,45,Asian,Cannabis,,No,GP,Psychosocial,",
    // 5: blank line
    "",
    // 6: discharged before triage
    "P4,Portsmouth,2008-06-01,2008-06-10,,2008-06-05,planned,female,30,black,crack,,never,self,psychosocial,",
    // 7: a sex nobody codes
    "P5,Portsmouth,2008-06-01,2008-06-02,,,,X,30,black,crack,,never,self,psychosocial,",
    // 8: no age
    "P6,Portsmouth,2008-06-01,2008-06-02,,,,male,thirty,black,crack,,never,self,psychosocial,",
    // 9: a discharge date with no reason
    "P7,Portsmouth,2008-06-01,2008-06-02,,2008-09-01,,male,30,black,crack,,never,self,psychosocial,",
    // 10: a region, not a partnership
    "P8,South East,2008-06-01,2008-06-02,,,,male,30,black,crack,,never,self,psychosocial,",
    // 11: nowhere
    "P9,Portsmoth Cty,2008-06-01,2008-06-02,,,,male,30,black,crack,,never,self,psychosocial,",
    // 12 and 13: the same episode twice, different modality: both held back
    "P10,Portsmouth,2008-07-01,2008-07-02,,,,male,40,mixed,heroin,,previous,self,prescribing,",
    "P10,Portsmouth,2008-07-01,2008-07-02,,,,male,40,mixed,heroin,,previous,self,psychosocial,",
    // 14: a broken quote
    "P11,\"Portsmouth,2008-07-01,2008-07-02,,,,male,40,mixed,heroin,,previous,self,prescribing,",
    // 15: no client reference and a date nobody writes
    ",Portsmouth,2008-13-45,,,,,male,40,mixed,heroin,,previous,self,prescribing,"
  };

  @Test
  void every_row_is_loaded_held_back_for_its_reason_or_skipped(@TempDir Path dir) {
    Warehouses wh = new Warehouses(dir);
    wh.write(FILE, LINES);
    LoadReport report = wh.load();
    assertLoaded(wh, report);
  }

  @Test
  void a_file_split_into_lines_across_tasks_gives_the_same_rows_and_row_numbers(@TempDir Path dir)
      throws Exception {
    Warehouses wh = new Warehouses(dir);
    wh.write(FILE, LINES);
    var spark = SparkTestSession.get();
    spark.conf().set(RecordLevelRead.SPLIT_ABOVE_BYTES, "1");
    try {
      LoadReport report = wh.load();
      assertLoaded(wh, report);
      // The manifest's hash is the file's, as an independent digest of its bytes gives it.
      byte[] bytes = Files.readAllBytes(wh.landing.resolve(FILE));
      String sha256 =
          java.util.HexFormat.of()
              .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
      assertThat(
              wh.table(AuditTables.META_FILE)
                  .filter(col("source_file").equalTo(FILE))
                  .select("file_sha256")
                  .first()
                  .getString(0))
          .isEqualTo(sha256);
    } finally {
      spark.conf().unset(RecordLevelRead.SPLIT_ABOVE_BYTES);
    }
  }

  private static void assertLoaded(Warehouses wh, LoadReport report) {
    FileReport file =
        report.files.stream().filter(f -> f.path.equals(FILE)).findFirst().orElseThrow();
    assertThat(file.read).isEqualTo(14);
    assertThat(file.loaded).isEqualTo(3);
    assertThat(file.skipped).isEqualTo(1);
    assertThat(file.quarantined).isEqualTo(10);

    List<Row> episodes =
        wh.table(Facts.EPISODE)
            .orderBy("source_row")
            .select(
                "source_row",
                "area_code",
                "financial_year",
                "client_ref",
                "referral_date",
                "triage_date",
                "first_intervention_date",
                "discharge_date",
                "discharge_reason",
                "sex",
                "age_at_referral",
                "age_band",
                "ethnicity",
                "primary_substance",
                "secondary_substance",
                "injecting",
                "referral_source",
                "modality")
            .collectAsList();
    assertThat(episodes.stream().map(Row::toString).toList())
        .containsExactly(
            "[2,00MR,2008-09,P1,2008-04-10,2008-04-15,2008-04-20,null,null,male,34,25-34,"
                + "white_british,heroin,crack,current,self,prescribing]",
            "[3,00MR,2008-09,P2,2008-05-01,2008-05-06,2008-05-12,2008-11-30,planned,male,27,25-34,"
                + "white_british,heroin,null,previous,criminal_justice,prescribing]",
            "[4,00MR,2008-09,P3,2009-03-31,null,null,null,null,female,45,45-54,"
                + "asian,cannabis,null,never,gp,psychosocial]");

    Map<Integer, String> rules =
        wh.table(AuditTables.QUARANTINE_ROW).collectAsList().stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.<Integer>getAs("source_row"),
                    TreeMap::new,
                    Collectors.mapping(
                        r -> r.<String>getAs("rule"),
                        Collectors.collectingAndThen(
                            Collectors.toList(),
                            l -> String.join("+", l.stream().sorted().toList())))));
    assertThat(rules)
        .containsExactlyEntriesOf(
            new TreeMap<>(
                Map.of(
                    6, "episode_date_order",
                    7, "episode_code",
                    8, "episode_age",
                    9, "episode_discharge",
                    10, "episode_partnership",
                    11, "known_partnership",
                    12, "duplicate_key",
                    13, "duplicate_key",
                    14, "csv_syntax",
                    15, "date_format+episode_client_ref")));
    // Every row is in bronze exactly once, as read; the unknown column was reported, not loaded.
    assertThat(wh.table(AuditTables.BRONZE_ROW).filter(col("source_file").equalTo(FILE)).count())
        .isEqualTo(14);
    assertThat(
            wh.table(AuditTables.BRONZE_ROW)
                .filter(col("source_row").equalTo(3))
                .select("record")
                .first()
                .getString(0))
        .contains("\"Gender\":\"M\"")
        .contains("\"Keyworker\":\"Bob\"");
    assertThat(file.warnings.stream().map(p -> p.get("rule"))).contains("unknown_column");
  }

  @Test
  void a_changed_partnership_year_replaces_its_episodes_and_touches_no_other_partition(
      @TempDir Path dir) throws Exception {
    Warehouses wh = new Warehouses(dir);
    String header =
        "client_ref,partnership,referral_date,triage_date,first_intervention_date,"
            + "discharge_date,discharge_reason,sex,age_at_referral,ethnicity,primary_substance,"
            + "secondary_substance,injecting,referral_source,modality";
    wh.write(
        "episodes_2008-09_gateshead.csv",
        header,
        "G1,Gateshead,2008-04-10,2008-04-11,,,,male,30,white_british,heroin,,current,self,prescribing");
    wh.write(
        "episodes_2008-09_portsmouth.csv",
        header,
        "P1,Portsmouth,2008-04-10,2008-04-11,,,,male,30,white_british,heroin,,current,self,prescribing",
        "P2,Portsmouth,2008-05-10,2008-05-11,,,,female,30,white_british,crack,,never,self,psychosocial");
    wh.load();
    assertThat(peopleInTreatment(wh)).containsExactly("[00CH,2008-09,1,0]", "[00MR,2008-09,2,0]");
    // Portsmouth resends its year: P1 discharged, P2 withdrawn from the file, P3 new.
    wh.write(
        "episodes_2008-09_portsmouth.csv",
        header,
        "P1,Portsmouth,2008-04-10,2008-04-11,,2008-10-01,planned,male,30,white_british,heroin,,current,self,prescribing",
        "P3,Portsmouth,2008-06-10,2008-06-11,,,,male,50,white_british,heroin,,current,self,prescribing");
    LoadReport resent = wh.load();

    assertThat(
            wh
                .table(Facts.EPISODE)
                .orderBy("client_ref")
                .select("client_ref", "discharge_reason")
                .collectAsList()
                .stream()
                .map(Row::toString)
                .toList())
        .containsExactly("[G1,null]", "[P1,planned]", "[P3,null]");
    // The stored measures follow: still two people at Portsmouth (P1, P3), P1 leaving as planned.
    assertThat(peopleInTreatment(wh)).containsExactly("[00CH,2008-09,1,0]", "[00MR,2008-09,2,1]");
    // history --changes says what the resent file replaced: P1's discharge, P3 new.
    var changes =
        new uk.dtw.etl.history.LoadHistory(SparkTestSession.get(), wh.warehouse.toString())
            .changes(resent.loadId, 10);
    assertThat(changes)
        .filteredOn(c -> c.key().equals("00MR 2008-09 P1 2008-04-10"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.table()).isEqualTo("fact_episode");
              assertThat(c.before())
                  .doesNotContain("discharge")
                  .endsWith("(from episodes_2008-09_portsmouth.csv row 2)");
              assertThat(c.after()).contains("discharge_date=2008-10-01 discharge_reason=planned");
            });
    assertThat(changes).extracting(c -> c.key()).contains("00MR 2008-09 P3 2008-06-10");
    // The reload's commit added and removed files of Portsmouth's partition only.
    Path log = wh.warehouse.resolve(Facts.EPISODE.relativePath()).resolve("_delta_log");
    String last;
    try (var files = Files.list(log)) {
      last =
          files
              .map(Path::toString)
              .filter(p -> p.endsWith(".json"))
              .sorted()
              .reduce((a, b) -> b)
              .orElseThrow();
    }
    List<String> touched =
        Files.readAllLines(Path.of(last)).stream()
            .filter(l -> l.startsWith("{\"add\"") || l.startsWith("{\"remove\""))
            .toList();
    assertThat(touched)
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l).contains("area_code=00MR/financial_year=2008-09"));
  }

  /** agg_episode_counts as the load stored it: partnership, year, people, planned exits. */
  private static List<String> peopleInTreatment(Warehouses wh) {
    return wh
        .table(Aggregates.EPISODE_COUNTS)
        .orderBy("area_code")
        .select("area_code", "financial_year", "people_in_treatment", "planned_exits")
        .collectAsList()
        .stream()
        .map(Row::toString)
        .toList();
  }
}
