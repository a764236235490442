package uk.dtw.api.disclosure;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Counts tied by sums that someone can read: each group is a set of cells whose sum is known,
 * either because a total is published beside them or because the total is one of the cells. A group
 * with exactly one withheld cell gives it back by subtraction, so the smallest other non-zero
 * visible cell of that group (ties: by key) is withheld too, until no group has exactly one. Small
 * cells (primary) are withheld from the start. Groups are visited in the order they were first
 * named, so callers that want a particular (still deterministic) answer name them in that order.
 */
final class LinkedCells {
  private final Map<String, Double> values = new LinkedHashMap<>();
  private final Map<String, Set<String>> groups = new LinkedHashMap<>();
  private final Set<String> exempt = new HashSet<>();

  /** A cell and its count; the same key again keeps the first value. */
  void cell(String key, double value) {
    values.putIfAbsent(key, value);
  }

  /** Adds a known cell to the group named {@code group} (its sum is known to the reader). */
  void member(String group, String key) {
    if (values.containsKey(key)) {
      groups.computeIfAbsent(group, g -> new HashSet<>()).add(key);
    }
  }

  /**
   * A cell never chosen as a secondary suppression: its value is published elsewhere, so
   * withholding it would protect nothing (it is still withheld if small).
   */
  void exempt(String key) {
    exempt.add(key);
  }

  /** The cells withheld: every small one, then the secondary ones this rule adds. */
  Set<String> withheld(DisclosureConfig config) {
    Set<String> withheld = new HashSet<>();
    values.forEach(
        (key, value) -> {
          if (config.suppresses(value)) {
            withheld.add(key);
          }
        });
    Comparator<String> smallestFirst =
        Comparator.<String>comparingDouble(values::get).thenComparing(k -> k);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Set<String> group : groups.values()) {
        if (group.stream().filter(withheld::contains).count() != 1) {
          continue;
        }
        String next =
            group.stream()
                .filter(k -> !withheld.contains(k) && !exempt.contains(k) && values.get(k) > 0)
                .min(smallestFirst)
                .orElse(null);
        if (next != null) {
          withheld.add(next);
          changed = true;
        }
      }
    }
    return withheld;
  }
}
