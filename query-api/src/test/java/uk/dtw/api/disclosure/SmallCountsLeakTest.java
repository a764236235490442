package uk.dtw.api.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
 *   <li>North West 2008-09 is Halton alone: 2 in treatment (1 effective) of an estimate of 90
 *       (70-110), so the region's count is 2 and its penetration 2.222% (1.818% to 2.857%) would
 *       give it back: withheld. England's count 44 is the North East's 42 plus the North West's 2,
 *       so the North East's penetration, 42/750 = 5.6% (42/890 = 4.719% to 42/610 = 6.885%), goes
 *       too; England's, 44/840 = 5.238%, stays (44 - 12 - 20 leaves 12 for three unknowns).
 * </ul>
 */
class SmallCountsLeakTest {
  private static final double TOLERANCE = 0.001;

  /** The figures no public output may show for each partnership, by hand as above. */
  private static final Map<String, List<Double>> HIDDEN =
      Map.of(
          "Gateshead", List.of(3.0, 2.0, 2.5, 3.75, 30.0, -3.0, 5.6, 4.7191, 6.8852),
          "South Tyneside", List.of(7.0, 6.0, 4.6667, 3.8889, 5.8333, 5.6, 4.7191, 6.8852),
          "Halton", List.of(2.0, 1.0, 2.2222, 1.8182, 2.8571));

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
          "region_penetration_pct",
          "region_penetration_lower_95",
          "region_penetration_upper_95",
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
  void region_penetration_is_withheld_where_it_would_give_a_small_region_count_back() {
    JsonNode halton = penetration(http, "Halton");
    JsonNode gateshead = penetration(http, "Gateshead");
    for (JsonNode row : List.of(halton, gateshead)) {
      for (String c :
          List.of(
              "region_penetration_pct", "region_penetration_lower_95", "compared_with_region")) {
        assertThat(row.get(c).isNull()).as(row.get("partnership") + " " + c).isTrue();
        assertThat(row.get("suppressed").toString()).contains("\"" + c + "\"");
      }
      assertThat(row.get("england_penetration_pct").asDouble())
          .isCloseTo(100.0 * 44 / 840, within(1e-9));
      assertThat(row.get("england_penetration_lower_95").asDouble())
          .isCloseTo(100.0 * 44 / 1000, within(1e-9));
    }
    // An analyst key sees what the public one does not: the figures as worked out above.
    assertThat(penetration(analyst, "Halton").get("region_penetration_pct").asDouble())
        .isCloseTo(100.0 * 2 / 90, within(1e-9));
    assertThat(penetration(analyst, "Gateshead").get("region_penetration_upper_95").asDouble())
        .isCloseTo(100.0 * 42 / 610, within(1e-9));
  }

  private static JsonNode penetration(Http as, String partnership) {
    return row(
        as.ok("/api/v1/penetration?partnership=" + partnership + "&period=2008-09").get("rows"),
        partnership);
  }

  @Test
  void an_analyst_key_sees_the_counts_the_public_reports_withhold() {
    JsonNode body = analyst.ok("/api/v1/rankings?measure=pdus_in_treatment&period=2008-09");
    JsonNode gateshead = row(body.get("rows"), "Gateshead");

    assertThat(gateshead.get("value").asDouble()).isEqualTo(3.0);
    assertThat(gateshead.path("suppressed").isEmpty()).as("nothing withheld").isTrue();
  }

  @Test
  void a_public_ranking_ranks_only_the_values_it_shows_and_leaves_the_withheld_out() {
    // North Tyneside 20 and Sunderland 12 are shown; Gateshead 3 and Halton 2 are small and South
    // Tyneside 7 is the North East's secondary cell. Ranked beside a symbol, South Tyneside's rank
    // 3 would place it between Sunderland's 12 and Gateshead's rank: so the withheld are left out.
    JsonNode body = http.ok("/api/v1/rankings?measure=pdus_in_treatment&period=2008-09");
    assertThat(column(body.get("rows"), "partnership"))
        .containsExactly("North Tyneside", "Sunderland");
    assertThat(column(body.get("rows"), "rank")).containsExactly("1", "2");
    assertThat(column(body.get("rows"), "value")).containsExactly("20", "12");
    assertThat(body.get("ranked_of").asInt()).isEqualTo(2);
    for (String withheld : List.of("Gateshead", "South Tyneside", "Halton")) {
      assertThat(row(body.get("left_out"), withheld).get("reason").asText())
          .startsWith("withheld: a small number");
    }
    String csv =
        http.get(
                "/api/v1/rankings?measure=pdus_in_treatment&period=2008-09&format=csv"
                    + "&table=left_out")
            .body();
    assertThat(csv).contains("Gateshead,\"withheld: a small number");

    // The North East's penetration table: the same two, ranked 1 and 2 in the region and England.
    JsonNode table =
        http.ok("/api/v1/reports/penetration-table?period=2008-09&region=North%20East");
    assertThat(column(table.get("rows"), "partnership"))
        .containsExactly("North Tyneside", "Sunderland");
    assertThat(column(table.get("rows"), "national_rank")).containsExactly("1", "2");

    // An analyst's key ranks every value: 20, 12, 7, 3, 2.
    JsonNode all = analyst.ok("/api/v1/rankings?measure=pdus_in_treatment&period=2008-09");
    assertThat(column(all.get("rows"), "partnership"))
        .containsExactly("North Tyneside", "Sunderland", "South Tyneside", "Gateshead", "Halton");
    assertThat(row(all.get("rows"), "Gateshead").get("value").asDouble()).isEqualTo(3.0);
  }

  @Test
  void a_suppressed_count_is_null_and_named_in_json_and_a_star_in_csv() {
    JsonNode gateshead = penetration(http, "Gateshead");
    assertThat(gateshead.get("pdus_in_treatment").isNull()).isTrue();
    assertThat(gateshead.get("suppressed").toString()).contains("\"pdus_in_treatment\"");
    assertThat(penetration(http, "Sunderland").get("pdus_in_treatment").asDouble()).isEqualTo(12.0);
    String csv =
        http.get("/api/v1/penetration?partnership=Gateshead&period=2008-09&format=csv").body();
    assertThat(csv).contains("Gateshead,North East,2008-09,*,");
  }

  private static List<String> column(JsonNode rows, String name) {
    List<String> values = new ArrayList<>();
    rows.forEach(r -> values.add(r.get(name).asText()));
    return values;
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
    for (String partnership : new String[] {"Gateshead", "South Tyneside", "Halton"}) {
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
