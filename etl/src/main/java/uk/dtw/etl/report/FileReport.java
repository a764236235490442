package uk.dtw.etl.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.dtw.etl.rules.Problem;
import uk.dtw.etl.rules.Severity;

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

  /** The rows skipped, first {@code problemsPerFile} of them: row and reason. */
  public final List<Map<String, Object>> skips = new ArrayList<>();

  public FileReport(String status, String path, String kind, String note) {
    this.status = status;
    this.path = path;
    this.kind = kind;
    this.note = note;
  }

  public boolean balanced() {
    return read == loaded + quarantined + skipped;
  }

  /** A rule the row broke: an error holds it back, a warning only asks a person to check it. */
  public void add(int row, Problem problem) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("row", row);
    p.put("column", problem.column());
    p.put("rule", problem.rule().code());
    p.put("severity", problem.severity().code());
    p.put("message", problem.message());
    (problem.severity() == Severity.ERROR ? problems : warnings).add(p);
  }

  /** Why a row with nothing to load was skipped: every row read is accounted for, with a reason. */
  public void skip(int row, String reason) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("row", row);
    s.put("reason", reason);
    skips.add(s);
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
    m.put("skips", skips);
    return m;
  }
}
