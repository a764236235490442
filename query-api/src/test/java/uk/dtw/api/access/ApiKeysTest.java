package uk.dtw.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import uk.dtw.api.ApiServer;
import uk.dtw.api.snapshot.FixedSnapshotSource;
import uk.dtw.api.support.FakeWarehouse;
import uk.dtw.api.support.Http;
import uk.dtw.api.support.KeyedSampleApi;

/**
 * Keys against a running server: a wrong or revoked key is a 401 in the API's JSON error shape, an
 * endpoint above the caller's role answers as an unknown path, and /health and /openapi.json
 * describe only what the caller may call.
 */
class ApiKeysTest {
  private static final Http anonymous = KeyedSampleApi.anonymous();
  private static final String SQL = "{\"sql\":\"SELECT COUNT(*) FROM dim_area\"}";

  @Test
  void without_a_key_sql_catalog_and_keys_answer_as_unknown_paths() {
    HttpResponse<String> unknown = anonymous.post("/api/v1/nothing-here", SQL);
    HttpResponse<String> sql = anonymous.post("/api/v1/sql", SQL);
    assertThat(sql.statusCode()).isEqualTo(404);
    assertThat(sql.body()).isEqualTo(unknown.body().replace("/nothing-here", "/sql"));
    for (String path : new String[] {"/api/v1/catalog", "/api/v1/keys"}) {
      HttpResponse<String> r = anonymous.get(path);
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(Http.json(r).at("/error/message").asText()).isEqualTo("no endpoint GET " + path);
    }
    assertThat(KeyedSampleApi.analyst().get("/api/v1/keys").statusCode()).isEqualTo(404);
  }

  /**
   * Avatica's driver sends its bearer token only when challenged: JDBC without a key is a 401 with
   * a Bearer challenge where keys exist, and reveals nothing else.
   */
  @Test
  void without_a_key_jdbc_is_challenged_for_one() {
    HttpResponse<String> r = anonymous.post("/api/v1/jdbc", SQL);

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"dtw\"");
    assertThat(Http.json(r).at("/error/status").asInt()).isEqualTo(401);
  }

  @Test
  void a_server_without_keys_has_no_sql_or_jdbc_at_all() {
    ApiServer open = new ApiServer(new FixedSnapshotSource(FakeWarehouse.snapshot()));
    try {
      Http http = new Http(open.start("127.0.0.1", 0).port());
      assertThat(http.post("/api/v1/sql", SQL).statusCode()).isEqualTo(404);
      assertThat(http.post("/api/v1/jdbc", SQL).statusCode()).isEqualTo(404);
      assertThat(http.get("/api/v1/health").statusCode()).isEqualTo(200);
    } finally {
      open.stop();
    }
  }

  @Test
  void the_public_reports_need_no_key() {
    assertThat(anonymous.ok("/api/v1/rankings?measure=penetration&period=2008-09").get("rows"))
        .isNotEmpty();
  }

  @Test
  void health_and_openapi_describe_only_what_the_role_may_call() {
    String publicHealth = anonymous.ok("/api/v1/health").get("endpoints").toString();
    JsonNode publicPaths = anonymous.ok("/api/v1/openapi.json").get("paths");
    JsonNode analystPaths = KeyedSampleApi.analyst().ok("/api/v1/openapi.json").get("paths");
    JsonNode adminPaths = KeyedSampleApi.admin().ok("/api/v1/openapi.json").get("paths");

    assertThat(publicHealth).contains("GET /api/v1/rankings").doesNotContain("/sql", "/jdbc");
    assertThat(publicPaths.has("/api/v1/rankings")).isTrue();
    assertThat(publicPaths.has("/api/v1/sql")).isFalse();
    assertThat(publicPaths.has("/api/v1/catalog")).isFalse();
    assertThat(analystPaths.has("/api/v1/sql")).isTrue();
    assertThat(analystPaths.has("/api/v1/jdbc")).isTrue();
    assertThat(analystPaths.has("/api/v1/keys")).isFalse();
    assertThat(adminPaths.has("/api/v1/keys")).isTrue();
  }

  @Test
  void a_wrong_key_or_header_is_a_401_json_error_on_every_path() {
    for (HttpResponse<String> r :
        java.util.List.of(
            anonymous.withKey("dtw_not-a-key").get("/api/v1/health"),
            anonymous.withKey("dtw_not-a-key").post("/api/v1/sql", SQL),
            anonymous.withKey("").get("/api/v1/health"))) {
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(Http.json(r).at("/error/status").asInt()).isEqualTo(401);
      assertThat(Http.json(r).at("/error/parameter").asText()).isEqualTo("Authorization");
    }
  }

  @Test
  void a_created_key_works_at_once_and_a_revoked_one_is_refused_within_seconds() throws Exception {
    String key = KeyedSampleApi.keys("create", "--role", "analyst", "--name", "bob");
    Http bob = anonymous.withKey(key);
    assertThat(key).startsWith("dtw_").hasSize(47);
    assertThat(Files.readString(KeyedSampleApi.keyFile())).contains("bob").doesNotContain(key);
    assertThat(KeyedSampleApi.keys("list")).contains("bob\tanalyst").doesNotContain(key);

    assertThat(eventually(bob, 200).statusCode()).isEqualTo(200);
    assertThat(KeyedSampleApi.keys("revoke", "--name", "bob")).isEqualTo("revoked bob");
    HttpResponse<String> refused = eventually(bob, 401);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(Http.json(refused).at("/error/message").asText()).contains("not valid");
  }

  /** The answer to bob's query once it has the status (the file is re-read within a second). */
  private static HttpResponse<String> eventually(Http http, int status) throws Exception {
    HttpResponse<String> r = http.post("/api/v1/sql", SQL);
    for (int i = 0; i < 50 && r.statusCode() != status; i++) {
      Thread.sleep(100);
      r = http.post("/api/v1/sql", SQL);
    }
    return r;
  }
}
