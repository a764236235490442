package uk.dtw.api.disclosure;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The column-level knowledge of disclosure control, as data beside the reports: which column of
 * which report table is a record-level count, which are built on which counts ({@code
 * disclosure/columns.csv}), and which cells add up to a published total ({@code
 * disclosure/groups.csv}). A report is named as {@code name}, or {@code name:variant} where its
 * columns depend on a parameter (rankings: the measure); {@code name:*} covers every variant.
 */
public final class Rules {
  static final String COLUMNS = "disclosure/columns.csv";
  static final String GROUPS = "disclosure/groups.csv";
  private static final List<ColumnRule> COLUMN_RULES = loadColumns();
  private static final List<GroupRule> GROUP_RULES = loadGroups();

  private Rules() {}

  public static List<ColumnRule> columns() {
    return COLUMN_RULES;
  }

  public static List<GroupRule> groups() {
    return GROUP_RULES;
  }

  /**
   * The rule for one cell: the first line for the exact report, then for {@code name:*}, whose
   * {@code when} covers the row; null when the column is not classified.
   */
  static ColumnRule of(String report, String table, String column, Function<String, Object> row) {
    for (String key : keys(report)) {
      for (ColumnRule r : COLUMN_RULES) {
        if (r.report().equals(key)
            && r.table().equals(table)
            && r.column().equals(column)
            && r.appliesTo(row)) {
          return r;
        }
      }
    }
    return null;
  }

  /** The groups of one table, exact report first, then {@code name:*}. */
  static List<GroupRule> groupsOf(String report, String table) {
    List<GroupRule> found = new ArrayList<>();
    for (String key : keys(report)) {
      GROUP_RULES.stream()
          .filter(g -> g.report().equals(key) && g.table().equals(table))
          .forEach(found::add);
    }
    return found;
  }

  private static List<String> keys(String report) {
    int colon = report.indexOf(':');
    return colon < 0 ? List.of(report) : List.of(report, report.substring(0, colon) + ":*");
  }

  private static List<ColumnRule> loadColumns() {
    List<ColumnRule> rules = new ArrayList<>();
    for (CSVRecord r : read(COLUMNS)) {
      rules.add(
          new ColumnRule(
              r.get("report"),
              r.get("table"),
              r.get("column"),
              Kind.parse(r.get("kind")),
              words(r.get("basis")),
              r.get("when").isBlank() ? null : r.get("when").strip(),
              r.get("family").isBlank() ? null : r.get("family").strip()));
    }
    return List.copyOf(rules);
  }

  private static List<GroupRule> loadGroups() {
    List<GroupRule> rules = new ArrayList<>();
    for (CSVRecord r : read(GROUPS)) {
      rules.add(
          new GroupRule(
              r.get("report"),
              r.get("table"),
              words(r.get("members")),
              words(r.get("by")),
              r.get("entity").strip()));
    }
    return List.copyOf(rules);
  }

  private static List<CSVRecord> read(String resource) {
    try (InputStream in = Rules.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath");
      }
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setCommentMarker('#')
          .get()
          .parse(new InputStreamReader(in, StandardCharsets.UTF_8))
          .getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> words(String text) {
    return text == null || text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
  }
}
