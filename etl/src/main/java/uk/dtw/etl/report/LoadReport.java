package uk.dtw.etl.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.dtw.etl.extract.Json;
import uk.dtw.etl.rules.Rule;

/** The account of one load, for a person (text) and for machines (JSON). */
public final class LoadReport {
  public final String loadId;
  public final Instant startedAt;
  public final List<FileReport> files = new ArrayList<>();

  /** Problems found across rows and files after loading (load/Findings): reported, never fixed. */
  public final List<Map<String, Object>> findings = new ArrayList<>();

  public Long warehouseVersion;
  public boolean committed;

  /**
   * The load a killed run left unfinished, which this one took over and completed; null if none.
   */
  public String completedInterruptedLoad;

  public LoadReport(String loadId, Instant startedAt) {
    this.loadId = loadId;
    this.startedAt = startedAt;
  }

  public long total(java.util.function.ToLongFunction<FileReport> field) {
    return files.stream().mapToLong(field).sum();
  }

  public boolean anythingHeldBack() {
    return total(f -> f.quarantined) > 0;
  }

  public void finding(Rule rule, String file, int row, String message) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("rule", rule.code());
    f.put("file", file);
    f.put("row", row);
    f.put("message", message);
    findings.add(f);
  }

  public String toText() {
    StringBuilder out = new StringBuilder();
    out.append("Load ").append(loadId).append('\n');
    if (completedInterruptedLoad != null) {
      out.append("  (load ")
          .append(completedInterruptedLoad)
          .append(" was interrupted before it committed; this load completes its files)\n");
    }
    for (FileReport f : files) {
      out.append(String.format("  %-10s %-45s", f.status, f.path));
      if ("new".equals(f.status)) {
        out.append(
            String.format(
                " read %d, loaded %d, quarantined %d, skipped %d",
                f.read, f.loaded, f.quarantined, f.skipped));
      }
      if (f.note != null) {
        out.append("  (").append(f.note).append(')');
      }
      out.append('\n');
      for (Map<String, Object> p : f.problems) {
        out.append(
            String.format(
                "      row %s%s: [%s] %s%n",
                p.get("row"),
                p.get("column") == null ? "" : " column " + p.get("column"),
                p.get("rule"),
                p.get("message")));
      }
      for (Map<String, Object> s : f.skips) {
        out.append(String.format("      row %s: skipped, %s%n", s.get("row"), s.get("reason")));
      }
    }
    appendWarnings(out);
    if (!findings.isEmpty()) {
      out.append("Findings (figures kept as reported; check them):\n");
      for (Map<String, Object> f : findings) {
        out.append(
            String.format(
                "  [%s] %s (%s row %s)%n",
                f.get("rule"), f.get("message"), f.get("file"), f.get("row")));
      }
    }
    out.append(
        String.format(
            "Total: read %d, loaded %d, quarantined %d, skipped %d rows.%n",
            total(f -> f.read),
            total(f -> f.loaded),
            total(f -> f.quarantined),
            total(f -> f.skipped)));
    out.append(
        committed
            ? "Warehouse version " + warehouseVersion + " committed.\n"
            : "Nothing new to load: the warehouse is unchanged"
                + (warehouseVersion == null ? "" : " at version " + warehouseVersion)
                + ".\n");
    return out.toString();
  }

  /** The warnings section: per file, row, column, what was read and what it became. */
  private void appendWarnings(StringBuilder out) {
    if (files.stream().allMatch(f -> f.warnings.isEmpty())) {
      return;
    }
    out.append("Warnings (loaded, but check them):\n");
    for (FileReport f : files) {
      if (f.warnings.isEmpty()) {
        continue;
      }
      out.append("  ").append(f.path).append('\n');
      for (Map<String, Object> w : f.warnings) {
        out.append(
            String.format(
                "      row %s%s: [%s] %s%n",
                w.get("row"),
                w.get("column") == null ? "" : " column " + w.get("column"),
                w.get("rule"),
                w.get("message")));
      }
    }
  }

  public String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("load_id", loadId);
    m.put("started_at", startedAt.toString());
    m.put("committed", committed);
    m.put("completed_interrupted_load", completedInterruptedLoad);
    m.put("warehouse_version", warehouseVersion);
    m.put("rows_read", total(f -> f.read));
    m.put("rows_loaded", total(f -> f.loaded));
    m.put("rows_quarantined", total(f -> f.quarantined));
    m.put("rows_skipped", total(f -> f.skipped));
    m.put("files", files.stream().map(FileReport::toMap).toList());
    m.put("findings", findings);
    return Json.object(m);
  }
}
