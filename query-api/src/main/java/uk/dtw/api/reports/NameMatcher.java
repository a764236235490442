package uk.dtw.api.reports;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Matches a typed partnership name against known names: case-insensitive, {@code &} read as {@code
 * and}, spacing ignored; when nothing matches, offers the nearest names by edit distance.
 */
public final class NameMatcher {
  private final List<String> known;

  public NameMatcher(List<String> known) {
    this.known = List.copyOf(known);
  }

  public Optional<String> match(String typed) {
    String wanted = normalise(typed);
    return known.stream().filter(k -> normalise(k).equals(wanted)).findFirst();
  }

  /** Up to {@code n} known names nearest to what was typed, nearest first. */
  public List<String> closest(String typed, int n) {
    String wanted = normalise(typed);
    return known.stream()
        .sorted(
            Comparator.comparingInt((String k) -> distance(normalise(k), wanted))
                .thenComparing(Comparator.naturalOrder()))
        .limit(n)
        .toList();
  }

  static String normalise(String name) {
    return name.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("\\s+", " ").strip();
  }

  /** Levenshtein distance: insertions, deletions and substitutions each cost 1. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
