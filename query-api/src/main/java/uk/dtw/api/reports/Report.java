package uk.dtw.api.reports;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import uk.dtw.api.sql.Table;

/**
 * A report as data, before any format: its name, metadata (parameters, units, counts) and one or
 * more named tables, the first being the main one that CSV gives by default.
 */
public final class Report {
  private final String name;
  private final Map<String, Object> metadata;
  private final Map<String, Table> tables;

  private Report(String name, Map<String, Object> metadata, Map<String, Table> tables) {
    this.name = name;
    this.metadata = Collections.unmodifiableMap(metadata);
    this.tables = Collections.unmodifiableMap(tables);
  }

  public static Builder named(String name) {
    return new Builder(name);
  }

  public String name() {
    return name;
  }

  public Map<String, Object> metadata() {
    return metadata;
  }

  /** Tables in order; the first is the report's main table. */
  public Map<String, Table> tables() {
    return tables;
  }

  public String mainTable() {
    return tables.keySet().iterator().next();
  }

  /** Collects metadata and tables in the order they should appear. */
  public static final class Builder {
    private final String name;
    private final Map<String, Object> metadata = new LinkedHashMap<>();
    private final Map<String, Table> tables = new LinkedHashMap<>();

    private Builder(String name) {
      this.name = name;
    }

    public Builder meta(String key, Object value) {
      metadata.put(key, value);
      return this;
    }

    public Builder table(String tableName, Table table) {
      tables.put(tableName, table);
      return this;
    }

    public Report build() {
      if (tables.isEmpty()) {
        throw new IllegalStateException("report " + name + " has no table");
      }
      return new Report(name, new LinkedHashMap<>(metadata), new LinkedHashMap<>(tables));
    }
  }
}
