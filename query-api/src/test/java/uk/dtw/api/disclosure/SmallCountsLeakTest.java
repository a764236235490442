package uk.dtw.api.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.dtw.api.routes.Endpoint;
import uk.dtw.api.routes.Param;
import uk.dtw.api.routes.Routes;
import uk.dtw.api.support.Http;
import uk.dtw.api.support.SampleApi;
import uk.dtw.api.support.SampleWarehouse;

/**
 * Every GET endpoint Routes declares, in every format and table, over a warehouse the real ETL
 * loaded from test/resources/disclosure/landing, where North East 2008-09 has small counts. The
 * expected suppressions are worked out by hand from that extract:
 *
 * <ul>
 *   <li>PDUs in treatment: Gateshead 3, South Tyneside 7, Sunderland 12, North Tyneside 20.
 *       Gateshead is primary (1-4); alone in its region, so the next smallest non-zero, South
 *       Tyneside 7, goes too. The region's total 42 minus the visible 12 + 20 leaves 10 = two
 *       unknowns.
 *   <li>In effective treatment: Gateshead 2 (primary), South Tyneside 6 (secondary); 10 and 15
 *       shown.
 *   <li>Penetration, from those: Gateshead 3/100 = 3% (interval 3/120 = 2.5% to 3/80 = 3.75%),
 *       South Tyneside 7/150 = 4.667% (3.889% to 5.833%): withheld with their counts.
 *   <li>Bull's eye, Gateshead 31/03/2009: in treatment 2 (primary, 2%); the rings add up to the
 *       estimate beside the visible treatment naive, so the smallest other ring, treated in the
 *       last 12 months 30 (30%), goes too; known to treatment 40 stays.
 *   <li>Targets: Gateshead's actual PDUs in effective treatment is 2 (withheld), so its gap 2 - 5 =
 *       -3 and whether the target was met are withheld.
 * </ul>
 */
class SmallCountsLeakTest {
  private static final double TOLERANCE = 0.001;

  /** The figures no public output may show for each partnership, by hand as above. */
  private static final Map<String, List<Double>> HIDDEN =
      Map.of(
          "Gateshead", List.of(3.0, 2.0, 2.5, 3.75, 30.0, -3.0),
          "South Tyneside", List.of(7.0, 6.0, 4.6667, 3.8889, 5.8333));

  /** Columns that hold a count or a figure built on one. */
  private static final Set<String> WATCHED =
      Set.of(
          "value",
          "pdus_in_treatment",
          "pdus_in_effective_treatment",
          "count",
          "penetration_pct",
          "penetration_lower_95",
          "penetration_upper_95",
          "actual_value",
          "gap",
          "in_treatment",
          "in_treatment_pct",
          "treated_last_12_months",
          "treated_last_12_months_pct",
          "figure",
          "gbp_per_pdu_in_treatment");

  private static Http http;
  private static Http analyst;
  private static final List<String> answered = new ArrayList<>();
  private static final Map<String, Set<String>> visibleCounts = new HashMap<>();

  @BeforeAll
  static void walk() throws URISyntaxException, IOException {
    Path landing =
        Path.of(
            SmallCountsLeakTest.class.getClassLoader().getResource("disclosure/landing").toURI());
    Path warehouse = SampleWarehouse.load("small-counts", landing);
    http = SampleApi.start(warehouse, uk.dtw.model.schema.Role.PUBLIC);
    analyst = SampleApi.start(warehouse, uk.dtw.model.schema.Role.ANALYST);
    for (Endpoint e : Routes.endpoints(uk.dtw.model.schema.Role.PUBLIC)) {
      if (e.method().equals("GET")) {
        for (String query : queries(e)) {
          visit(e, query);
        }
      }
    }
  }

  @Test
  void the_reports_with_small_counts_in_them_answered() {
    assertThat(answered)
        .contains(
            "/api/v1/rankings",
            "/api/v1/reports/penetration-table",
            "/api/v1/penetration",
            "/api/v1/bullseye",
            "/api/v1/targets",
            "/api/v1/provenance");
  }

