package uk.dtw.warehouse.calcite;

import java.util.Properties;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.config.Lex;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * The SQL dialect of the warehouse, for users' queries and view files alike: lower-case names need
 * no quotes ({@code lex=JAVA}), names match whatever their case, and names that are reserved words
 * in Calcite take standard double quotes ({@code "period"}, {@code "measure"}).
 */
public final class WarehouseDialect {
  private WarehouseDialect() {}

  /** Properties of a Calcite JDBC connection that speaks this dialect. */
  public static Properties connectionProperties() {
    Properties info = new Properties();
    info.setProperty("lex", "JAVA");
    // Standard SQL quoting rather than lex JAVA's back-ticks: what analysts know from elsewhere.
    info.setProperty("quoting", "DOUBLE_QUOTE");
    info.setProperty("caseSensitive", "false");
    return info;
  }

  /**
   * The same query in Calcite's default dialect with every name quoted, case kept.
   *
   * <p>Calcite parses a view's SQL with its default parser (lex ORACLE: unquoted names
   * upper-cased), whatever the connection says, when it validates and when it expands the view
   * (CalcitePrepareImpl.createParser(String), CALCITE-3549); a view would then find no {@code
   * DIM_AREA} and name its columns {@code AREA_CODE}. Re-writing the view in that dialect, every
   * identifier quoted, makes both steps read what was written.
   *
   * @throws SqlParseException if the text is not one query in the warehouse dialect
   */
  public static String toCalciteDefault(String sql) throws SqlParseException {
    SqlParser.Config config =
        SqlParser.config().withLex(Lex.JAVA).withQuoting(Quoting.DOUBLE_QUOTE);
    return SqlParser.create(sql, config)
        .parseQuery()
        .toSqlString(CalciteSqlDialect.DEFAULT)
        .getSql();
  }
}
