package uk.dtw.etl.extract;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import uk.dtw.model.schema.Column;
import uk.dtw.model.schema.Dimensions;
import uk.dtw.model.schema.Facts;
import uk.dtw.model.schema.TableDef;

/** The kinds of extract, told apart by the file name's prefix (docs/extracts.md). */
public enum ExtractKind {
  PREVALENCE("prevalence", Facts.PREVALENCE),
  TREATMENT("treatment", Facts.TREATMENT),
  BULLSEYE("bullseye", Facts.BULLSEYE),
  FUNDING("funding", Facts.FUNDING),
  TARGETS("targets", Facts.TARGET),
  INDICATOR("indicator", Facts.INDICATOR),
  EPISODES("episodes", Facts.EPISODE);

  private final String prefix;
  private final TableDef factTable;

  ExtractKind(String prefix, TableDef factTable) {
    this.prefix = prefix;
    this.factTable = factTable;
  }

  public String code() {
    return prefix;
  }

  public TableDef factTable() {
    return factTable;
  }

  /**
   * Record-level extracts hold one record per line and can be any size: they are split into lines
   * and read in parallel instead of file by file.
   */
  public boolean recordLevel() {
    return this == EPISODES;
  }

  /**
   * Dimension columns a row of this kind carries beside its fact columns: an indicator extract
   * defines its indicators (name, unit, polarity...) on its own rows, so they travel with them.
   */
  public List<Column> carriedColumns() {
    if (this != INDICATOR) {
      return List.of();
    }
    return Dimensions.INDICATOR.columns().stream()
        .filter(c -> !factTable.columnNames().contains(c.name()))
        .toList();
  }

  /** The kinds' prefixes, for messages: "prevalence, treatment, ...". */
  public static String prefixes() {
    return String.join(", ", java.util.Arrays.stream(values()).map(ExtractKind::code).toList());
  }

  /**
   * The kind a file holds, from its name (case-insensitive), or empty for a file we do not load.
   */
  public static Optional<ExtractKind> ofFileName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    return name.endsWith(".csv") ? ofName(name) : Optional.empty();
  }

  /**
   * The kind a name starts with (a file name without its extension, or a workbook sheet's name).
   */
  public static Optional<ExtractKind> ofName(String text) {
    String name = text.strip().toLowerCase(Locale.ROOT);
    for (ExtractKind kind : values()) {
      if (name.startsWith(kind.prefix)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  public static ExtractKind ofCode(String code) {
    for (ExtractKind kind : values()) {
      if (kind.prefix.equals(code)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown extract kind " + code);
  }
}