  @Test
  void only_two_of_the_four_north_east_counts_are_visible_anywhere_so_none_can_be_differenced() {
    assertThat(visibleCounts.get("pdus_in_treatment"))
        .containsExactlyInAnyOrder("Sunderland", "North Tyneside");
    assertThat(visibleCounts.get("pdus_in_effective_treatment"))
        .containsExactlyInAnyOrder("Sunderland", "North Tyneside");
  }

  @Test
  void an_analyst_key_sees_the_counts_the_public_reports_withhold() {
    JsonNode body = analyst.ok("/api/v1/rankings?measure=pdus_in_treatment&period=2008-09");
    JsonNode gateshead = row(body.get("rows"), "Gateshead");

    assertThat(gateshead.get("value").asDouble()).isEqualTo(3.0);
    assertThat(gateshead.path("suppressed").isEmpty()).as("nothing withheld").isTrue();
  }

  @Test
  void a_suppressed_count_is_null_and_named_in_json_and_a_star_in_csv() {
    JsonNode body = http.ok("/api/v1/rankings?measure=pdus_in_treatment&period=2008-09");
    JsonNode gateshead = row(body.get("rows"), "Gateshead");
    assertThat(gateshead.get("value").isNull()).isTrue();
    assertThat(gateshead.get("suppressed").toString()).contains("\"value\"");
    assertThat(row(body.get("rows"), "Sunderland").get("value").asDouble()).isEqualTo(12.0);
    String csv =
        http.get("/api/v1/rankings?measure=pdus_in_treatment&period=2008-09&format=csv").body();
    assertThat(csv).containsPattern("Gateshead,North East,\\*,");
  }

  @Test
  void provenance_names_the_file_of_a_record_level_count_but_not_its_value() {
    JsonNode body =
        http.ok("/api/v1/provenance?partnership=Gateshead&period=2008-09&figure=pdus_in_treatment");
    JsonNode source = body.get("sources").get(0);
    assertThat(source.get("source_file").asText()).contains("treatment_2008_09_north_east");
    assertThat(source.get("figure").isNull()).isTrue();
    assertThat(source.get("record").isNull()).isTrue();
  }

  private static JsonNode row(JsonNode rows, String partnership) {
    for (JsonNode r : rows) {
      if (partnership.equals(r.path("partnership").asText())) {
        return r;
      }
    }
    throw new AssertionError(partnership + " not in " + rows);
  }

  /** Each endpoint's parameters filled for the North East, 2008-09 and every catalogued measure. */
  private static List<String> queries(Endpoint e) {
    List<String> names = e.params().stream().map(Param::name).toList();
    List<Map<String, String>> variants = new ArrayList<>();
    variants.add(new HashMap<>());
    if (names.contains("measure") && e.path().endsWith("/rankings")) {
      variants.clear();
      for (String m : uk.dtw.api.reports.MeasureCatalogue.names()) {
        for (String region : new String[] {null, "North East"}) {
          Map<String, String> v = new HashMap<>(Map.of("measure", m));
          if (region != null) {
            v.put("region", region);
          }
          variants.add(v);
        }
      }
    }
    if (names.contains("region") && !e.path().endsWith("/rankings")) {
      variants.add(new HashMap<>(Map.of("region", "North East")));
    }
    List<String> queries = new ArrayList<>();
    for (String partnership : new String[] {"Gateshead", "South Tyneside"}) {
      for (Map<String, String> v : variants) {
        Map<String, String> q = new HashMap<>(v);
        for (Param p : e.params()) {
          switch (p.name()) {
            case "partnership" ->
                q.putIfAbsent(
                    "partnership",
                    e.path().endsWith("/funding") && q.containsKey("region") ? null : partnership);
            case "period" -> q.putIfAbsent("period", "2008-09");
            case "figure" -> q.putIfAbsent("figure", "pdus_in_treatment");
            case "from" -> q.putIfAbsent("from", "2007-08");
            case "to" -> q.putIfAbsent("to", "2008-09");
            default -> {}
          }
        }
        StringBuilder s = new StringBuilder();
        q.forEach(
            (k, val) -> {
              if (val != null) {
                s.append(s.length() == 0 ? "?" : "&")
                    .append(k)
                    .append('=')
                    .append(URLEncoder.encode(val, StandardCharsets.UTF_8).replace("+", "%20"));
              }
            });
        queries.add(s.toString());
      }
    }
    return queries;
  }

