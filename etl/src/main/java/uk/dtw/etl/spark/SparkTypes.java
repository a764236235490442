package uk.dtw.etl.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import uk.dtw.model.schema.Column;
import uk.dtw.model.schema.ColumnType;
import uk.dtw.model.schema.TableDef;

/** Turns the warehouse schema (defined once in the warehouse module) into Spark types. */
public final class SparkTypes {
  private SparkTypes() {}

  public static DataType of(ColumnType type) {
    return switch (type) {
      case STRING -> DataTypes.StringType;
      case INT -> DataTypes.IntegerType;
      case LONG -> DataTypes.LongType;
      case DOUBLE -> DataTypes.DoubleType;
      case BOOLEAN -> DataTypes.BooleanType;
      case DATE -> DataTypes.DateType;
      case TIMESTAMP -> DataTypes.TimestampType;
    };
  }

  /** The table's Spark schema; each column's description travels as its Delta comment. */
  public static StructType of(TableDef table) {
    return new StructType(fields(table.columns(), false).toArray(StructField[]::new));
  }

  /** Fields for the columns; {@code allNullable} for working shapes where a row may lack them. */
  public static List<StructField> fields(List<Column> columns, boolean allNullable) {
    List<StructField> fields = new ArrayList<>();
    for (Column c : columns) {
      Metadata comment = new MetadataBuilder().putString("comment", c.description()).build();
      fields.add(new StructField(c.name(), of(c.type()), allNullable || c.nullable(), comment));
    }
    return fields;
  }
}
