package uk.dtw.warehouse.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import uk.dtw.model.schema.Column;
import uk.dtw.model.schema.ColumnType;
import uk.dtw.model.schema.TableDef;

/**
 * The adapter from the warehouse's schema-as-data to Calcite row types (the ETL has its own to
 * Spark).
 */
public final class CalciteTypes {
  private CalciteTypes() {}

  /**
   * The row type of a table: its columns in order, each nullable exactly when the schema says so.
   */
  public static RelDataType rowType(TableDef def, RelDataTypeFactory factory) {
    RelDataTypeFactory.Builder row = factory.builder();
    for (Column column : def.columns()) {
      row.add(
          column.name(),
          factory.createTypeWithNullability(sqlType(column.type(), factory), column.nullable()));
    }
    return row.build();
  }

  static RelDataType sqlType(ColumnType type, RelDataTypeFactory factory) {
    return switch (type) {
      case STRING -> factory.createSqlType(SqlTypeName.VARCHAR);
      case INT -> factory.createSqlType(SqlTypeName.INTEGER);
      case LONG -> factory.createSqlType(SqlTypeName.BIGINT);
      case DOUBLE -> factory.createSqlType(SqlTypeName.DOUBLE);
      case BOOLEAN -> factory.createSqlType(SqlTypeName.BOOLEAN);
      case DATE -> factory.createSqlType(SqlTypeName.DATE);
      // Precision 3 says what the values hold (milliseconds); Calcite's default would be 0.
      case TIMESTAMP -> factory.createSqlType(SqlTypeName.TIMESTAMP, 3);
    };
  }
}
