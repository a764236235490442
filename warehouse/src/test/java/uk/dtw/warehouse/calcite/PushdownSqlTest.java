package uk.dtw.warehouse.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.dtw.warehouse.delta.DeltaTableReader;
import uk.dtw.warehouse.delta.ScanStats;
import uk.dtw.warehouse.testing.DeltaTestTables;
import uk.dtw.warehouse.testing.SqlRows;
import uk.dtw.warehouse.testing.VisitTable;
import uk.dtw.warehouse.testing.VisitTable.Visit;

/**
 * Filters and columns pushed to Delta give the answers a plain Java filter of the same rows gives,
 * and the same as Calcite over an in-memory copy; and a partition filter opens only its files.
 */
class PushdownSqlTest {
  private static final String[] REGIONS = {"north", "south", "east", "west"};
  private static final int[] YEARS = {2019, 2020, 2021};
  // Trailing space, case, Latin-1, a supplementary character and one above the surrogates: the
  // last two order differently in UTF-8 and UTF-16.
  private static final String[] NAMES = {
    "a", "bb", "a ", "B", "\u00e9", "z", "\uD83D\uDE00", "\uFFFD", null, "ab", "zz"
  };
  private static final int PER_FILE = 20;

  @TempDir static Path dir;
  static final List<Visit> ROWS = new ArrayList<>();
  static DeltaTableReader reader;
  static Connection pushed;
  static Connection inMemory;

  @BeforeAll
  static void write() throws SQLException {
    Path visit = dir.resolve("visit");
    Path flat = dir.resolve("flat");
    // Two appends, one file per partition each: ids below 1000 in the first, from 1000 in the
    // second, so statistics on id tell the two apart.
    for (int append = 0; append < 2; append++) {
      List<Visit> batch = new ArrayList<>();
      int k = 0;
      for (String region : REGIONS) {
        for (int year : YEARS) {
          for (int j = 0; j < PER_FILE; j++) {
            batch.add(visit(append, k, j, region, year));
          }
          k++;
        }
      }
      DeltaTestTables.append(visit, VisitTable.VISIT, batch.stream().map(Visit::row).toList());
      DeltaTestTables.append(flat, VisitTable.FLAT, batch.stream().map(Visit::row).toList());
      ROWS.addAll(batch);
    }
    reader = DeltaTableReader.open(visit, null);
    pushed = VisitTable.connect("visit", new DeltaScannableTable(VisitTable.VISIT, reader));
    inMemory =
        VisitTable.connect(
            "visit",
            new DeltaScannableTable(
                VisitTable.FLAT, DeltaTableReader.open(flat, null), Long.MAX_VALUE));
  }

  private static Visit visit(int append, int k, int j, String region, int year) {
    return new Visit(
        region,
        year,
        append * 1000L + k * PER_FILE + j,
        NAMES[(j + k + append) % NAMES.length],
        j % 3 == 0 ? null : (j - 10) * 0.5 + k,
        j % 4 == 1 ? null : j % 6,
        j % 7 == 3 ? null : LocalDate.of(year, 1, 1).plusDays(j * 17L + k));
  }

  @AfterAll
  static void close() throws SQLException {
    pushed.close();
    inMemory.close();
  }

