package uk.dtw.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.dtw.etl.report.LoadReport;
import uk.dtw.etl.support.Warehouses;
import uk.dtw.model.reference.Area;
import uk.dtw.model.reference.AreaDirectory;
import uk.dtw.model.schema.Dimensions;
import uk.dtw.model.schema.Facts;
import uk.dtw.model.schema.TableDef;
import uk.dtw.model.testing.Spellings;
import uk.dtw.model.testing.Spellings.Spelling;
import uk.dtw.model.vocabulary.FinancialYear;

/**
 * Every line of the shared table of spellings, written into long extracts as an extract author
 * would, loads with nothing held back and means what the table says (the API runs the same table).
 */
class SpellingsLoadTest {
  @TempDir static Path dir;
  static Warehouses wh;
  static LoadReport report;

  static final List<Spelling> PERIODS = Spellings.of("period");
  static final List<Spelling> NAMES = Spellings.of("partnership");
  static final List<Spelling> SOURCES = Spellings.of("source");
  static final List<Spelling> GROUPS = Spellings.of("drug_group");

  /** One partnership per period spelling, so that no two rows share a key. */
  static final List<Area> PARTNERSHIPS =
      AreaDirectory.load().all().stream()
          .filter(a -> a.level() == Area.Level.PARTNERSHIP && a.validTo() == null)
          .sorted(Comparator.comparing(Area::code))
          .limit(PERIODS.size())
          .toList();

  /** One year per spelling of anything else, for the same reason. */
  static String year(int i) {
    return new FinancialYear(2001 + i).code();
  }

  @BeforeAll
  static void loadEverySpelling() {
    wh = new Warehouses(dir);
    List<String> periods = new ArrayList<>(List.of("partnership,period,drug_group,estimate"));
    for (int i = 0; i < PERIODS.size(); i++) {
      periods.add(csv(PARTNERSHIPS.get(i).name(), PERIODS.get(i).written(), "pdu", "" + (100 + i)));
    }
    wh.write("prevalence_spelt_periods.csv", periods.toArray(String[]::new));
    List<String> names = new ArrayList<>(List.of("partnership,period,drug_group,estimate"));
    for (int i = 0; i < NAMES.size(); i++) {
      names.add(csv(NAMES.get(i).written(), year(i), "pdu", "" + (200 + i)));
    }
    wh.write("prevalence_spelt_names.csv", names.toArray(String[]::new));
    List<String> groups = new ArrayList<>(List.of("partnership,period,drug_group,estimate"));
    for (int i = 0; i < GROUPS.size(); i++) {
      groups.add(csv("Kent", year(i), GROUPS.get(i).written(), "" + (300 + i)));
    }
    wh.write("prevalence_spelt_groups.csv", groups.toArray(String[]::new));
    List<String> sources = new ArrayList<>(List.of("partnership,period,source,amount_gbp"));
    for (int i = 0; i < SOURCES.size(); i++) {
      sources.add(csv("Newcastle", year(i), SOURCES.get(i).written(), "" + (1000 + i)));
    }
    wh.write("funding_spelt_sources.csv", sources.toArray(String[]::new));
    // Seed 002, Appendix 2, 2008/09, one line per source in the long layout, in the plan's words.
    wh.write(
        "funding_gateshead_long.csv",
        "partnership,period,source,amount_gbp",
        "Gateshead DAAT,2008/09,Total substance misuse pooled treatment budget SMPTB available for"
            + " adult drug treatment (SMPTB),\"1,680,054\"",
        "Gateshead DAAT,2008/09,SMPTB underspend carried forward from previous year,\"39,889\"",
        "Gateshead DAAT,2008/09,DIP main grant,\"627,944\"",
        "Gateshead DAAT,2008/09,Police,0",
        "Gateshead DAAT,2008/09,PCT mainstream,\"810,200\"",
        "Gateshead DAAT,2008/09,Social services,\"241,940\"",
        "Gateshead DAAT,2008/09,Probation \u2013 partnerships,\"77,531\"",
        "Gateshead DAAT,2008/09,Supporting people,\"25,230\"",
        "Gateshead DAAT,2008/09,NRF/WNF/ABG,\"98,000\"",
        "Gateshead DAAT,2008/09,CAD/Safer stronger communities,0",
        "Gateshead DAAT,2008/09,Rent deposit grant,0",
        "Gateshead DAAT,2008/09,HO Arrest Referral,Amalgamated with DIP main grant",
        "Gateshead DAAT,2008/09,HO Funding \u2013 Tough Choices,Amalgamated with DIP main grant",
        "Gateshead DAAT,2008/09,Total funding for adult drug treatment and DIP delivery,"
            + "\"3,610,207\"");
    report = wh.load();
  }

