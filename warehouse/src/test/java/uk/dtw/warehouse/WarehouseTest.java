package uk.dtw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.dtw.warehouse.testing.TestRows.row;
import static uk.dtw.warehouse.testing.TestRows.rows;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.dtw.model.schema.Dimensions;
import uk.dtw.model.schema.Facts;
import uk.dtw.warehouse.WarehouseException.Kind;
import uk.dtw.warehouse.testing.TestWarehouse;

class WarehouseTest {
  private static final Instant DAY_1 = Instant.parse("2024-01-01T09:00:00Z");
  private static final Instant DAY_2 = Instant.parse("2024-01-02T09:00:00Z");

  @TempDir Path dir;

  @Test
  void nothing_loaded_means_version_minus_one_and_empty_tables() throws Exception {
    try (Warehouse wh = Warehouse.open(dir.resolve("no_such_warehouse").toString())) {
      assertThat(wh.version()).isEqualTo(-1L);
      assertThat(count(wh, "fact_treatment")).isZero();
      assertThat(count(wh, "meta_load")).isZero();
      assertThat(wh.activeFiles("fact_treatment")).isEmpty();
    }
  }

  @Test
  void the_warehouse_version_is_the_delta_version_of_meta_load() throws Exception {
    TestWarehouse tw = twoLoads();

    try (Warehouse wh = Warehouse.open(tw.root().toString())) {
      assertThat(wh.version()).isEqualTo(1L);
      assertThat(count(wh, "meta_load")).isEqualTo(2);
    }
  }

  @Test
  void tables_are_pinned_to_the_versions_the_last_completed_load_recorded() throws Exception {
    TestWarehouse tw = twoLoads();
    tw.crashedLoad(Map.of(Facts.TREATMENT, rows(treatment("00AA", 999.0))));

    try (Warehouse latest = Warehouse.open(tw.root().toString());
        Warehouse first = Warehouse.open(tw.root().toString(), 0L)) {
      assertThat(count(latest, "fact_treatment"))
          .isEqualTo(2); // not 3: the crashed load is invisible
      assertThat(latest.activeFiles("fact_treatment")).hasSize(2);
      assertThat(first.version()).isZero();
      assertThat(count(first, "fact_treatment")).isEqualTo(1);
      assertThat(count(first, "meta_load")).isEqualTo(1);
      assertThat(first.activeFiles("fact_treatment")).hasSize(1);
    }
  }

  @Test
  void tables_the_last_load_does_not_list_are_empty() throws Exception {
    TestWarehouse tw = new TestWarehouse(dir);
    tw.crashedLoad(
        Map.of(Dimensions.PERIOD, rows(row(Dimensions.PERIOD, "financial_year", "2008-09"))));
    tw.load("load-1", DAY_1, Map.of(Facts.TREATMENT, rows(treatment("00MR", 1.0))));
    tw.recordLoad("load-2", DAY_2, "{\"gold/fact_treatment\": 0}"); // lists only fact_treatment

    try (Warehouse wh = Warehouse.open(dir.toString())) {
      assertThat(count(wh, "dim_period")).isZero();
      assertThat(wh.activeFiles("dim_period")).isEmpty();
      assertThat(count(wh, "fact_treatment")).isEqualTo(1);
    }
  }

  @Test
  void the_load_that_finished_last_decides_the_pins_whatever_the_row_order() throws Exception {
    TestWarehouse tw = twoLoads();
    // One commit holding the later load first: "last row read" would wrongly pick version 0.
    tw.recordLoad("late", DAY_2.plusSeconds(3600), "{\"gold/fact_treatment\": 1}");
    tw.recordLoad("early", DAY_1.minusSeconds(3600), "{\"gold/fact_treatment\": 0}");

    try (Warehouse wh = Warehouse.open(dir.toString())) {
      assertThat(wh.version()).isEqualTo(3L);
      assertThat(count(wh, "fact_treatment")).isEqualTo(2);
    }
  }

  @Test
  void asking_for_a_version_that_does_not_exist_says_which_do() {
    twoLoads();

    assertThatThrownBy(() -> Warehouse.open(dir.toString(), 7L))
        .isInstanceOf(WarehouseException.class)
        .hasMessageContaining("version 7 does not exist")
        .hasMessageContaining("versions 0 to 1 exist")
        .extracting(e -> ((WarehouseException) e).kind())
        .isEqualTo(Kind.NOT_FOUND);
    assertThatThrownBy(() -> Warehouse.open(dir.resolve("empty").toString(), 0L))
        .hasMessageContaining("nothing has been loaded yet");
    assertThatThrownBy(() -> Warehouse.open(dir.toString(), -1L))
        .extracting(e -> ((WarehouseException) e).kind())
        .isEqualTo(Kind.INVALID_REQUEST);
  }

  @Test
  void active_files_of_a_table_that_is_not_in_the_schema_is_not_found() {
    Warehouse wh = Warehouse.open(dir.toString());

    assertThatThrownBy(() -> wh.activeFiles("fact_nonsense"))
        .isInstanceOf(WarehouseException.class)
        .hasMessageContaining("fact_nonsense")
        .extracting(e -> ((WarehouseException) e).kind())
        .isEqualTo(Kind.NOT_FOUND);
  }

  private TestWarehouse twoLoads() {
    TestWarehouse tw = new TestWarehouse(dir);
    tw.load("load-1", DAY_1, Map.of(Facts.TREATMENT, rows(treatment("00MR", 100.0))));
    tw.load("load-2", DAY_2, Map.of(Facts.TREATMENT, rows(treatment("24", 250.0))));
    return tw;
  }

  private static Object[] treatment(String area, double figure) {
    return row(
        Facts.TREATMENT,
        "area_code",
        area,
        "financial_year",
        "2008-09",
        "client_group",
        "pdu",
        "measure_code",
        "in_treatment",
        "figure",
        figure);
  }

  private static long count(Warehouse wh, String table) throws SQLException {
    try (Statement st = wh.connection().createStatement();
        ResultSet rs = st.executeQuery("select count(*) from " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
