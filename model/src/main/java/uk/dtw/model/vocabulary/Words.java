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
    String s = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    s = s.toLowerCase(Locale.ROOT).replace("&", " and ");
    return NOT_ALNUM.matcher(s).replaceAll(" ").trim();
  }
}
