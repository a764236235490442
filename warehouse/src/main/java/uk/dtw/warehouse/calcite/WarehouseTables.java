package uk.dtw.warehouse.calcite;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.schema.Table;
import uk.dtw.model.schema.StarSchema;
import uk.dtw.model.schema.TableDef;
import uk.dtw.warehouse.WarehouseSnapshot;

/**
 * The Calcite tables of one warehouse snapshot, made once and shared by every schema over it (one
 * per role, with and without aggregates): a small table read into memory is then read once, however
 * many connections name it.
 */
public final class WarehouseTables {
  private final WarehouseSnapshot snapshot;
  private Map<String, Table> tables;

  public WarehouseTables(WarehouseSnapshot snapshot) {
    this.snapshot = snapshot;
  }

  WarehouseSnapshot snapshot() {
    return snapshot;
  }

  /** Every table of {@link StarSchema#TABLES} by its name. */
  synchronized Map<String, Table> all() {
    if (tables == null) {
      Map<String, Table> map = new LinkedHashMap<>();
      for (TableDef def : StarSchema.TABLES) {
        map.put(def.name(), new DeltaScannableTable(def, snapshot.table(def.name())));
      }
      tables = Map.copyOf(map);
    }
    return tables;
  }
}
