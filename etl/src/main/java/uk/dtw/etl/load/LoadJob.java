package uk.dtw.etl.load;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import uk.dtw.etl.conform.OutcomeRows;
import uk.dtw.etl.extract.ExtractKind;
import uk.dtw.etl.extract.Json;
import uk.dtw.etl.extract.Landing;
import uk.dtw.etl.extract.LandingFile;
import uk.dtw.etl.report.FileReport;
import uk.dtw.etl.report.LoadReport;
import uk.dtw.etl.spark.SparkTypes;
import uk.dtw.model.schema.Aggregates;
import uk.dtw.model.schema.AuditTables;
import uk.dtw.model.schema.Dimensions;
import uk.dtw.model.schema.StarSchema;
import uk.dtw.model.schema.TableDef;

/**
 * Loads a landing folder into the warehouse: new files only (by content hash), every row to bronze,
 * each figure merged into its fact table by natural key, held-back rows to quarantine, and last of
 * all one meta_load row that makes the load visible to readers.
 */
public final class LoadJob {
  /** Problems listed per file in the report; all of them are in quarantine_row. */
  static final int PROBLEMS_PER_FILE = 50;

  private final SparkSession spark;
  private final DeltaTables tables;
  private final String warehouse;
  private final Consumer<String> progress;
  private final ReadMeter meter;

  /**
   * Per kind, the paths whose bytes changed since they were loaded: their old figures are replaced.
   */
  private final Map<ExtractKind, Set<String>> changedFiles = new EnumMap<>(ExtractKind.class);

  public LoadJob(SparkSession spark, String warehouse) {
    this(spark, warehouse, line -> {});
  }

  /**
   * {@code progress} gets a line per group of files as the load reaches it (the command line prints
   * them on stderr).
   */
  public LoadJob(SparkSession spark, String warehouse, Consumer<String> progress) {
    this(spark, warehouse, progress, ReadMeter.off());
  }

