package uk.dtw.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.delta.tables.DeltaTable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.dtw.etl.report.LoadReport;
import uk.dtw.etl.support.SparkTestSession;
import uk.dtw.etl.support.Warehouses;
import uk.dtw.model.schema.AuditTables;
import uk.dtw.model.schema.StarSchema;
import uk.dtw.model.schema.TableDef;

/** Loading the same folder twice changes nothing: no row, no figure, no warehouse version. */
class ReloadTest {

  /** The tables the loads made (the sample has no episodes, so no episode aggregates). */
  private static java.util.List<TableDef> written(Warehouses wh) {
    return StarSchema.TABLES.stream()
        .filter(t -> java.nio.file.Files.isDirectory(wh.warehouse.resolve(t.relativePath())))
        .toList();
  }

  private static Map<String, Long> versions(Warehouses wh) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (TableDef t : written(wh)) {
      out.put(
          t.name(),
          DeltaTable.forPath(
                  SparkTestSession.get(), wh.warehouse.resolve(t.relativePath()).toString())
              .history(1)
              .select("version")
              .first()
              .getLong(0));
    }
    return out;
  }

  @Test
  void reloading_the_same_folder_adds_no_rows_changes_no_figure_and_commits_nothing(
      @TempDir Path dir) {
    Warehouses wh = new Warehouses(dir);
    wh.load(Warehouses.sample());
    Map<String, Dataset<Row>> before = new LinkedHashMap<>();
    for (TableDef t : written(wh)) {
      before.put(
          t.name(),
          wh.table(t).localCheckpoint()); // materialised: a later read must not see new data
    }
    Map<String, Long> versionsBefore = versions(wh);

    LoadReport again = wh.load(Warehouses.sample());

    assertThat(again.committed).isFalse();
    assertThat(again.total(f -> f.read)).isZero();
    assertThat(again.files)
        .filteredOn(f -> f.kind != null)
        .allSatisfy(f -> assertThat(f.status).isEqualTo("unchanged"));
    assertThat(versions(wh)).isEqualTo(versionsBefore);
    for (TableDef t : written(wh)) {
      Dataset<Row> now = wh.table(t);
      assertThat(now.count()).as(t.name()).isEqualTo(before.get(t.name()).count());
      assertThat(now.exceptAll(before.get(t.name())).isEmpty())
          .as(t.name() + " gained rows")
          .isTrue();
      assertThat(before.get(t.name()).exceptAll(now).isEmpty())
          .as(t.name() + " lost rows")
          .isTrue();
    }
  }

  @Test
  void a_renamed_copy_of_a_loaded_file_is_not_loaded_again(@TempDir Path dir) {
    Warehouses wh = new Warehouses(dir);
    wh.write(
        "prevalence_a.csv", "partnership,period,drug_group,estimate", "Gateshead,2008-09,pdu,1169");
    wh.load();
    wh.write(
        "copies/prevalence_b.csv",
        "partnership,period,drug_group,estimate",
        "Gateshead,2008-09,pdu,1169");

    LoadReport report = wh.load();

    assertThat(report.files)
        .filteredOn(f -> f.path.equals("copies/prevalence_b.csv"))
        .singleElement()
        .satisfies(f -> assertThat(f.status).isEqualTo("unchanged"));
    assertThat(wh.table(AuditTables.BRONZE_ROW).count()).isEqualTo(1);
  }
}
