package uk.dtw.api.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.dtw.api.errors.ApiError;

class SqlGuardTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT 1",
        "select partnership from penetration where financial_year = '2008-09'",
        "WITH a AS (SELECT 1 AS x) SELECT x FROM a",
        "SELECT 1 UNION ALL SELECT 2",
        "VALUES (1, 'a')",
        "SELECT region, count(*) FROM partnership GROUP BY region ORDER BY 2 DESC LIMIT 3",
      })
  void a_single_query_is_let_through(String sql) {
    assertThat(SqlGuard.check(sql)).isEqualTo(sql);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "DELETE FROM x",
        "INSERT INTO x VALUES (1)",
        "UPDATE x SET a = 1",
        "MERGE INTO t USING s ON t.a = s.a WHEN MATCHED THEN UPDATE SET b = s.b",
        "SELECT 1; DROP TABLE x",
        "SELECT 1; SELECT 2",
        "DROP TABLE x",
        "CREATE TABLE x (a INT)",
        "SELECT FROM WHERE",
        "",
      })
  void anything_but_one_query_is_refused_naming_sql(String sql) {
    assertThatThrownBy(() -> SqlGuard.check(sql))
        .isInstanceOfSatisfying(
            ApiError.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.parameter()).isEqualTo("sql");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"DELETE FROM x", "SELECT 1; DROP TABLE x", "SELECT 1; SELECT 2"})
  void the_refusal_says_why(String sql) {
    assertThatThrownBy(() -> SqlGuard.check(sql))
        .hasMessageMatching(".*(read-only|statements|cannot parse).*");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELECT FROM WHERE", "SELECT * FROM t WHERE"})
  void a_syntax_error_gives_calcites_position_without_the_token_list(String sql) {
    assertThatThrownBy(() -> SqlGuard.check(sql))
        .hasMessageContaining("line 1, column")
        .hasMessageNotContaining("Was expecting");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELECT 1;", "SELECT 1 ;  "})
  void a_trailing_semicolon_is_dropped(String sql) {
    assertThat(SqlGuard.check(sql)).isEqualTo("SELECT 1");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT period FROM penetration",
        "SELECT p.period FROM penetration p",
        "SELECT a FROM target WHERE measure = 'x'"
      })
  void an_unquoted_reserved_column_name_gets_a_hint_to_quote_it(String sql) {
    assertThatThrownBy(() -> SqlGuard.check(sql))
        .isInstanceOfSatisfying(
            ApiError.class, e -> assertThat(e.hint()).contains("financial_year"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELECT FROM WHERE", "SELECT * FROM t WHERE", "SELECT 1; DROP TABLE x"})
  void other_syntax_errors_get_no_reserved_word_hint(String sql) {
    assertThatThrownBy(() -> SqlGuard.check(sql))
        .isInstanceOfSatisfying(
            ApiError.class, e -> assertThat(e.hint()).doesNotContain("reserved word"));
  }
}
