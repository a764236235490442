package uk.dtw.api.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import uk.dtw.api.routes.Endpoint;
import uk.dtw.api.routes.Param;
import uk.dtw.api.routes.Routes;

/**
 * The requests a hostile or careless caller sends: injection attempts and odd text in every
 * parameter of every GET endpoint, generated and hostile SQL, and bodies that are not what the
 * endpoint reads. Generated from a fixed seed, so a failure can be replayed.
 */
final class HostileRequests {
  /** One request: GET when {@code body} is null, else POST of that body. */
  record Request(String path, String body) {
    @Override
    public String toString() {
      String shown = body == null ? "" : " " + body;
      return (body == null ? "GET " : "POST ")
          + path
          + shown.substring(0, Math.min(200, shown.length()));
    }
  }

  /** Values as sent in a query string: some already percent-encoded, some broken on purpose. */
  static final List<String> RAW_VALUES =
      List.of(
          "%ff%fe", // not UTF-8
          "%ED%A0%80", // a UTF-16 surrogate encoded as UTF-8
          "%00",
          "%0d%0aSet-Cookie:%20x=1",
          "%25",
          "..%2f..%2fetc%2fpasswd");

  static final List<String> TEXT_VALUES =
      List.of(
          "' OR '1'='1",
          "1; DROP TABLE partnership; --",
          "\" UNION SELECT * FROM meta_load --",
          "Gateshead') OR ('a'='a",
          "<script>alert(1)</script>",
          "${jndi:ldap://127.0.0.1/x}",
          "😀\u202e\u0301",
          "Ｇａｔｅｓｈｅａｄ",
          "-1",
          "0",
          "99999999999999999999",
          "1e309",
          "NaN",
          "2008-09' --",
          "",
          " ",
          "a".repeat(5000));

  private HostileRequests() {}

  /**
   * Every parameter of every GET endpoint with every hostile value, the others at their examples.
   */
  static List<Request> parameters() {
    List<Request> requests = new ArrayList<>();
    for (Endpoint e : Routes.endpoints(uk.dtw.model.schema.Role.ADMIN)) {
      if (!e.method().equals("GET") || e.path().contains("{")) {
        continue;
      }
      for (Param target : e.params()) {
        List<String> values = new ArrayList<>(RAW_VALUES);
        TEXT_VALUES.forEach(v -> values.add(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        for (String value : values) {
          StringBuilder query = new StringBuilder();
          for (Param p : e.params()) {
            String v = p == target ? value : p.example();
            if (v != null && (p == target || p.required())) {
              query.append(query.length() == 0 ? "?" : "&").append(p.name()).append('=');
              query.append(p == target ? v : URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
          }
          requests.add(new Request(e.path() + query, null));
        }
      }
      requests.add(new Request(e.path() + "?format=csv&table=%27%3B--&unknown=1", null));
    }
    return requests;
  }

  /** SQL no analyst should be able to hurt the service with, and random token soup. */
  static List<Request> sql(Random random, int soup) {
    List<String> statements = new ArrayList<>();
    statements.addAll(
        List.of(
            "DROP TABLE partnership",
            "DELETE FROM partnership",
            "INSERT INTO partnership VALUES ('x')",
            "UPDATE partnership SET region = 'x'",
            "CREATE TABLE x (a INT)",
            "CREATE VIEW v AS SELECT 1",
            "MERGE INTO partnership p USING partnership q ON p.area_code = q.area_code"
                + " WHEN MATCHED THEN UPDATE SET region = 'x'",
            "SELECT 1; DROP TABLE partnership",
            "EXPLAIN PLAN FOR SELECT * FROM partnership",
            "SELECT * FROM \"metadata\".TABLES",
            "SELECT 1/0",
            "SELECT CAST('x' AS INTEGER)",
            "SELECT CAST('2024-13-45' AS DATE)",
            "SELECT '\ud800'",
            "SELECT '日本語', 'ü', '😀'",
            "SELECT \"😀\" FROM partnership",
            "SELECT * FROM partnership WHERE partnership = '' OR 1=1 --'",
            "SELECT POWER(10, 400)",
            "SELECT 9223372036854775807 + 1",
            "SELECT SUBSTRING('abc' FROM -5 FOR -2)",
            "SELECT * FROM TABLE(nope())",
            "SELECT",
            "",
            "WITH RECURSIVE t(n) AS (VALUES (1) UNION ALL SELECT n + 1 FROM t) SELECT COUNT(*) FROM t",
            "WITH RECURSIVE t(s) AS (VALUES ('ab') UNION ALL SELECT s || s FROM t) SELECT MAX(s) FROM t"));
    statements.add(uk.dtw.api.support.SlowSql.billionRowCrossJoin());
    statements.add(
        "SELECT COUNT(*) FROM partnership a, partnership b, partnership c, partnership d");
    for (int depth : new int[] {10, 60, 65, 500, 20_000}) {
      statements.add("SELECT " + "(".repeat(depth) + "1" + ")".repeat(depth));
      statements.add("SELECT " + "1 + ".repeat(depth) + "1");
      statements.add(
          "SELECT * FROM "
              + "(SELECT * FROM ".repeat(Math.min(depth, 60))
              + "partnership"
              + ") q".repeat(Math.min(depth, 60)));
    }
    String[] tokens = {
      "SELECT",
      "FROM",
      "WHERE",
      "GROUP BY",
      "ORDER BY",
      "JOIN",
      "ON",
      "(",
      ")",
      ",",
      "*",
      "'x'",
      "1",
      "NULL",
      "partnership",
      "region",
      "area_code",
      "\"period\"",
      "=",
      "<>",
      "AND",
      "OR",
      "NOT",
      "CASE",
      "WHEN",
      "THEN",
      "END",
      "UNION",
      "ALL",
      "VALUES",
      "WITH",
      "AS",
      "t",
      "LIMIT",
      "CAST",
      "INTEGER",
      "/",
      "||",
      "COUNT(*)",
      "--",
      "/*",
      "*/",
      ";",
      "\\",
      "\u0000",
      "é"
    };
    for (int i = 0; i < soup; i++) {
      StringBuilder s = new StringBuilder(i % 2 == 0 ? "SELECT " : "");
      int n = 1 + random.nextInt(20);
      for (int j = 0; j < n; j++) {
        s.append(tokens[random.nextInt(tokens.length)]).append(' ');
      }
      statements.add(s.toString());
    }
    List<Request> requests = new ArrayList<>();
    for (String statement : statements) {
      requests.add(new Request("/api/v1/sql", "{\"sql\":" + json(statement) + "}"));
    }
    return requests;
  }

  /** Bodies that are not the JSON POST /sql reads. */
  static List<Request> bodies() {
    return List.of(
            "",
            "null",
            "[]",
            "{",
            "{\"sql\": 1}",
            "{\"sql\": [\"SELECT 1\"]}",
            "{\"sql\": \"SELECT 1\", \"max_rows\": -1}",
            "{\"sql\": \"SELECT 1\", \"max_rows\": 1e99}",
            "{\"sql\": \"SELECT 1\", \"max_rows\": \"all\"}",
            "{\"sql\": \"\\ud800\"}",
            "{\"sql\": \"SELECT 1\"" + ", \"x\": 1".repeat(10_000) + "}",
            "[".repeat(100_000),
            "\u0000\u0001\u0002")
        .stream()
        .map(b -> new Request("/api/v1/sql", b))
        .toList();
  }

  private static String json(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
