package uk.dtw.model.schema;

/**
 * The logical column types of the warehouse; the ETL maps them to Spark types, the read side to
 * Calcite types.
 */
public enum ColumnType {
  STRING,
  INT,
  LONG,
  /** Counts, estimates, rates and pounds: all whole pounds or small decimals, exact in a double. */
  DOUBLE,
  BOOLEAN,
  DATE,
  TIMESTAMP
}
