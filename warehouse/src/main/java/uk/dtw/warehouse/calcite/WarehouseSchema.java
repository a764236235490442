package uk.dtw.warehouse.calcite;

import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import uk.dtw.model.schema.Aggregates;
import uk.dtw.model.schema.StarSchema;
import uk.dtw.model.schema.TableDef;
import uk.dtw.warehouse.WarehouseSnapshot;

/**
 * The warehouse as a Calcite schema: every table of {@link StarSchema#TABLES} by its name, pinned
 * to one warehouse version, and every view of {@link ViewDefinitions} by its name.
 *
 * <p>A view the load stores as an aggregate ({@link Aggregates#viewOf}) reads that table instead of
 * its definition, whenever the snapshot's load recorded it: queries name the view and get the
 * stored rows, a few thousand instead of every episode. Calcite's own materialization matching was
 * tried first and measured: it substituted one aggregate per query, missed a view queried for some
 * of its columns, and added about 0.6 s of planning to each query. The definitions still run on a
 * schema made with {@code useAggregates} false, and the tests hold the two to each other.
 */
public final class WarehouseSchema extends AbstractSchema {
  private final SchemaPlus parent;
  private final String name;
  private final WarehouseSnapshot snapshot;
  private final boolean useAggregates;
  private Map<String, Table> tables;
  private Multimap<String, Function> views;

  /**
   * @param parent the schema this one is added to under {@code name}; views resolve their
   *     unqualified table names against the path [{@code name}]
   * @param useAggregates whether views the load stored read their aggregate (see above)
   */
  public WarehouseSchema(
      SchemaPlus parent, String name, WarehouseSnapshot snapshot, boolean useAggregates) {
    this.parent = parent;
    this.name = name;
    this.snapshot = snapshot;
    this.useAggregates = useAggregates;
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
      Map<String, String> stored = new HashMap<>();
      Aggregates.viewOf()
          .forEach(
              (table, view) -> {
                if (useAggregates && snapshot.recorded(table.name())) {
                  stored.put(view, "SELECT * FROM " + table.name());
                }
              });
      ViewDefinitions.load(WarehouseSchema.class.getClassLoader())
          .forEach(
              (view, sql) ->
                  builder.put(
                      view, new ViewMacro(parent, name, view, stored.getOrDefault(view, sql))));
      views = builder.build();
    }
    return views;
  }
}