  private static void visit(Endpoint e, String query) throws IOException {
    HttpResponse<String> json = http.get(e.path() + query);
    assertThat(json.statusCode()).as(e.path() + query + " " + json.body()).isLessThan(500);
    if (json.statusCode() != 200) {
      return;
    }
    answered.add(e.path());
    JsonNode body = Http.json(json);
    String context = body.path("partnership").asText(null);
    body.fields()
        .forEachRemaining(
            f -> {
              if (f.getValue().isArray()) {
                for (JsonNode r : f.getValue()) {
                  if (r.isObject()) {
                    checkJson(e.path() + query, body, context, r);
                  }
                }
              }
            });
    for (String table : e.tables()) {
      String csv = http.get(e.path() + query + "&format=csv&table=" + table).body();
      for (Map<String, Object> r : csvRows(csv)) {
        check(e.path() + query + " csv " + table, context, r);
      }
      byte[] xlsx = http.bytes(e.path() + query + "&format=xlsx&table=" + table);
      for (Map<String, Object> r : xlsxRows(xlsx)) {
        check(e.path() + query + " xlsx " + table, context, r);
      }
    }
  }

  private static void checkJson(String where, JsonNode body, String context, JsonNode r) {
    Map<String, Object> row = new HashMap<>();
    r.fields()
        .forEachRemaining(
            f ->
                row.put(
                    f.getKey(),
                    f.getValue().isNumber() ? f.getValue().asDouble() : f.getValue().asText(null)));
    check(where, context, row);
    String who = r.path("partnership").asText(context);
    String measure = body.path("measure").asText("");
    for (String count : List.of("pdus_in_treatment", "pdus_in_effective_treatment")) {
      JsonNode figure = r.path(count);
      if (figure.isMissingNode() && measure.equals(count)) {
        figure = r.path("value");
      }
      if (figure.isNumber()
          && body.path("report").asText().matches("rankings|penetration|penetration-table")) {
        visibleCounts.computeIfAbsent(count, k -> new TreeSet<>()).add(who);
      }
    }
  }

  private static void check(String where, String context, Map<String, Object> row) {
    Object named = row.get("partnership");
    String who = named instanceof String s && !s.isBlank() ? s : context;
    List<Double> hidden = who == null ? null : HIDDEN.get(who);
    if (hidden == null) {
      return;
    }
    for (String column : WATCHED) {
      if (row.get(column) instanceof Double d) {
        for (double h : hidden) {
          assertThat(Math.abs(d - h))
              .as(where + ": " + who + "'s " + column + " shows " + d + ", which must be withheld")
              .isGreaterThan(TOLERANCE);
        }
      }
    }
  }

  private static List<Map<String, Object>> csvRows(String csv) throws IOException {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (CSVRecord r :
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(csv))) {
      Map<String, Object> row = new HashMap<>();
      r.toMap().forEach((k, v) -> row.put(k, number(v)));
      rows.add(row);
    }
    return rows;
  }

  private static List<Map<String, Object>> xlsxRows(byte[] xlsx) throws IOException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = book.getSheetAt(0);
      Row header = sheet.getRow(0);
      for (int i = 1; i <= sheet.getLastRowNum(); i++) {
        Map<String, Object> row = new HashMap<>();
        for (int c = 0; c < header.getLastCellNum(); c++) {
          Cell cell = sheet.getRow(i).getCell(c);
          Object v =
              cell == null
                  ? null
                  : cell.getCellType() == CellType.NUMERIC
                      ? (Object) cell.getNumericCellValue()
                      : cell.toString();
          row.put(header.getCell(c).getStringCellValue(), v);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static Object number(String text) {
    try {
      return Double.valueOf(text);
    } catch (NumberFormatException e) {
      return text;
    }
  }
}
