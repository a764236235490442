package uk.dtw.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.Driver;
import org.apache.calcite.schema.SchemaPlus;
import uk.dtw.model.schema.AuditTables;
import uk.dtw.model.schema.Role;
import uk.dtw.warehouse.calcite.CancelCheckProgram;
import uk.dtw.warehouse.calcite.WarehouseDialect;
import uk.dtw.warehouse.calcite.WarehouseSchema;
import uk.dtw.warehouse.calcite.WarehouseTables;
import uk.dtw.warehouse.delta.DeltaTableReader;
import uk.dtw.warehouse.delta.HadoopLocations;
import uk.dtw.warehouse.delta.ScanStats;

/**
 * The read-side facade: one warehouse version, pinned at open, queried through Calcite SQL.
 *
 * <pre>{@code
 * try (Warehouse wh = Warehouse.open("data/warehouse")) {
 *   ResultSet rs = wh.connection().createStatement().executeQuery("select * from penetration");
 * }
 * }</pre>
 */
public final class Warehouse implements AutoCloseable {
  /** The schema tables and views live in, and the connection's default. */
  public static final String SCHEMA = "dw";

  private final WarehouseSnapshot snapshot;
  private final WarehouseTables tables;
  private final Map<Role, Connection> byRole = new EnumMap<>(Role.class);
  private Connection rawConnection;

  private Warehouse(WarehouseSnapshot snapshot) {
    this.snapshot = snapshot;
    this.tables = new WarehouseTables(snapshot);
  }

  /**
   * The latest warehouse version below {@code location} (a local path or any Hadoop URI); an empty
   * warehouse if nothing was loaded.
   */
  public static Warehouse open(String location) {
    return open(location, null);
  }

  /**
   * Warehouse version {@code version} below {@code location}, or the latest when null.
   *
   * @throws WarehouseException if that version does not exist (kind NOT_FOUND) or is negative
   */
  public static Warehouse open(String location, Long version) {
    return new Warehouse(WarehouseSnapshot.open(location, version));
  }

  /**
   * The newest warehouse version below {@code location} (meta_load's latest Delta version, read
   * through Kernel like every other read), or -1 when nothing has been loaded: what a server polls
   * to move to a new load.
   */
  public static long latestVersion(String location) {
    DeltaTableReader metaLoad =
        DeltaTableReader.open(
            HadoopLocations.resolve(location, AuditTables.META_LOAD.relativePath()), null);
    try {
      return metaLoad.version();
    } catch (RuntimeException e) {
      throw WarehouseException.unreadableTable(AuditTables.META_LOAD.name(), null, e);
    }
  }

  /**
   * Like {@link #latestVersion(String)}, but -1 also while meta_load has no row at its latest
   * version: the ETL creates every table empty when it opens a warehouse (meta_load's version 0)
   * and writes the first load's row only when that load commits, so until then there is a version
   * but nothing loaded in it. A server waiting for its first load polls this.
   */
  public static long latestCompletedVersion(String location) {
    DeltaTableReader metaLoad =
        DeltaTableReader.open(
            HadoopLocations.resolve(location, AuditTables.META_LOAD.relativePath()), null);
    try {
      long version = metaLoad.version();
      if (version < 0) {
        return -1;
      }
      try (java.util.stream.Stream<Object[]> rows = metaLoad.rows(AuditTables.META_LOAD)) {
        return rows.findAny().isPresent() ? version : -1;
      }
    } catch (RuntimeException e) {
      throw WarehouseException.unreadableTable(AuditTables.META_LOAD.name(), null, e);
    }
  }

  /**
   * Whether {@code location} (a local path or any Hadoop URI) is a folder, read with the same
   * Hadoop settings as the tables in it.
   */
  public static boolean isFolder(String location) {
    return HadoopLocations.isFolder(location, HadoopLocations.configuration());
  }

  /** The Delta version of meta_load this warehouse reads; -1 when nothing has been loaded. */
  public long version() {
    return snapshot.version();
  }

  /**
   * The Calcite connection (one per warehouse, made on first call), for reading only: default
   * schema {@value #SCHEMA}, in the {@link WarehouseDialect} (lower-case names unquoted, any case
   * matches, reserved words in double quotes: {@code "period"}). DATE columns come back as {@code
   * java.sql.Date} and TIMESTAMP (UTC) as {@code java.sql.Timestamp}, whose {@code toLocalDate()} /
   * {@code toLocalDateTime()} give the stored value in any time zone.
   */
  public Connection connection() throws SQLException {
    return connection(Role.ADMIN);
  }

  /**
   * A connection like {@link #connection()} (one per role, made on first call) over only what
   * {@code role} may read (see {@link WarehouseSchema}): its queries, its {@code "metadata"} schema
   * and its JDBC metadata know nothing else. The tables themselves are shared with the others.
   */
  public synchronized Connection connection(Role role) throws SQLException {
    Connection c = byRole.get(role);
    if (c == null) {
      c = connect(true, role);
      byRole.put(role, c);
    }
    return c;
  }

  /**
   * A connection like {@link #connection()} whose planner never reads the aggregates the load
   * built: every episode measure computed from the episodes themselves, to check the aggregates
   * against and to measure what they save.
   */
  public synchronized Connection connectionWithoutAggregates() throws SQLException {
    if (rawConnection == null) {
      rawConnection = connect(false, Role.ADMIN);
    }
    return rawConnection;
  }

  private Connection connect(boolean useAggregates, Role role) throws SQLException {
    Properties info = WarehouseDialect.connectionProperties();
    // The driver directly rather than DriverManager: no reliance on service files surviving
    // shading.
    CancelCheckProgram.install();
    Connection c = new Driver().connect("jdbc:calcite:", info);
    CalciteConnection calcite = c.unwrap(CalciteConnection.class);
    SchemaPlus root = calcite.getRootSchema();
    root.add(SCHEMA, new WarehouseSchema(root, SCHEMA, tables, useAggregates, role));
    calcite.setSchema(SCHEMA);
    return c;
  }

  /** Absolute paths of the parquet files of a table's pinned version (none for an empty table). */
  public List<String> activeFiles(String tableName) {
    return snapshot.table(tableName).activeFiles();
  }

  /** What scans of a table have read since this warehouse was opened: to see pruning at work. */
  public ScanStats scanStats(String tableName) {
    return snapshot.table(tableName).scanStats();
  }

  @Override
  public synchronized void close() throws SQLException {
    for (Connection c : byRole.values()) {
      c.close();
    }
    if (rawConnection != null) {
      rawConnection.close();
    }
    byRole.clear();
    rawConnection = null;
  }
}
