package uk.dtw.warehouse;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.dtw.model.schema.AuditTables;
import uk.dtw.model.schema.StarSchema;
import uk.dtw.model.schema.TableDef;
import uk.dtw.warehouse.delta.DeltaTableReader;
import uk.dtw.warehouse.delta.HadoopLocations;

/**
 * One warehouse version resolved: every table of the star schema pinned to the Delta version the
 * last completed load recorded, so every answer comes from one consistent snapshot.
 *
 * <p>The rule (docs/internal/CONTRACTS.md): the warehouse version is the Delta version of {@code
 * meta/meta_load}; its row with the greatest {@code finished_at} lists, in {@code table_versions},
 * the version of every table as that load left it. Unlisted tables are empty, so a crashed load
 * that never wrote meta_load is invisible.
 */
public final class WarehouseSnapshot {
  private static final Logger LOG = LoggerFactory.getLogger(WarehouseSnapshot.class);
  private static final TableDef META_LOAD = AuditTables.META_LOAD;

  private final long version;
  private final Map<String, DeltaTableReader> tables;
  private final Set<String> pinned;

  private WarehouseSnapshot(
      long version, Map<String, DeltaTableReader> tables, Set<String> pinned) {
    this.version = version;
    this.tables = tables;
    this.pinned = pinned;
  }

  /** Resolves warehouse version {@code requested} below {@code root}, or the latest when null. */
  public static WarehouseSnapshot open(Path root, Long requested) {
    return open(root.toString(), requested);
  }

  /** Like {@link #open(Path, Long)} for a root given as a local path or any Hadoop URI. */
  public static WarehouseSnapshot open(String root, Long requested) {
    if (requested != null && requested < 0) {
      throw WarehouseException.invalidVersion(requested);
    }
    String metaFolder = HadoopLocations.resolve(root, META_LOAD.relativePath());
    DeltaTableReader meta = DeltaTableReader.open(metaFolder, null);
    if (requested != null && requested != meta.version()) {
      if (requested > meta.version()) {
        throw WarehouseException.versionNotFound(requested, meta.version());
      }
      meta = DeltaTableReader.open(metaFolder, requested);
    }
    Map<String, Long> pins = lastLoadPins(meta);
    Map<String, DeltaTableReader> tables = new LinkedHashMap<>();
    Set<String> pinned = new HashSet<>();
    for (TableDef def : StarSchema.TABLES) {
      String folder = HadoopLocations.resolve(root, def.relativePath());
      Long pin = pins.get(def.relativePath());
      if (pin != null) {
        pinned.add(def.name());
      }
      tables.put(
          def.name(),
          def.equals(META_LOAD)
              ? meta
              : pin == null ? DeltaTableReader.empty(folder) : DeltaTableReader.open(folder, pin));
    }
    LOG.debug("Warehouse {} at version {}: tables pinned to {}", root, meta.version(), pins);
    return new WarehouseSnapshot(meta.version(), Map.copyOf(tables), Set.copyOf(pinned));
  }

  /** The Delta version of meta_load this snapshot reads; -1 when nothing has been loaded. */
  public long version() {
    return version;
  }

  /** The pinned reader of a table of {@link StarSchema#TABLES}, by name. */
  public DeltaTableReader table(String name) {
    DeltaTableReader reader = tables.get(name);
    if (reader == null) {
      throw WarehouseException.unknownTable(name);
    }
    return reader;
  }

  /**
   * Whether the last load recorded a version of this table: false for a table that load's code did
   * not know (an aggregate added since), which reads as empty and must not stand in for its facts.
   */
  public boolean recorded(String name) {
    return pinned.contains(name);
  }

  // Ties on finished_at cannot happen with one writer; if they did, the later row in scan order
  // wins.
  private static Map<String, Long> lastLoadPins(DeltaTableReader meta) {
    int finishedAt = META_LOAD.columnNames().indexOf("finished_at");
    int tableVersions = META_LOAD.columnNames().indexOf("table_versions");
    Object[] last = null;
    try (Stream<Object[]> rows = meta.rows(META_LOAD)) {
      for (Object[] row : (Iterable<Object[]>) rows::iterator) {
        if (last == null || compare(row[finishedAt], last[finishedAt]) >= 0) {
          last = row;
        }
      }
    }
    return last == null ? Map.of() : TableVersions.parse((String) last[tableVersions]);
  }

  private static int compare(Object a, Object b) {
    return Long.compare(
        a == null ? Long.MIN_VALUE : (Long) a, b == null ? Long.MIN_VALUE : (Long) b);
  }
}
