package uk.dtw.warehouse.calcite;

import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import uk.dtw.model.schema.Aggregates;
import uk.dtw.model.schema.Role;
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
 *
 * <p>Made for one {@link Role}, it holds only what that role may read: the tables it {@link
 * Role#reads} and the views whose SQL reads nothing else ({@link ReadableViews}). The rest is not
 * there at all, so a query naming it, the metadata schema and JDBC metadata treat it exactly as a
 * table that does not exist; a view's SQL is expanded against this same schema, which is why a view
 * over hidden tables must be hidden too.
 */
public final class WarehouseSchema extends AbstractSchema {
  private final SchemaPlus parent;
  private final String name;
  private final WarehouseTables all;
  private final WarehouseSnapshot snapshot;
  private final boolean useAggregates;
  private final Role role;
  private Map<String, Table> tables;
  private Multimap<String, Function> views;

  /**
   * @param parent the schema this one is added to under {@code name}; views resolve their
   *     unqualified table names against the path [{@code name}]
   * @param useAggregates whether views the load stored read their aggregate (see above)
   */
  public WarehouseSchema(
      SchemaPlus parent, String name, WarehouseSnapshot snapshot, boolean useAggregates) {
    this(parent, name, new WarehouseTables(snapshot), useAggregates, Role.ADMIN);
  }

  /**
   * As above, over tables shared with other schemas of the same snapshot, holding only what {@code
   * role} may read.
   */
  public WarehouseSchema(
      SchemaPlus parent, String name, WarehouseTables tables, boolean useAggregates, Role role) {
    this.parent = parent;
    this.name = name;
    this.all = tables;
    this.snapshot = tables.snapshot();
    this.useAggregates = useAggregates;
    this.role = role;
  }

  @Override
  protected synchronized Map<String, Table> getTableMap() {
    if (tables == null) {
      Map<String, Table> map = new LinkedHashMap<>();
      for (TableDef def : StarSchema.TABLES) {
        if (role.reads(def)) {
          map.put(def.name(), all.all().get(def.name()));
        }
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
      Map<String, String> effective = new LinkedHashMap<>();
      ViewDefinitions.load(WarehouseSchema.class.getClassLoader())
          .forEach((view, sql) -> effective.put(view, stored.getOrDefault(view, sql)));
      Set<String> readable = ReadableViews.of(effective, hiddenTables());
      effective.forEach(
          (view, sql) -> {
            if (readable.contains(view)) {
              builder.put(view, new ViewMacro(parent, name, view, sql));
            }
          });
      views = builder.build();
    }
    return views;
  }

  private Set<String> hiddenTables() {
    Set<String> hidden = new java.util.HashSet<>();
    for (TableDef def : StarSchema.TABLES) {
      if (!role.reads(def)) {
        hidden.add(def.name());
      }
    }
    return hidden;
  }
}
