package uk.dtw.warehouse.calcite;

import java.util.List;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.ViewTable;
import org.apache.calcite.sql.parser.SqlParseException;

/**
 * One view file as Calcite's {@link ViewTable#viewMacro} makes it, given the file's SQL re-written
 * by {@link WarehouseDialect#toCalciteDefault} so Calcite reads names as written.
 *
 * <p>Built on first use, so a broken view fails only the queries that name it.
 */
final class ViewMacro implements TableMacro {
  private final SchemaPlus parent;
  private final String name;
  private final String sql;
  private final List<String> schemaPath;
  private volatile TranslatableTable table;

  ViewMacro(SchemaPlus parent, String schemaName, String name, String sql) {
    this.parent = parent;
    this.name = name;
    this.sql = sql;
    this.schemaPath = List.of(schemaName);
  }

  @Override
  public List<FunctionParameter> getParameters() {
    return List.of();
  }

  // Kept once made: Calcite applies the macro for every query naming the view, and re-validating
  // the same SQL against the same pinned tables would give the same answer every time.
  @Override
  public TranslatableTable apply(List<? extends Object> arguments) {
    TranslatableTable made = table;
    if (made == null) {
      made = make(arguments);
      table = made;
    }
    return made;
  }

  private TranslatableTable make(List<? extends Object> arguments) {
    String canonical;
    try {
      canonical = WarehouseDialect.toCalciteDefault(sql);
    } catch (SqlParseException e) {
      throw new IllegalArgumentException(
          "views/" + name + ".sql does not parse: " + e.getMessage(), e);
    }
    List<String> viewPath = List.of(schemaPath.get(0), name);
    return ViewTable.viewMacro(parent, canonical, schemaPath, viewPath, false).apply(arguments);
  }
}
