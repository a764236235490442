package uk.dtw.model.schema;

import static uk.dtw.model.schema.Column.optional;
import static uk.dtw.model.schema.Column.required;
import static uk.dtw.model.schema.ColumnType.INT;
import static uk.dtw.model.schema.ColumnType.LONG;
import static uk.dtw.model.schema.ColumnType.STRING;
import static uk.dtw.model.schema.ColumnType.TIMESTAMP;

import java.util.List;

/**
 * Bronze, quarantine and load bookkeeping: what makes "nothing lost" and "one snapshot per answer"
 * checkable.
 */
public final class AuditTables {
  private AuditTables() {}

  public static final TableDef BRONZE_ROW =
      new TableDef(
          "bronze_row",
          Layer.BRONZE,
          "Every input row as read, before any conforming.",
          List.of(
              required("load_id", STRING, "The load that read the row"),
              required("source_file", STRING, "Path of the file below the landing folder"),
              required("file_sha256", STRING, "SHA-256 of the file's bytes"),
              required("source_row", INT, "Row in the file, counting the header as row 1"),
              required(
                  "extract_kind",
                  STRING,
                  "prevalence, treatment, bullseye, funding or targets, from the file name"),
              required(
                  "record",
                  STRING,
                  "The row as a JSON object of header to cell text, exactly as read")),
          List.of("file_sha256", "source_row"));

  public static final TableDef QUARANTINE_ROW =
      new TableDef(
          "quarantine_row",
          Layer.QUARANTINE,
          "Rows held back, with the rule they failed and why.",
          List.of(
              required("load_id", STRING, "The load that held the row back"),
              required("source_file", STRING, "Path of the file below the landing folder"),
              required("file_sha256", STRING, "SHA-256 of the file's bytes"),
              required("source_row", INT, "Row in the file, counting the header as row 1"),
              optional("column_name", STRING, "The column at fault, where one is"),
              required("rule", STRING, "Name of the rule, e.g. known_partnership"),
              required("message", STRING, "What was wrong and what was expected"),
              required(
                  "record",
                  STRING,
                  "The row as a JSON object of header to cell text, exactly as read")),
          List.of("file_sha256", "source_row", "rule", "column_name"));

  /**
   * Findings: checks across rows and files that hold nothing back (a printed total that differs
   * from its lines), kept so a figure's provenance can show what was said about it.
   */
  public static final TableDef FINDING =
      new TableDef(
          "finding",
          Layer.QUARANTINE,
          "Findings raised by a load about the rows it loaded: reported, never fixed.",
          List.of(
              required("load_id", STRING, "The load that raised the finding"),
              required("rule", STRING, "Name of the rule, e.g. funding_total_differs"),
              required("source_file", STRING, "Path of the file below the landing folder"),
              required("source_row", INT, "Row in the file, counting the header as row 1"),
              required("message", STRING, "What was found, in words")),
          List.of("load_id", "rule", "source_file", "source_row"));

  public static final TableDef META_FILE =
      new TableDef(
          "meta_file",
          Layer.META,
          "Each extract file loaded, by content hash: the manifest that makes reloading a no-op.",
          List.of(
              required("file_sha256", STRING, "SHA-256 of the file's bytes"),
              required("source_file", STRING, "Path of the file below the landing folder"),
              required("extract_kind", STRING, "Kind of extract, from the file name"),
              required("load_id", STRING, "The load that first loaded these bytes"),
              required("rows_read", LONG, "Data rows read (header excluded)"),
              required("rows_loaded", LONG, "Rows that became facts"),
              required("rows_quarantined", LONG, "Rows held back in quarantine_row"),
              required("rows_skipped", LONG, "Rows skipped with a stated reason (blank lines)"),
              required("loaded_at", TIMESTAMP, "When the load committed")),
          List.of("file_sha256"));

  public static final TableDef META_LOAD =
      new TableDef(
          "meta_load",
          Layer.META,
          "One row per completed load; its Delta version is the warehouse version readers pin to.",
          List.of(
              required("load_id", STRING, "Identifier of the load"),
              required("started_at", TIMESTAMP, "When the load started"),
              required("finished_at", TIMESTAMP, "When the load committed"),
              required("files_seen", INT, "Extract files found in the landing folder"),
              required("files_loaded", INT, "Files whose content was new"),
              required("rows_read", LONG, "Data rows read from new files"),
              required("rows_loaded", LONG, "Rows that became facts"),
              required("rows_quarantined", LONG, "Rows held back"),
              optional(
                  "table_versions",
                  STRING,
                  "JSON object: Delta version of every table as this load left it")),
          List.of("load_id"));

  public static final List<TableDef> ALL =
      List.of(BRONZE_ROW, QUARANTINE_ROW, FINDING, META_FILE, META_LOAD);
}
