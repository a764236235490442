package uk.dtw.warehouse.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.dtw.warehouse.delta.DeltaTableReader;
import uk.dtw.warehouse.testing.DeltaTestTables;
import uk.dtw.warehouse.testing.SqlRows;
import uk.dtw.warehouse.testing.VisitTable;
import uk.dtw.warehouse.testing.VisitTable.Visit;

/**
 * COUNT(DISTINCT) counted in sets ({@link DistinctCountSets}) answers as Java counting the distinct
 * non-null values of the same rows does, and the plans show which calls it took and which it left
 * to Calcite.
 */
class DistinctCountSetsTest {
  // Case, a trailing space and a supplementary character: distinct values that a careless equality
  // would merge.
  private static final String[] NAMES = {"a", "A", "a ", "b", "\uD83D\uDE00", null, "b", "a"};

  @TempDir static Path dir;
  static final List<Visit> ROWS = new ArrayList<>();
  static Connection sql;

  @BeforeAll
  static void write() throws SQLException {
    CancelCheckProgram.install();
    String[] regions = {"north", "south", "east"};
    for (int i = 0; i < 300; i++) {
      ROWS.add(
          new Visit(
              regions[i % 3],
              2019 + i % 2,
              i,
              NAMES[(i * 7 + i / 5) % NAMES.length],
              i % 4 == 0 ? null : (i % 9) * 0.5,
              i % 5 == 0 ? null : i % 11,
              null));
    }
    Path visit = dir.resolve("visit");
    DeltaTestTables.append(visit, VisitTable.VISIT, ROWS.stream().map(Visit::row).toList());
    sql =
        VisitTable.connect(
            "visit",
            new DeltaScannableTable(VisitTable.VISIT, DeltaTableReader.open(visit, null), 0));
  }

  @AfterAll
  static void close() throws SQLException {
    sql.close();
  }

  @Test
  void people_by_group_beside_other_counts_are_the_distinct_non_null_values_of_each_group()
      throws SQLException {
    String query =
        "SELECT region, COUNT(DISTINCT name), COUNT(*), COUNT(DISTINCT visits), MIN(id)"
            + " FROM visit GROUP BY region";
    List<String> want =
        byRegion(
            rs ->
                distinct(rs, Visit::name)
                    + " "
                    + rs.size()
                    + " "
                    + distinct(rs, Visit::visits)
                    + " "
                    + rs.stream().mapToLong(Visit::id).min().orElseThrow());

    assertThat(rows(query)).containsExactlyInAnyOrderElementsOf(want);
    assertThat(plan(query)).contains("DISTINCT_COUNT_SET($1)", "DISTINCT_COUNT_SET($2)");
  }

  @Test
  void with_no_group_an_empty_input_counts_zero() throws SQLException {
    assertThat(rows("SELECT COUNT(DISTINCT name), COUNT(DISTINCT yr) FROM visit WHERE id < 0"))
        .containsExactly("0 0");
    assertThat(rows("SELECT COUNT(DISTINCT name) FROM visit"))
        .containsExactly(String.valueOf(distinct(ROWS, Visit::name)));
  }

  @Test
  void floating_point_and_filtered_counts_are_left_to_calcite_and_still_right()
      throws SQLException {
    String query =
        "SELECT region, COUNT(DISTINCT score), COUNT(DISTINCT name) FILTER (WHERE yr = 2020)"
            + " FROM visit GROUP BY region";
    List<String> want =
        byRegion(
            rs ->
                distinct(rs, Visit::score)
                    + " "
                    + distinct(rs.stream().filter(v -> v.year() == 2020).toList(), Visit::name));

    assertThat(rows(query)).containsExactlyInAnyOrderElementsOf(want);
    assertThat(plan(query)).doesNotContain("DISTINCT_COUNT_SET");
  }

  private static List<String> byRegion(Function<List<Visit>, String> values) {
    return ROWS.stream()
        .collect(Collectors.groupingBy(Visit::region, TreeMap::new, Collectors.toList()))
        .entrySet()
        .stream()
        .map(e -> e.getKey() + " " + values.apply(e.getValue()))
        .toList();
  }

  private static long distinct(List<Visit> rows, Function<Visit, Object> value) {
    return rows.stream().map(value).filter(Objects::nonNull).distinct().count();
  }

  private static List<String> rows(String query) throws SQLException {
    return SqlRows.of(sql, query);
  }

  private static String plan(String query) throws SQLException {
    return String.join("\n", rows("EXPLAIN PLAN FOR " + query));
  }
}