  /** {@code meter} counts the files, rows and bytes read as the load reads them. */
  public LoadJob(SparkSession spark, String warehouse, Consumer<String> progress, ReadMeter meter) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.tables = new DeltaTables(spark, warehouse);
    this.progress = progress;
    this.meter = meter;
  }

  public LoadReport run(String landing) {
    Instant started = Instant.now();
    String loadId =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(started)
            + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    LoadReport report = new LoadReport(loadId, started);
    try (LoadLock lock =
        LoadLock.acquire(warehouse, loadId, spark.sparkContext().hadoopConfiguration())) {
      report.completedInterruptedLoad = lock.tookOverFrom;
      load(landing, report);
    }
    return report;
  }

  private void load(String landing, LoadReport report) {
    String loadId = report.loadId;
    StepTimes steps = new StepTimes(progress);
    steps.step("opening", "opening the warehouse " + warehouse + "...");
    // The episode aggregates are made when first built: a warehouse without episodes never
    // writes them (readers take a table the load did not record as empty).
    StarSchema.TABLES.stream()
        .filter(t -> !Aggregates.viewOf().containsKey(t))
        .forEach(tables::ensure);

    steps.step("listing", "listing and hashing the files in " + landing + "...");
    List<Landing.Entry> entries = Landing.list(spark, landing);
    steps.step("planning", null);
    Map<ExtractKind, Map<String, LandingFile>> newFiles = plan(entries, report);
    planned(newFiles, entries);
    List<Dataset<Row>> bronze = new ArrayList<>();
    List<Dataset<Row>> quarantine = new ArrayList<>();
    Map<ExtractKind, Dataset<Row>> facts = new EnumMap<>(ExtractKind.class);
    List<Dataset<Row>> cached = new ArrayList<>();
    Map<String, LandingFile> allNew = new HashMap<>();
    Dataset<Row> definitions = null;
    for (Map.Entry<ExtractKind, Map<String, LandingFile>> e : newFiles.entrySet()) {
      ExtractKind kind = e.getKey();
      int n = e.getValue().size();
      steps.step(
          "reading " + kind.code(),
          "loading " + n + " " + kind.code() + " file" + (n == 1 ? "" : "s") + "...");
      allNew.putAll(e.getValue());
      Dataset<Row> outcomes = outcomes(spark, kind, e.getValue(), loadId, meter.counters(), cached);
      // The first action over the outcomes reads the files (the rest read the cache): metered.
      meter.reading(kind, scans(outcomes));
      outcomes.persist();
      cached.add(outcomes);
      LoadAccounting.count(
          outcomes, e.getValue(), report, PROBLEMS_PER_FILE, rows -> meter.read(kind, rows));
      LoadAccounting.warnings(outcomes, e.getValue(), report, PROBLEMS_PER_FILE);
      bronze.add(outcomes.filter(col("first_of_row")).select(columns(AuditTables.BRONZE_ROW)));
      quarantine.add(
          outcomes
              .filter(col("status").equalTo(OutcomeRows.QUARANTINED))
              .select(columns(AuditTables.QUARANTINE_ROW)));
      facts.put(
          kind,
          latestPerKey(
              kind.factTable(), outcomes.filter(col("status").equalTo(OutcomeRows.LOADED))));
      if (kind == ExtractKind.INDICATOR) {
        // Indicators are defined by the extracts themselves; the later file's definition wins.
        definitions =
            latestPerKey(
                Dimensions.INDICATOR, outcomes.filter(col("status").equalTo(OutcomeRows.LOADED)));
      }
    }

    // Order matters for crash safety: everything before meta_load is invisible to readers and
    // idempotent to redo, so a load killed anywhere is completed by simply running it again.
    if (!bronze.isEmpty()) {
      steps.step("bronze and quarantine", "writing bronze, quarantine and facts...");
      tables.insertNew(
          AuditTables.BRONZE_ROW, bronze.stream().reduce(Dataset::unionByName).orElseThrow());
      tables.insertNew(
          AuditTables.QUARANTINE_ROW,
          quarantine.stream().reduce(Dataset::unionByName).orElseThrow());
    }
    // The partnerships whose episodes this load may have changed: only their aggregates change.
    Set<String> episodeAreas = new HashSet<>();
    facts.forEach(
        (kind, rows) -> {
          steps.step(kind.factTable().name(), null);
          List<Row> partitions =
              tables.merge(kind.factTable(), rows, changedFiles.getOrDefault(kind, Set.of()));
          if (kind == ExtractKind.EPISODES) {
            int area = kind.factTable().partitionColumns().indexOf("area_code");
            partitions.forEach(p -> episodeAreas.add(p.getString(area)));
          }
        });
    if (definitions != null) {
      steps.step(Dimensions.INDICATOR.name(), null);
      tables.merge(Dimensions.INDICATOR, definitions);
    }
    // Every table the outcomes feed is written: their memory goes to the aggregates' caches.
    cached.forEach(Dataset::unpersist);
    steps.step("dimensions", "comparing the dimensions with the reference data...");
    boolean dimensionsChanged = false;
    Map<TableDef, List<Row>> dimensions = new LinkedHashMap<>();
    for (TableDef dim : Dimensions.ALL) {
      List<Row> rows = ReferenceDimensions.rows(dim);
      dimensions.put(dim, rows);
      dimensionsChanged |= tables.replaceIfChanged(dim, rows);
    }
    boolean committing = !allNew.isEmpty() || dimensionsChanged;
    if (committing
        && EpisodeAggregates.needed(
            tables, facts.containsKey(ExtractKind.EPISODES), dimensionsChanged)) {
      steps.step("aggregates", "summarising episodes...");
      EpisodeAggregates.rebuild(
          spark,
          tables,
          dimensions,
          EpisodeAggregates.onlyThoseChanged(tables, dimensionsChanged) ? episodeAreas : null);
    }
    if (Findings.couldFind(facts.keySet().stream().map(ExtractKind::factTable).toList())) {
      steps.step("findings", "checking across files...");
      Findings.run(spark, tables, report);
    }
    steps.step("commit", null);
    Instant finished = Instant.now();
    if (!allNew.isEmpty()) {
      // An upsert, not an insert: a load killed after this step left rows naming its own load,
      // which never committed; the run that completes it takes them over.
      tables.merge(
          AuditTables.META_FILE,
          spark.createDataFrame(
              LoadAccounting.manifestRows(allNew.values(), report, loadId, finished),
              SparkTypes.of(AuditTables.META_FILE)));
    }
    if (committing) {
      commit(report, finished);
    }
    report.warehouseVersion = tables.version(AuditTables.META_LOAD);
    progress.accept(steps.summary());
  }

  /**
   * One kind's new files read and conformed: an outcome row per figure, held-back rule, skip or
   * warning ({@link OutcomeRows}), nothing run yet (except numbering the lines of large
   * record-level files). What it persists on the way is added to {@code cached}, for the caller to
   * unpersist.
   */
  static Dataset<Row> outcomes(
      SparkSession spark,
      ExtractKind kind,
      Map<String, LandingFile> files,
      String loadId,
      uk.dtw.etl.conform.ReadCounters counters,
      List<Dataset<Row>> cached) {
    if (kind.recordLevel()) {
      return RecordLevelRead.outcomes(spark, kind, files, loadId, counters, cached);
    }
    String[] uris = files.values().stream().map(LandingFile::uri).distinct().toArray(String[]::new);
    return spark
        .read()
        .format("binaryFile")
        .load(uris)
        .flatMap(
            new OutcomeRows(kind, files, loadId).counting(counters),
            Encoders.row(OutcomeRows.schema(kind)));
  }

  /**
   * How many times a plan reads its input files: the leaves of its logical plan (each a scan of the
   * landing files in an outcomes plan), where leaves that are one persisted dataset count once
   * (record-level plans read their conformed rows twice, from one cache: see RecordLevelRead).
   */
  static int scans(Dataset<Row> outcomes) {
    var session = (org.apache.spark.sql.classic.SparkSession) outcomes.sparkSession();
    var cache = session.sharedState().cacheManager();
    Set<Object> reads = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (var leaf :
        scala.jdk.javaapi.CollectionConverters.asJava(
            outcomes.queryExecution().analyzed().collectLeaves())) {
      var cached = cache.lookupCachedData(session, leaf);
      reads.add(cached.isDefined() ? cached.get().cachedRepresentation().cacheBuilder() : leaf);
    }
    return reads.size();
  }

  /** Tells the meter each kind's new files and their bytes (a workbook's once per kind). */
  private void planned(
      Map<ExtractKind, Map<String, LandingFile>> newFiles, List<Landing.Entry> entries) {
    Map<String, Long> bytesOfUri = new HashMap<>();
    entries.forEach(en -> bytesOfUri.put(en.uri(), en.bytes()));
    newFiles.forEach(
        (kind, files) ->
            meter.planned(
                kind,
                files.size(),
                files.values().stream()
                    .map(LandingFile::uri)
                    .distinct()
                    .mapToLong(u -> bytesOfUri.getOrDefault(u, 0L))
                    .sum()));
    meter.plannedAll();
  }

  /**
   * Sorts the landing files into new, unchanged, duplicate and ignored; numbers the new ones in
   * path order.
   */
  private Map<ExtractKind, Map<String, LandingFile>> plan(
      List<Landing.Entry> entries, LoadReport report) {
    // Only files of committed loads count: a killed load's files are loaded again, idempotently.
    Dataset<Row> committed = tables.read(AuditTables.META_LOAD).select("load_id");
    Map<String, String> pathOfHash = new HashMap<>();
    Set<String> loadedPaths = new HashSet<>();
    for (Row r :
        tables
            .read(AuditTables.META_FILE)
            .join(committed, "load_id")
            .select("file_sha256", "source_file")
            .collectAsList()) {
      pathOfHash.put(r.getString(0), r.getString(1));
      loadedPaths.add(r.getString(1));
    }
    Set<String> loadedBefore = pathOfHash.keySet();
    Map<String, String> seenNow = new HashMap<>();
    Map<ExtractKind, Map<String, LandingFile>> newFiles = new EnumMap<>(ExtractKind.class);
    int order = 0;
    for (Landing.Entry e : entries) {
      if (e.kind() == null) {
        report.files.add(
            new FileReport(
                "ignored",
                e.relativePath(),
                null,
                "not an extract: the name must start with "
                    + ExtractKind.prefixes()
                    + " and end in .csv, or be an .xlsx workbook whose sheets (or its own name) start so"));
      } else if (e.empty()) {
        report.files.add(
            new FileReport(
                "empty",
                e.relativePath(),
                e.kind().code(),
                "the file is empty: no header and no rows, so nothing was loaded; was it saved completely?"));
      } else if (loadedBefore.contains(e.sha256())) {
        report.files.add(
            new FileReport(
                "unchanged", e.relativePath(), e.kind().code(), "these bytes were loaded before"));
      } else if (seenNow.containsKey(e.sha256())) {
        report.files.add(
            new FileReport(
                "duplicate",
                e.relativePath(),
                e.kind().code(),
                "same bytes as " + seenNow.get(e.sha256())));
      } else {
        seenNow.put(e.sha256(), e.relativePath());
        newFiles
            .computeIfAbsent(e.kind(), k -> new LinkedHashMap<>())
            .put(
                e.relativePath(),
                new LandingFile(
                    e.uri(), e.relativePath(), e.sha256(), e.kind(), order++, e.sheet()));
        boolean changed = loadedPaths.contains(e.relativePath());
        if (changed) {
          changedFiles.computeIfAbsent(e.kind(), k -> new HashSet<>()).add(e.relativePath());
        }
        report.files.add(
            new FileReport(
                "new",
                e.relativePath(),
                e.kind().code(),
                changed
                    ? "changed since it was last loaded: its figures replace exactly those its earlier version gave"
                    : null));
      }
    }
    return newFiles;
  }

  /**
   * Within one load the same key may come from several files: the later file (in path order) wins.
   * For record-level facts only the few keys given more than once go through the window, so the
   * millions of others are not shuffled whole.
   */
  private static Dataset<Row> latestPerKey(TableDef fact, Dataset<Row> loaded) {
    Column[] key =
        fact.naturalKey().stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    if (fact.partitionColumns().isEmpty()) {
      return latest(fact, loaded, key);
    }
    Dataset<Row> repeated =
        loaded
            .groupBy(key)
            .count()
            .filter(col("count").gt(1))
            .select(key)
            .withColumn("_repeated", org.apache.spark.sql.functions.lit(true));
    Dataset<Row> tagged =
        loaded.join(
            org.apache.spark.sql.functions.broadcast(repeated),
            scala.jdk.javaapi.CollectionConverters.asScala(fact.naturalKey()).toSeq(),
            "left");
    return tagged
        .filter(col("_repeated").isNull())
        .select(columns(fact))
        .unionByName(latest(fact, tagged.filter(col("_repeated").isNotNull()), key));
  }

  private static Dataset<Row> latest(TableDef fact, Dataset<Row> loaded, Column[] key) {
    return loaded
        .withColumn(
            "_latest",
            row_number()
                .over(
                    Window.partitionBy(key)
                        .orderBy(col("file_order").desc(), col("source_row").desc())))
        .filter(col("_latest").equalTo(1))
        .select(columns(fact));
  }

  private void commit(LoadReport report, Instant finished) {
    Map<String, Object> versions = new LinkedHashMap<>();
    for (TableDef t : StarSchema.TABLES) {
      long version = t == AuditTables.META_LOAD ? -1 : tables.version(t);
      if (version >= 0) {
        versions.put(t.relativePath(), version);
      }
    }
    Row row =
        RowFactory.create(
            report.loadId,
            Timestamp.from(report.startedAt),
            Timestamp.from(finished),
            report.files.size(),
            (int) report.files.stream().filter(f -> "new".equals(f.status)).count(),
            report.total(f -> f.read),
            report.total(f -> f.loaded),
            report.total(f -> f.quarantined),
            Json.object(versions));
    spark
        .createDataFrame(List.of(row), SparkTypes.of(AuditTables.META_LOAD))
        .write()
        .format("delta")
        .mode("append")
        .save(tables.path(AuditTables.META_LOAD));
    report.committed = true;
  }

  private static Column[] columns(TableDef table) {
    return table.columnNames().stream()
        .map(org.apache.spark.sql.functions::col)
        .toArray(Column[]::new);
  }
}
