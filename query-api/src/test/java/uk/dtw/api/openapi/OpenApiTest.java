package uk.dtw.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import uk.dtw.api.support.Http;
import uk.dtw.api.support.SampleApi;

/**
 * The OpenAPI description against the running server over the sample warehouse: the same routes
 * both ways, every closed set of values enforced, every example answered, and the docs page served
 * with nothing from outside.
 */
class OpenApiTest {
  private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH");
  private static final Http http = SampleApi.http();

  /**
   * The sample has no record-level episodes, so the breakdown answers 404 before it reads its table
   * parameter; EpisodeMeasuresTest covers it over the generated national warehouse.
   */
  private static final Set<String> NO_DATA_IN_SAMPLE = Set.of("GET /api/v1/breakdown");

  @Test
  void the_description_and_the_registered_routes_agree_both_ways() {
    Set<String> described = new TreeSet<>(operations(http.ok("/api/v1/openapi.json")).keySet());
    Set<String> registered = new TreeSet<>();
    for (String route : SampleApi.registered()) {
      // Javalin also reports its before/after filters; only request handlers are endpoints.
      if (HTTP_METHODS.contains(route.substring(0, route.indexOf(' ')))) {
        registered.add(route);
      }
    }
    assertThat(registered).isNotEmpty();
    assertThat(described).isEqualTo(registered);
  }

  @TestFactory
  Stream<DynamicTest> every_closed_set_of_values_refuses_a_value_outside_it() {
    List<DynamicTest> tests = new ArrayList<>();
    operations(http.ok("/api/v1/openapi.json"))
        .forEach(
            (operation, op) -> {
              if (!operation.startsWith("GET ")) {
                return;
              }
              for (JsonNode p : op.path("parameters")) {
                String name = p.get("name").asText();
                boolean answersFirst =
                    name.equals("table") && NO_DATA_IN_SAMPLE.contains(operation);
                if (p.path("schema").has("enum") && !answersFirst) {
                  tests.add(
                      DynamicTest.dynamicTest(
                          operation + " " + name,
                          () -> {
                            String query = examples(op, name) + "&" + name + "=not-one-of-them";
                            HttpResponse<String> r = http.get(operation.substring(4) + "?" + query);
                            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
                            assertThat(Http.json(r).at("/error/parameter").asText())
                                .isEqualTo(name);
                          }));
                }
              }
            });
    assertThat(tests).hasSizeGreaterThan(10);
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> every_get_answers_its_examples() {
    List<DynamicTest> tests = new ArrayList<>();
    operations(http.ok("/api/v1/openapi.json"))
        .forEach(
            (operation, op) -> {
              if (operation.startsWith("GET ") && !NO_DATA_IN_SAMPLE.contains(operation)) {
                tests.add(
                    DynamicTest.dynamicTest(
                        operation,
                        () -> {
                          HttpResponse<String> r =
                              http.get(operation.substring(4) + "?" + examples(op, null));
                          assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                        }));
              }
            });
    return tests.stream();
  }

  @Test
  void the_docs_page_loads_only_this_servers_assets() {
    HttpResponse<String> page = http.get("/docs.html");
    assertThat(page.statusCode()).isEqualTo(200);
    Matcher m = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
    List<String> assets = new ArrayList<>();
    while (m.find()) {
      assets.add(m.group(1));
    }
    assertThat(assets).isNotEmpty().allMatch(a -> a.startsWith("/"));
    assertThat(assets).noneMatch(a -> a.startsWith("//"));
    for (String asset : assets) {
      assertThat(http.get(asset).statusCode()).as(asset).isEqualTo(200);
    }
    assertThat(page.body()).contains("/api/v1/openapi.json");
  }

  /** "GET /api/v1/rankings" to its operation object. */
  private static Map<String, JsonNode> operations(JsonNode doc) {
    Map<String, JsonNode> ops = new java.util.TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      path.getValue()
          .fields()
          .forEachRemaining(
              op ->
                  ops.put(
                      op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(),
                      op.getValue()));
    }
    return ops;
  }

  /** The query of every parameter that has an example, but {@code except}. */
  private static String examples(JsonNode op, String except) {
    List<String> query = new ArrayList<>();
    for (JsonNode p : op.path("parameters")) {
      String name = p.get("name").asText();
      if (p.hasNonNull("example") && !p.path("schema").has("enum") && !name.equals(except)) {
        query.add(
            name + "=" + URLEncoder.encode(p.get("example").asText(), StandardCharsets.UTF_8));
      }
    }
    return String.join("&", query);
  }
}