  @Test
  void no_row_written_in_any_documented_spelling_is_held_back() {
    assertThat(report.total(f -> f.quarantined)).as(report.toText()).isZero();
    assertThat(report.total(f -> f.loaded))
        .isEqualTo(PERIODS.size() + NAMES.size() + GROUPS.size() + SOURCES.size() + 14);
  }

  @Test
  void gatesheads_plan_in_the_long_layout_in_its_own_words_gives_the_printed_totals_and_gap() {
    // 1,680,054 + 39,889 + 627,944 + 810,200 + 241,940 + 77,531 + 25,230 + 98,000 = 3,600,788;
    // printed 3,610,207: 9,419 more than its lines.
    double lines = 0;
    Double printed = null;
    for (int i = 0; i < 14; i++) {
      Row line = fact(Facts.FUNDING, "funding_gateshead_long.csv", i);
      Double amount = line.getAs("amount_gbp");
      if ("reported_total".equals(line.getAs("source_code"))) {
        printed = amount;
      } else if (amount != null) {
        lines += amount;
      }
    }
    assertThat(lines).isEqualTo(3_600_788.0);
    assertThat(printed).isEqualTo(3_610_207.0);
    assertThat(report.findings)
        .anySatisfy(
            f -> {
              assertThat(f.get("rule")).isEqualTo("funding_total_differs");
              assertThat(f.get("file")).isEqualTo("funding_gateshead_long.csv");
              assertThat((String) f.get("message")).contains("by 9,419");
            });
  }

  @Test
  void every_spelling_of_a_period_loads_as_its_financial_year() {
    for (int i = 0; i < PERIODS.size(); i++) {
      Row fact = fact(Facts.PREVALENCE, "prevalence_spelt_periods.csv", i);
      assertThat(fact.<String>getAs("financial_year"))
          .as(PERIODS.get(i).toString())
          .isEqualTo(PERIODS.get(i).means());
    }
  }

  @Test
  void every_spelling_of_a_name_loads_as_its_partnership() {
    for (int i = 0; i < NAMES.size(); i++) {
      String code = fact(Facts.PREVALENCE, "prevalence_spelt_names.csv", i).getAs("area_code");
      String name =
          FACTS.computeIfAbsent("dim_area", t -> wh.table(Dimensions.AREA).collectAsList()).stream()
              .filter(r -> code.equals(r.getAs("area_code")))
              .findFirst()
              .orElseThrow()
              .getAs("area_name");
      assertThat(name).as(NAMES.get(i).toString()).isEqualTo(NAMES.get(i).means());
    }
  }

  @Test
  void every_spelling_of_a_coded_value_loads_as_its_code() {
    for (int i = 0; i < GROUPS.size(); i++) {
      assertThat(
              fact(Facts.PREVALENCE, "prevalence_spelt_groups.csv", i).<String>getAs("drug_group"))
          .as(GROUPS.get(i).toString())
          .isEqualTo(GROUPS.get(i).means());
    }
    for (int i = 0; i < SOURCES.size(); i++) {
      assertThat(fact(Facts.FUNDING, "funding_spelt_sources.csv", i).<String>getAs("source_code"))
          .as(SOURCES.get(i).toString())
          .isEqualTo(SOURCES.get(i).means());
    }
  }

  /** The figure the i-th data row of a file gave (row 1 is the header). */
  private static Row fact(TableDef table, String file, int i) {
    List<Row> rows = FACTS.computeIfAbsent(table.name(), t -> wh.table(table).collectAsList());
    List<Row> found =
        rows.stream()
            .filter(r -> file.equals(r.getAs("source_file")))
            .filter(r -> Integer.valueOf(i + 2).equals(r.getAs("source_row")))
            .toList();
    assertThat(found).as(file + " row " + (i + 2)).hasSize(1);
    return found.get(0);
  }

  /** Each table read once: a Spark job per row would make this the slowest test of the suite. */
  private static final java.util.Map<String, List<Row>> FACTS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static String csv(String... cells) {
    return String.join(
        ",",
        java.util.Arrays.stream(cells)
            .map(c -> c.contains(",") ? "\"" + c.replace("\"", "\"\"") + "\"" : c)
            .toList());
  }
}
