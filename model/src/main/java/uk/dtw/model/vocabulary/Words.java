package uk.dtw.model.vocabulary;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** How the words of extracts are compared: capitals, accents, punctuation and spacing aside. */
public final class Words {
  private Words() {}

  private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");

  /**
   * The matching key of some words: lower case, accents dropped, '&amp;' read as 'and', anything
   * but letters and digits a single space. "PDU's in Treat't" is "pdu s in treat t".
   */
  public static String key(String text) {
    if (text == null) {
      return "";
    }
    return asciiKey(text);
  }

  /** {@link #key} for any text: accents are dropped after Unicode's compatibility decomposition. */
  static String anyKey(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    s = s.toLowerCase(Locale.ROOT).replace("&", " and ");
    return NOT_ALNUM.matcher(s).replaceAll(" ").trim();
  }

  /**
   * {@link #key} in one pass for ASCII text (nothing to decompose), which every coded cell of an
   * extract is and where the regular expressions were most of the time; any other text goes to
   * {@link #anyKey} at its first non-ASCII character.
   */
  static String asciiKey(String text) {
    StringBuilder key = new StringBuilder(text.length() + 8);
    boolean gap = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > 127) {
        return anyKey(text);
      }
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (gap && key.length() > 0) {
          key.append(' ');
        }
        gap = false;
        key.append(c);
      } else if (c == '&') {
        key.append(key.length() > 0 ? " and" : "and");
        gap = true;
      } else {
        gap = true;
      }
    }
    return key.toString();
  }
}
