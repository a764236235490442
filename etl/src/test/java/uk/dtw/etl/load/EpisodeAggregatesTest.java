package uk.dtw.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.dtw.etl.support.SparkTestSession;
import uk.dtw.etl.support.Warehouses;
import uk.dtw.model.schema.Aggregates;
import uk.dtw.model.schema.TableDef;

class EpisodeAggregatesTest {
  private static final String HEADER =
      "client_ref,partnership,referral_date,triage_date,first_intervention_date,"
          + "discharge_date,discharge_reason,sex,age_at_referral,ethnicity,primary_substance,"
          + "secondary_substance,injecting,referral_source,modality";

  @Test
  void
      a_reload_recomputing_only_the_changed_partnership_stores_what_the_views_give_from_every_episode(
          @TempDir Path dir) {
    Warehouses wh = new Warehouses(dir);
    wh.write(
        "episodes_2008-09_gateshead.csv",
        HEADER,
        "G1,Gateshead,2008-04-01,2008-04-10,2008-05-20,,,male,30,white_british,heroin,,current,self,prescribing",
        "G2,Gateshead,2007-11-01,2007-11-05,2007-11-10,2008-06-01,planned,female,41,asian,crack,,never,gp,psychosocial");
    wh.write(
        "episodes_2008-09_portsmouth.csv",
        HEADER,
        "P1,Portsmouth,2008-04-10,2008-04-11,2008-04-12,,,male,30,white_british,heroin,,current,self,prescribing",
        "P2,Portsmouth,2008-05-10,2008-05-11,2008-06-30,,,female,30,white_british,crack,,never,self,psychosocial");
    wh.load();
    DeltaTables tables = new DeltaTables(SparkTestSession.get(), wh.warehouse.toString());
    // Every aggregate holds rows: the next load may recompute only the partnerships it changes.
    assertThat(EpisodeAggregates.onlyThoseChanged(tables, false)).isTrue();
    List<Row> gatesheadBefore = rowsOf(wh, Aggregates.EPISODE_CATEGORY_COUNTS, "00CH");

    // Portsmouth resends its year: P1 discharged, P2 withdrawn, P3 new and waiting over 3 weeks.
    wh.write(
        "episodes_2008-09_portsmouth.csv",
        HEADER,
        "P1,Portsmouth,2008-04-10,2008-04-11,2008-04-12,2008-10-01,planned,male,30,white_british,heroin,,current,self,prescribing",
        "P3,Portsmouth,2008-06-10,2008-06-11,2008-07-30,,,male,50,white_british,heroin,,current,criminal_justice,prescribing");
    wh.load();

    SharedViews.register(SparkTestSession.get(), tables);
    for (Map.Entry<TableDef, String> e : Aggregates.viewOf().entrySet()) {
      assertThat(sorted(wh.table(e.getKey()).select(columns(e.getKey())).collectAsList()))
          .as(e.getKey().name() + " as the view computes it from every episode")
          .isEqualTo(
              sorted(
                  SparkTestSession.get()
                      .table(e.getValue())
                      .select(columns(e.getKey()))
                      .collectAsList()));
    }
    assertThat(sorted(wh.table(Aggregates.EPISODE_COVERAGE).collectAsList()))
        .containsExactly("[00CH,2008-09,2]", "[00MR,2008-09,2]");
    assertThat(rowsOf(wh, Aggregates.EPISODE_CATEGORY_COUNTS, "00CH")).isEqualTo(gatesheadBefore);
    assertThat(
            sorted(
                wh.table(Aggregates.EPISODE_WAITING_COUNTS)
                    .select("area_code", "interventions_started", "waited_over_3_weeks")
                    .collectAsList()))
        .containsExactly("[00CH,1,1]", "[00MR,2,1]");
  }

  private static List<Row> rowsOf(Warehouses wh, TableDef table, String area) {
    return wh.table(table)
        .filter(functions.col("area_code").equalTo(area))
        .orderBy(columns(table))
        .collectAsList();
  }

  private static Column[] columns(TableDef table) {
    return table.columnNames().stream().map(functions::col).toArray(Column[]::new);
  }

  private static List<String> sorted(List<Row> rows) {
    return rows.stream().map(Row::toString).sorted().toList();
  }
}
