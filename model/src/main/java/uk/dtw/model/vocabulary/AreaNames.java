package uk.dtw.model.vocabulary;

import java.util.regex.Pattern;

/**
 * How area names are compared: the same name however an extract or an analyst spells it. See {@link
 * AreaNameIndex} for the names themselves.
 */
public final class AreaNames {
  private AreaNames() {}

  /** Partnership suffixes people append to the area's name ("Hampshire DAAT"). */
  private static final Pattern SUFFIX =
      Pattern.compile(
          "( (daat|dat|dap|drug and alcohol action team|drug action team|partnership))+$");

  /**
   * The matching key of a name: lower case, accents and punctuation dropped, '&' read as 'and',
   * spaces collapsed, and a trailing DAT/DAAT/partnership suffix removed.
   */
  public static String key(String name) {
    String s = Words.key(name);
    String stripped = SUFFIX.matcher(s).replaceAll("").trim();
    return stripped.isEmpty() ? s : stripped;
  }

  /** "Bristol, City of" reads as "Bristol": the ONS inversion is not how anyone writes it. */
  public static String displayName(String onsName) {
    int comma = onsName.indexOf(", ");
    return comma < 0 ? onsName.trim() : onsName.substring(0, comma).trim();
  }

  /** Levenshtein distance, for suggesting the closest known names to an unknown one. */
  public static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
