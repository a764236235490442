package uk.dtw.api.reports;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.dtw.api.errors.Errors;

/**
 * Financial-year periods (April to March) as the warehouse writes them, {@code 2008-09}, read from
 * the spellings people type: 2008-09, 2008/09, 2008/9, 2008-2009, 2008/2009, 08/09. The only place
 * the API reads a period.
 */
public final class Period {
  public static final String EXPECTED =
      "a financial year such as 2008-09 (also 2008/09 or 2008-2009)";

  private static final Pattern SHAPE =
      Pattern.compile("(\\d{2}|\\d{4})\\s*[-/]\\s*(\\d{1,2}|\\d{4})");
  private static final Pattern CALENDAR_YEAR = Pattern.compile("\\d{4}");

  private Period() {}

  /** The {@code period} parameter in its canonical {@code yyyy-yy} form. */
  public static String parse(String text) {
    return parse("period", text);
  }

  /**
   * The canonical {@code yyyy-yy} form of a parameter's value.
   *
   * @throws uk.dtw.api.errors.ApiError 400 naming {@code parameter} when absent or unreadable
   */
  public static String parse(String parameter, String text) {
    if (text == null || text.isBlank()) {
      throw Errors.missing(parameter, EXPECTED);
    }
    Matcher m = SHAPE.matcher(text.strip());
    if (!m.matches()) {
      throw Errors.malformed(parameter, text, EXPECTED);
    }
    int start =
        m.group(1).length() == 2
            ? 2000 + Integer.parseInt(m.group(1))
            : Integer.parseInt(m.group(1));
    int end = endYear(start, m.group(2));
    if (end != start + 1) {
      throw Errors.malformed(parameter, text, EXPECTED + "; the second year must follow the first");
    }
    return String.format("%d-%02d", start, end % 100);
  }

  /**
   * A financial year as {@link #parse}, or a calendar year such as {@code 2008}: indicators may be
   * reported by calendar year.
   */
  public static String parseAny(String parameter, String text) {
    if (text != null && CALENDAR_YEAR.matcher(text.strip()).matches()) {
      return text.strip();
    }
    return parse(parameter, text);
  }

  /** The period before: 2007-08 for 2008-09, 2007 for 2008. */
  public static String previous(String canonical) {
    if (CALENDAR_YEAR.matcher(canonical).matches()) {
      return Integer.toString(Integer.parseInt(canonical) - 1);
    }
    int start = Integer.parseInt(canonical.substring(0, 4)) - 1;
    return String.format("%d-%02d", start, (start + 1) % 100);
  }

  /** The end year written as 9, 09 or 2009, read in the century that follows {@code start}. */
  private static int endYear(int start, String written) {
    int value = Integer.parseInt(written);
    if (written.length() == 4) {
      return value;
    }
    int century = (start + 1) / 100 * 100;
    return century + value;
  }
}