  static Stream<Arguments> conditions() {
    return Stream.of(
        of("region = 'north'", v -> v.region().equals("north")),
        of("region IN ('north', 'west')", v -> List.of("north", "west").contains(v.region())),
        of("yr >= 2020 AND yr < 2021", v -> v.year() == 2020),
        of("yr IN (2019, 2021) AND region = 'east'", v -> v.year() != 2020 && is(v, "east")),
        of("region > 'north'", v -> v.region().compareTo("north") > 0),
        of("name IS NULL", v -> v.name() == null),
        of("name IS NOT NULL AND region <> 'south'", v -> v.name() != null && !is(v, "south")),
        of("name = 'a' OR visits > 3", v -> "a".equals(v.name()) || gt(v.visits(), 3)),
        // NULL visits: visits > 3 is unknown, and so is its negation.
        of("NOT (visits > 3)", v -> v.visits() != null && v.visits() <= 3),
        of(
            "NOT (name = 'a' OR region = 'north')",
            v -> v.name() != null && !v.name().equals("a") && !is(v, "north")),
        of(
            "visit_date BETWEEN DATE '2020-01-01' AND DATE '2020-06-30'",
            v -> between(v.day(), LocalDate.of(2020, 1, 1), LocalDate.of(2020, 6, 30))),
        of(
            "visit_date < DATE '2019-03-01' OR visit_date IS NULL",
            v -> v.day() == null || v.day().isBefore(LocalDate.of(2019, 3, 1))),
        of("visit_date = DATE '2021-01-20'", v -> LocalDate.of(2021, 1, 20).equals(v.day())),
        of("score > 1.5", v -> v.score() != null && v.score() > 1.5),
        of("score <= -2.0 OR score = 0", v -> v.score() != null && v.score() <= -2.0 || zero(v)),
        of("name < 'b'", v -> v.name() != null && v.name().compareTo("b") < 0),
        of("name >= 'z'", v -> v.name() != null && v.name().compareTo("z") >= 0),
        of("name IN ('a', 'bb')", v -> "a".equals(v.name()) || "bb".equals(v.name())),
        of("name = 'a '", v -> "a ".equals(v.name())),
        of("id IN (3, 1003, 1239)", v -> List.of(3L, 1003L, 1239L).contains(v.id())),
        of("id >= 1000 AND visits IS NULL", v -> v.id() >= 1000 && v.visits() == null),
        of(
            "region = 'north' AND yr = 2020 AND name <> 'a'",
            v -> is(v, "north") && v.year() == 2020 && v.name() != null && !v.name().equals("a")),
        of("CHAR_LENGTH(name) = 1 AND yr = 2021", v -> len1(v) && v.year() == 2021));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("conditions")
  void a_filtered_query_answers_as_java_does_over_the_same_rows(
      String condition, Predicate<Visit> expected) throws SQLException {
    String sql = "SELECT id FROM visit WHERE " + condition;
    List<String> want =
        ROWS.stream().filter(expected).map(v -> String.valueOf(v.id())).sorted().toList();

    List<String> got = sorted(query(pushed, sql));

    assertThat(want).as("the condition selects something").isNotEmpty();
    assertThat(got).isEqualTo(want).isEqualTo(sorted(query(inMemory, sql)));
  }

  @Test
  void only_the_columns_asked_for_come_back_even_when_they_are_all_partition_columns()
      throws SQLException {
    List<String> counts =
        query(pushed, "SELECT region, COUNT(*) FROM visit GROUP BY region ORDER BY region");
    List<String> projected =
        query(
            pushed,
            "SELECT visit_date, name FROM visit WHERE region = 'west' AND yr = 2021 AND id = 1239");

    // 3 years x 20 rows x 2 appends = 120 a region; id 1239 is the second append's last row of
    // west 2021 (k = 11, j = 19): name (19 + 11 + 1) % 11 = 9, day 2021-01-01 + 334 = 2021-12-01.
    assertThat(counts).containsExactly("east 120", "north 120", "south 120", "west 120");
    assertThat(projected).containsExactly("2021-12-01 ab");
  }

  @Test
  void a_partition_filter_opens_only_that_partitions_files() throws SQLException {
    assertThat(reader.activeFiles()).hasSize(24); // 12 partitions x 2 appends

    ScanStats onePartition =
        read("SELECT COUNT(*) FROM visit WHERE region = 'north' AND yr = 2020");
    ScanStats twoRegions = read("SELECT COUNT(*) FROM visit WHERE region IN ('north', 'west')");
    ScanStats unpushable = read("SELECT COUNT(*) FROM visit WHERE CHAR_LENGTH(region) = 5");

    assertThat(onePartition).isEqualTo(new ScanStats(1, 2, 2 * PER_FILE));
    assertThat(twoRegions).isEqualTo(new ScanStats(1, 12, 12 * PER_FILE));
    assertThat(unpushable).isEqualTo(new ScanStats(1, 24, 24 * PER_FILE));
  }

  @Test
  void a_prepared_statements_parameters_prune_as_literals_do() throws SQLException {
    try (PreparedStatement ps =
        pushed.prepareStatement("SELECT COUNT(*) FROM visit WHERE region = ? AND yr = ?")) {
      for (String region : new String[] {"north", "west"}) {
        ps.setString(1, region);
        ps.setInt(2, 2020);
        ScanStats before = reader.scanStats();
        long count;
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          count = rs.getLong(1);
        }
        // 20 rows a partition-year in each of the 2 appends, from that partition's 2 files alone.
        assertThat(count).as(region).isEqualTo(40);
        assertThat(reader.scanStats().minus(before)).isEqualTo(new ScanStats(1, 2, 2 * PER_FILE));
      }
    }
  }

  @Test
  void a_filter_on_a_data_column_skips_files_by_their_statistics() throws SQLException {
    // The second append's ids are 1000 to 1239: its 12 files alone can hold id >= 1000.
    ScanStats second = read("SELECT COUNT(*) FROM visit WHERE id >= 1000");
    ScanStats one = read("SELECT COUNT(*) FROM visit WHERE id = 1003");

    assertThat(second.filesRead()).isEqualTo(12);
    assertThat(one.filesRead()).isEqualTo(1);
  }

  private static ScanStats read(String sql) throws SQLException {
    ScanStats before = reader.scanStats();
    query(pushed, sql);
    return reader.scanStats().minus(before);
  }

  private static Arguments of(String condition, Predicate<Visit> expected) {
    return Arguments.of(condition, expected);
  }

  private static boolean is(Visit v, String region) {
    return v.region().equals(region);
  }

  private static boolean gt(Integer value, int than) {
    return value != null && value > than;
  }

  private static boolean zero(Visit v) {
    return v.score() != null && v.score() == 0.0;
  }

  private static boolean len1(Visit v) {
    return v.name() != null && v.name().length() == 1;
  }

  private static boolean between(LocalDate day, LocalDate from, LocalDate to) {
    return day != null && !day.isBefore(from) && !day.isAfter(to);
  }

  private static List<String> sorted(List<String> rows) {
    return rows.stream().sorted().toList();
  }

  private static List<String> query(Connection c, String sql) throws SQLException {
    return SqlRows.of(c, sql);
  }
}
