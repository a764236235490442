package uk.dtw.warehouse.calcite;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which views a role may read, derived from what each view's SQL reads rather than declared again:
 * a view is readable when every table and view its text names is readable, so a view over episodes
 * (one row per person) is hidden wherever the episodes are, and one over a stored aggregate is not.
 *
 * <p>Names are found as words anywhere in the SQL (comments left out), not parsed: a column that
 * happens to share a hidden table's name hides the view too, which errs the safe way. A view shown
 * that read a hidden name would fail with "not found" naming it, so over-hiding is the only choice.
 */
final class ReadableViews {
  private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private ReadableViews() {}

  /**
   * @param views every view's effective SQL, by name
   * @param hiddenTables the tables the role may not read
   * @return the names of the views the role may read, in the order of {@code views}
   */
  static Set<String> of(Map<String, String> views, Set<String> hiddenTables) {
    Map<String, Set<String>> reads = new LinkedHashMap<>();
    views.forEach((name, sql) -> reads.put(name, names(sql)));
    // The greatest set closed under "reads only readable names": start from every view and drop
    // any that names a hidden table or a dropped view, until nothing changes.
    Set<String> readable = new LinkedHashSet<>(views.keySet());
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String view : Set.copyOf(readable)) {
        for (String name : reads.get(view)) {
          boolean hiddenView = views.containsKey(name) && !readable.contains(name);
          if (hiddenTables.contains(name) || hiddenView) {
            readable.remove(view);
            changed = true;
            break;
          }
        }
      }
    }
    return readable;
  }

  private static Set<String> names(String sql) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = WORD.matcher(sql.replaceAll("--[^\\n]*", ""));
    while (m.find()) {
      names.add(m.group().toLowerCase(Locale.ROOT));
    }
    return names;
  }
}
