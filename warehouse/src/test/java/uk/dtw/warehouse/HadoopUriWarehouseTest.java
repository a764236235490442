package uk.dtw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.dtw.warehouse.testing.TestRows.row;
import static uk.dtw.warehouse.testing.TestRows.rows;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.dtw.model.schema.Facts;
import uk.dtw.warehouse.testing.LoopFileSystem;
import uk.dtw.warehouse.testing.TestWarehouse;

/**
 * The read side opens a warehouse by any Hadoop URI, with the Hadoop settings the load uses (here
 * {@code -Dspark.hadoop.fs.loop.impl}, set in this module's surefire configuration).
 */
class HadoopUriWarehouseTest {
  @TempDir Path dir;

  @Test
  void a_warehouse_named_by_a_file_uri_reads_as_by_its_path() throws Exception {
    TestWarehouse tw = twoLoads();

    assertThat(figures(tw.root().toUri().toString())).isEqualTo(figures(tw.root().toString()));
    assertThat(Warehouse.latestVersion(tw.root().toUri().toString())).isEqualTo(1L);
  }

  @Test
  void a_warehouse_on_another_hadoop_file_system_reads_through_the_hadoop_settings()
      throws Exception {
    TestWarehouse tw = twoLoads();
    String uri = "loop://" + tw.root();

    assertThat(System.getProperty("spark.hadoop.fs.loop.impl"))
        .isEqualTo(LoopFileSystem.class.getName());
    assertThat(Warehouse.isFolder(uri)).isTrue();
    assertThat(Warehouse.isFolder(uri + "/no-such-folder")).isFalse();
    assertThat(Warehouse.latestVersion(uri)).isEqualTo(1L);
    assertThat(figures(uri)).containsExactly("00MR=100.0", "24=250.0");
    try (Warehouse first = Warehouse.open(uri, 0L)) {
      assertThat(first.activeFiles("fact_treatment"))
          .singleElement()
          .asString()
          .startsWith("loop:");
    }
  }

  private List<String> figures(String location) throws Exception {
    List<String> figures = new ArrayList<>();
    try (Warehouse wh = Warehouse.open(location);
        ResultSet rs =
            wh.connection()
                .createStatement()
                .executeQuery("select area_code, figure from fact_treatment order by area_code")) {
      while (rs.next()) {
        figures.add(rs.getString(1) + "=" + rs.getDouble(2));
      }
    }
    return figures;
  }

  private TestWarehouse twoLoads() {
    TestWarehouse tw = new TestWarehouse(dir);
    tw.load(
        "load-1",
        Instant.parse("2024-01-01T09:00:00Z"),
        Map.of(Facts.TREATMENT, rows(treatment("00MR", 100.0))));
    tw.load(
        "load-2",
        Instant.parse("2024-01-02T09:00:00Z"),
        Map.of(Facts.TREATMENT, rows(treatment("24", 250.0))));
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
}
