package uk.dtw.model.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The whole warehouse as data: every table the ETL writes and the read side exposes. */
public final class StarSchema {
  private StarSchema() {}

  public static final List<TableDef> TABLES;

  static {
    List<TableDef> all = new ArrayList<>(Dimensions.ALL);
    all.add(Dimensions.INDICATOR);
    all.addAll(Facts.ALL);
    all.addAll(Aggregates.ALL);
    all.addAll(AuditTables.ALL);
    TABLES = Collections.unmodifiableList(all);
  }

  public static Optional<TableDef> table(String name) {
    return TABLES.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
