package uk.dtw.etl.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What happened to one file in one load: read = loaded + quarantined + skipped, always. */
public final class FileReport {
  /**
   * new (loaded now), unchanged (same bytes loaded before), duplicate (same bytes as another file
   * now), ignored.
   */
  public final String status;

  public final String path;
  public final String kind;
  public final String note;
  public long read;
  public long loaded;
  public long quarantined;
  public long skipped;
  public final List<Map<String, Object>> problems = new ArrayList<>();

  /**
   * What was read one way and taken another (a corrected period, an unknown column), for a person
   * to check.
   */
  public final List<Map<String, Object>> warnings = new ArrayList<>();

  public FileReport(String status, String path, String kind, String note) {
    this.status = status;
    this.path = path;
    this.kind = kind;
    this.note = note;
  }

  public boolean balanced() {
    return read == loaded + quarantined + skipped;
  }

  public void problem(int row, String column, String rule, String message) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("row", row);
    p.put("column", column);
    p.put("rule", rule);
    p.put("message", message);
    problems.add(p);
  }

  public void warning(int row, String column, String rule, String message) {
    Map<String, Object> w = new LinkedHashMap<>();
    w.put("row", row);
    w.put("column", column);
    w.put("rule", rule);
    w.put("message", message);
    warnings.add(w);
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("path", path);
    m.put("kind", kind);
    m.put("status", status);
    m.put("note", note);
    m.put("rows_read", read);
    m.put("rows_loaded", loaded);
    m.put("rows_quarantined", quarantined);
    m.put("rows_skipped", skipped);
    m.put("problems", problems);
    m.put("warnings", warnings);
    return m;
  }
}
