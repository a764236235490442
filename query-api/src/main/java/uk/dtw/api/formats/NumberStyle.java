package uk.dtw.api.formats;

/**
 * How the plans print a figure, chosen by its column's name, the convention every view and report
 * follows: {@code _pct} is a percentage (one decimal), {@code _gbp} is money (pounds, no pence),
 * anything else a count or a rate with thousands separators. The web pages apply the same rule
 * (web/js/format.js).
 */
public final class NumberStyle {
  private NumberStyle() {}

  /** The Excel number format for a column. */
  public static String excelFormat(String column) {
    if (column.endsWith("_pct")) {
      return "#,##0.0";
    }
    if (column.endsWith("_gbp") || column.startsWith("gbp_")) {
      return "\"£\"#,##0";
    }
    return "#,##0.###";
  }
}
