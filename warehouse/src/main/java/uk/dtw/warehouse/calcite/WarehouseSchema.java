package uk.dtw.warehouse.calcite;

import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import uk.dtw.model.schema.StarSchema;
import uk.dtw.model.schema.TableDef;
import uk.dtw.warehouse.WarehouseSnapshot;

/**
 * The warehouse as a Calcite schema: every table of {@link StarSchema#TABLES} by its name, pinned
 * to one warehouse version, and every view of {@link ViewDefinitions} by its name.
 */
public final class WarehouseSchema extends AbstractSchema {
  private final SchemaPlus parent;
  private final String name;
  private final WarehouseSnapshot snapshot;
  private Map<String, Table> tables;
  private Multimap<String, Function> views;

  /**
   * @param parent the schema this one is added to under {@code name}; views resolve their
   *     unqualified table names against the path [{@code name}]
   */
  public WarehouseSchema(SchemaPlus parent, String name, WarehouseSnapshot snapshot) {
    this.parent = parent;
    this.name = name;
    this.snapshot = snapshot;
  }

  @Override
  protected synchronized Map<String, Table> getTableMap() {
    if (tables == null) {
      Map<String, Table> map = new LinkedHashMap<>();
      for (TableDef def : StarSchema.TABLES) {
        map.put(def.name(), new DeltaScannableTable(def, snapshot.table(def.name())));
      }
      tables = Map.copyOf(map);
    }
    return tables;
  }

  // Views are nullary table macros, as Calcite's model handler makes them: the SQL is
  // validated when a query first names the view, so views may name views in any order.
  @Override
  protected synchronized Multimap<String, Function> getFunctionMultimap() {
    if (views == null) {
      ImmutableMultimap.Builder<String, Function> builder = ImmutableMultimap.builder();
      ViewDefinitions.load(WarehouseSchema.class.getClassLoader())
          .forEach((view, sql) -> builder.put(view, new ViewMacro(parent, name, view, sql)));
      views = builder.build();
    }
    return views;
  }
}
