package uk.dtw.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.dtw.api.support.Http;
import uk.dtw.api.support.KeyedSampleApi;
import uk.dtw.model.schema.Role;
import uk.dtw.model.schema.StarSchema;
import uk.dtw.model.schema.TableDef;

/**
 * What each role's SQL can name, over the sample warehouse: an analyst's hidden tables answer as
 * tables that do not exist, and appear in no catalogue, while an admin reads them all.
 */
class RolesSqlTest {
  private static final Http analyst = KeyedSampleApi.analyst();
  private static final Http admin = KeyedSampleApi.admin();

  private static HttpResponse<String> sql(Http http, String query) {
    return http.post("/api/v1/sql", "{\"sql\":\"" + query + "\"}");
  }

  private static List<String> hiddenFromAnalysts() {
    return StarSchema.TABLES.stream()
        .filter(t -> !Role.ANALYST.reads(t))
        .map(TableDef::name)
        .toList();
  }

  @Test
  void the_hidden_tables_are_the_audit_layers_and_the_episodes() {
    assertThat(hiddenFromAnalysts())
        .containsExactlyInAnyOrder(
            "fact_episode", "bronze_row", "quarantine_row", "finding", "meta_file", "meta_load");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "meta_load",
        "META_FILE",
        "bronze_row",
        "quarantine_row",
        "finding",
        "fact_episode",
        "episode_year",
        "episode_person_year",
        "dw.meta_load"
      })
  void a_hidden_table_is_not_found_exactly_as_a_table_that_does_not_exist(String name) {
    // A name of the same length that no table has, so that even the positions agree.
    String table = name.substring(name.indexOf('.') + 1);
    String other = new StringBuilder(table).reverse().toString();
    HttpResponse<String> hidden = sql(analyst, "SELECT * FROM " + name);
    HttpResponse<String> absent = sql(analyst, "SELECT * FROM " + name.replace(table, other));

    assertThat(hidden.statusCode()).as(hidden.body()).isEqualTo(400);
    String message = Http.json(hidden).at("/error/message").asText();
    assertThat(message).contains("not found");
    assertThat(message.replace(table, "X"))
        .isEqualTo(Http.json(absent).at("/error/message").asText().replace(other, "X"));
    assertThat(sql(admin, "SELECT COUNT(*) FROM " + name).statusCode()).isEqualTo(200);
  }

  @Test
  void an_analyst_reads_the_views_and_dimensions() {
    for (String name : List.of("penetration", "partnership", "dim_area", "fact_treatment")) {
      HttpResponse<String> r = sql(analyst, "SELECT COUNT(*) AS n FROM " + name);
      assertThat(r.statusCode()).as(name + ": " + r.body()).isEqualTo(200);
    }
    JsonNode rows = Http.json(sql(analyst, "SELECT COUNT(*) FROM dim_area")).get("rows");
    assertThat(rows.get(0).get(0).asLong()).isGreaterThan(100);
  }

  @Test
  void the_metadata_schema_lists_no_hidden_table_or_record_level_column_to_an_analyst() {
    JsonNode tables = Http.json(sql(analyst, "SELECT * FROM \\\"metadata\\\".TABLES"));
    JsonNode columns = Http.json(sql(analyst, "SELECT * FROM \\\"metadata\\\".COLUMNS"));

    List<String> names = column(tables, "tableName");
    assertThat(names).contains("penetration", "dim_area").doesNotContainAnyElementsOf(hidden());
    assertThat(column(columns, "tableName")).doesNotContainAnyElementsOf(hidden());
    // The person's pseudonymous reference is what makes a row record-level: no analyst sees it.
    assertThat(column(columns, "columnName")).isNotEmpty().doesNotContain("client_ref");
    List<String> all =
        column(Http.json(sql(admin, "SELECT * FROM \\\"metadata\\\".TABLES")), "tableName");
    assertThat(all).containsAll(hidden());
  }

  @Test
  void the_catalog_lists_what_the_role_reads_and_nothing_else() {
    JsonNode mine = analyst.ok("/api/v1/catalog");
    JsonNode all = admin.ok("/api/v1/catalog");

    assertThat(mine.toString()).contains("\"penetration\"");
    for (String name : hidden()) {
      assertThat(mine.toString()).doesNotContain("\"" + name + "\"");
      assertThat(all.toString()).contains("\"" + name + "\"");
    }
  }

  private static List<String> hidden() {
    List<String> names = new ArrayList<>(hiddenFromAnalysts());
    names.addAll(List.of("episode_year", "episode_person_year"));
    return names;
  }

  private static List<String> column(JsonNode result, String name) {
    int index = -1;
    for (int i = 0; i < result.get("columns").size(); i++) {
      if (result.get("columns").get(i).get("name").asText().equals(name)) {
        index = i;
      }
    }
    assertThat(index).as(name + " in " + result.get("columns")).isNotNegative();
    List<String> values = new ArrayList<>();
    for (JsonNode row : result.get("rows")) {
      values.add(row.get(index).asText());
    }
    return values;
  }
}
