package uk.dtw.api.sql;

import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import uk.dtw.api.errors.Errors;
import uk.dtw.api.limits.SqlLimits;
import uk.dtw.warehouse.calcite.WarehouseDialect;

/**
 * The gate for ad-hoc SQL: parses the text as the warehouse connection will and lets through
 * exactly one query (SELECT, WITH, VALUES, UNION, ORDER BY, ...), nothing that writes or defines.
 */
public final class SqlGuard {
  static final String ACCEPTED =
      "one read-only query: SELECT, WITH, VALUES, UNION/INTERSECT/EXCEPT";

  private static final java.util.List<String> RESERVED_COLUMNS =
      java.util.List.of("period", "measure", "value");

  /**
   * Parsed exactly as the warehouse connection will parse it: one dialect, defined in the warehouse
   * module.
   */
  private static final SqlParser.Config CONFIG = parserConfig();

  private SqlGuard() {}

  /**
   * The query text to execute (without a trailing semicolon).
   *
   * @throws uk.dtw.api.errors.ApiError 400 naming {@code sql} when it is empty, malformed, not a
   *     query, or more than one statement
   */
  public static String check(String sql) {
    return check(sql, SqlLimits.DEFAULTS);
  }

  /** As {@link #check(String)}, within the given limits on length and nesting. */
  public static String check(String sql, SqlLimits limits) {
    if (sql == null || sql.isBlank()) {
      throw Errors.badSql("sql is empty", "send " + ACCEPTED);
    }
    SqlText.checkShape(sql, limits);
    SqlNodeList statements;
    try {
      statements = SqlParser.create(sql, CONFIG).parseStmtList();
    } catch (SqlParseException e) {
      throw Errors.badSql("cannot parse sql: " + shortMessage(e), hint(e));
    }
    if (statements.size() != 1) {
      throw Errors.badSql(
          "sql holds " + statements.size() + " statements; only one is run", "send " + ACCEPTED);
    }
    SqlNode statement = statements.get(0);
    if (!statement.isA(SqlKind.QUERY)) {
      throw Errors.badSql(
          "sql is a " + statement.getKind() + " statement; this endpoint is read-only",
          "send " + ACCEPTED);
    }
    return stripTrailingSemicolons(sql);
  }

  /**
   * Columns of the views named with SQL reserved words ({@code period}, {@code measure}, {@code
   * value}) must be quoted; say so when one is where the parser stopped.
   */
  static String hint(SqlParseException e) {
    // Only where it stopped: the list of expected tokens after it names PERIOD for almost any
    // syntax error, which gave every one of them this hint.
    String message = shortMessage(e).toLowerCase(java.util.Locale.ROOT);
    for (String word : RESERVED_COLUMNS) {
      if (message.contains("\"" + word) || message.contains(". " + word)) {
        return word
            + " is a reserved word in Calcite SQL: quote it (\""
            + word
            + "\"); the views"
            + " call their columns financial_year, measure_code and figure instead";
      }
    }
    return "send " + ACCEPTED;
  }

  /** Calcite's message up to its (very long) list of expected tokens; the position stays in. */
  static String shortMessage(SqlParseException e) {
    String message = e.getMessage() == null ? "syntax error" : e.getMessage();
    int cut = message.indexOf("Was expecting");
    String head = (cut < 0 ? message : message.substring(0, cut)).strip();
    return head.replaceAll("\\s+", " ");
  }

  private static SqlParser.Config parserConfig() {
    CalciteConnectionConfig dialect =
        new CalciteConnectionConfigImpl(WarehouseDialect.connectionProperties());
    return SqlParser.config()
        .withLex(dialect.lex())
        .withQuoting(dialect.quoting())
        .withUnquotedCasing(dialect.unquotedCasing())
        .withQuotedCasing(dialect.quotedCasing())
        .withCaseSensitive(dialect.caseSensitive());
  }

  private static String stripTrailingSemicolons(String sql) {
    String text = sql.strip();
    while (text.endsWith(";")) {
      text = text.substring(0, text.length() - 1).strip();
    }
    return text;
  }
}
