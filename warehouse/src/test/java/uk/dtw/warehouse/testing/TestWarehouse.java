package uk.dtw.warehouse.testing;

import static uk.dtw.warehouse.testing.TestRows.row;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import uk.dtw.model.schema.AuditTables;
import uk.dtw.model.schema.TableDef;

/** A warehouse folder written the way the ETL writes one: tables first, then meta_load last. */
public final class TestWarehouse {
  private final Path root;
  private final Map<String, Long> versions = new TreeMap<>();

  public TestWarehouse(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /**
   * Appends each table's rows, then records the load in meta_load; returns the new warehouse
   * version.
   */
  public long load(String loadId, Instant finishedAt, Map<TableDef, List<Object[]>> tables) {
    write(tables);
    String json =
        versions.entrySet().stream()
            .map(e -> "\"" + e.getKey() + "\": " + e.getValue())
            .collect(Collectors.joining(", ", "{", "}"));
    return recordLoad(loadId, finishedAt, json);
  }

  /** Appends the tables' rows but never writes meta_load, like a load that crashed. */
  public void crashedLoad(Map<TableDef, List<Object[]>> tables) {
    write(tables);
  }

  /** Appends one meta_load row as given; returns the new warehouse version. */
  public long recordLoad(String loadId, Instant finishedAt, String tableVersionsJson) {
    return DeltaTestTables.append(
        folder(AuditTables.META_LOAD),
        AuditTables.META_LOAD,
        metaLoad(loadId, finishedAt, tableVersionsJson));
  }

  public static Object[] metaLoad(String loadId, Instant finishedAt, String tableVersionsJson) {
    return row(
        AuditTables.META_LOAD,
        "load_id",
        loadId,
        "started_at",
        finishedAt.minusSeconds(60),
        "finished_at",
        finishedAt,
        "table_versions",
        tableVersionsJson);
  }

  public Path folder(TableDef def) {
    return root.resolve(def.relativePath());
  }

  private void write(Map<TableDef, List<Object[]>> tables) {
    tables.forEach(
        (def, rows) ->
            versions.put(def.relativePath(), DeltaTestTables.append(folder(def), def, rows)));
  }
}
