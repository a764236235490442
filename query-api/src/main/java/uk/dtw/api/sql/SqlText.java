package uk.dtw.api.sql;

import uk.dtw.api.errors.Errors;
import uk.dtw.api.limits.SqlLimits;

/**
 * Checks on a query's text made before it is parsed: its length, its nesting (Calcite's parser
 * recurses once per bracket, so a few thousand of them overflow its stack) and its Unicode (a lone
 * surrogate can be neither stored nor echoed back).
 */
final class SqlText {
  private SqlText() {}

  static void checkShape(String sql, SqlLimits limits) {
    if (sql.length() > limits.maxSqlChars()) {
      throw Errors.badSql(
          "sql is " + sql.length() + " characters long, more than " + limits.maxSqlChars(),
          "send a shorter query: filter with WHERE rather than long IN lists");
    }
    int depth = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '(' && ++depth > limits.maxNesting()) {
        throw Errors.badSql(
            "sql nests brackets more than "
                + limits.maxNesting()
                + " deep (at character "
                + (i + 1)
                + ")",
            "use WITH to name sub-queries instead of nesting them");
      } else if (c == ')') {
        depth--;
      } else if (Character.isSurrogate(c)) {
        boolean paired =
            Character.isHighSurrogate(c)
                && i + 1 < sql.length()
                && Character.isLowSurrogate(sql.charAt(i + 1));
        if (!paired) {
          throw Errors.badSql(
              "sql holds a lone UTF-16 surrogate at character " + (i + 1) + ", which is not text",
              "send the query as valid Unicode");
        }
        i++; // the low half of the pair
      }
    }
  }
}
