package uk.dtw.model.schema;

import java.util.Objects;

/** One column of a warehouse table, with the description users read in the data dictionary. */
public record Column(String name, ColumnType type, boolean nullable, String description) {

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (description == null || description.isBlank()) {
      throw new IllegalArgumentException("column " + name + " has no description");
    }
  }

  public static Column required(String name, ColumnType type, String description) {
    return new Column(name, type, false, description);
  }

  public static Column optional(String name, ColumnType type, String description) {
    return new Column(name, type, true, description);
  }
}
