package uk.dtw.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.delta.tables.DeltaTable;
import java.nio.file.Path;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.dtw.etl.history.LoadHistory;
import uk.dtw.etl.report.LoadReport;
import uk.dtw.etl.support.SparkTestSession;
import uk.dtw.etl.support.Warehouses;
import uk.dtw.model.schema.Facts;

/**
 * A later figure replaces an earlier one for the same key; the earlier stays in Delta history;
 * blanks erase nothing.
 */
class RevisionTest {
  private static final String HEADER =
      "partnership,period,drug_group,estimate,lower_95,upper_95,rate_per_1000";

  @Test
  void a_revised_estimate_becomes_current_and_the_earlier_one_stays_reachable(@TempDir Path dir) {
    Warehouses wh = new Warehouses(dir);
    // Gateshead's plan: the estimate "now stands at 1,169 - down from the previous estimation of
    // 1,484".
    wh.write("2009/prevalence.csv", HEADER, "Gateshead,2008-09,pdu,\"1,484\",,,");
    wh.load();
    long versionWith1484 =
        DeltaTable.forPath(
                SparkTestSession.get(),
                wh.warehouse.resolve(Facts.PREVALENCE.relativePath()).toString())
            .history(1)
            .select("version")
            .first()
            .getLong(0);
    wh.write("2010/prevalence.csv", HEADER, "Gateshead,2008-09,pdu,\"1,169\",,,");
    LoadReport revision = wh.load();

    assertThat(wh.figure(Facts.PREVALENCE, "area_code", "00CH", "measure_code", "estimate"))
        .isEqualTo(1169.0);
    assertThat(wh.table(Facts.PREVALENCE).count()).isEqualTo(1);
    double before =
        wh.tableAsOf(Facts.PREVALENCE, versionWith1484)
            .filter(functions.col("measure_code").equalTo("estimate"))
            .first()
            .getAs("figure");
    assertThat(before).isEqualTo(1484.0);

    // bin/dwh history --changes tells what the revision replaced, and where each figure came from.
    LoadHistory history = new LoadHistory(SparkTestSession.get(), wh.warehouse.toString());
    assertThat(history.loads())
        .hasSize(2)
        .first()
        .satisfies(l -> assertThat(l.loadId()).isEqualTo(revision.loadId));
    assertThat(history.changes(revision.loadId, 10))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.table()).isEqualTo("fact_prevalence");
              assertThat(c.key()).isEqualTo("00CH 2008-09 pdu estimate");
              assertThat(c.before()).isEqualTo("1484.0 (from 2009/prevalence.csv row 2)");
              assertThat(c.after()).isEqualTo("1169.0");
              assertThat(c.source()).isEqualTo("2010/prevalence.csv row 2");
            });
  }

  @Test
  void a_blank_cell_never_erases_a_figure_another_file_reported(@TempDir Path dir) {
    Warehouses wh = new Warehouses(dir);
    wh.write("prevalence_estimate.csv", HEADER, "Portsmouth,2008-09,pdu,\"1,254\",,,");
    wh.load();
    // A second extract gives only the interval: its blank estimate must leave 1,254 alone.
    wh.write("prevalence_interval.csv", HEADER, "Portsmouth,2008-09,pdu,,\"1,157\",\"1,384\",");
    wh.load();

    assertThat(wh.figure(Facts.PREVALENCE, "area_code", "00MR", "measure_code", "estimate"))
        .isEqualTo(1254.0);
    assertThat(wh.figure(Facts.PREVALENCE, "area_code", "00MR", "measure_code", "lower_95"))
        .isEqualTo(1157.0);
    assertThat(wh.figure(Facts.PREVALENCE, "area_code", "00MR", "measure_code", "upper_95"))
        .isEqualTo(1384.0);
  }

  @Test
  void within_one_load_the_file_whose_path_sorts_later_wins(@TempDir Path dir) {
    Warehouses wh = new Warehouses(dir);
    wh.write("2009/prevalence.csv", HEADER, "Gateshead,2008-09,pdu,1484,,,");
    wh.write("2010/prevalence.csv", HEADER, "Gateshead,2008-09,pdu,1169,,,");
    wh.load();

    assertThat(wh.figure(Facts.PREVALENCE, "area_code", "00CH", "measure_code", "estimate"))
        .isEqualTo(1169.0);
  }

  @Test
  void a_changed_file_replaces_exactly_what_its_earlier_version_loaded(@TempDir Path dir) {
    Warehouses wh = new Warehouses(dir);
    wh.write(
        "prevalence_gateshead.csv",
        HEADER,
        "Gateshead,2008-09,pdu,1484,,,",
        "Gateshead,2007-08,pdu,1500,,,");
    wh.write("prevalence_portsmouth.csv", HEADER, "Portsmouth,2008-09,pdu,1254,,,");
    wh.load();
    // Gateshead re-sends its file: the 2008-09 estimate revised, the 2007-08 row withdrawn.
    wh.write("prevalence_gateshead.csv", HEADER, "Gateshead,2008-09,pdu,1169,,,");

    LoadReport resend = wh.load();

    assertThat(
            wh.figure(
                Facts.PREVALENCE,
                "area_code",
                "00CH",
                "financial_year",
                "2008-09",
                "measure_code",
                "estimate"))
        .isEqualTo(1169.0);
    assertThat(
            wh.figure(
                Facts.PREVALENCE,
                "area_code",
                "00CH",
                "financial_year",
                "2007-08",
                "measure_code",
                "estimate"))
        .isNull();
    assertThat(wh.figure(Facts.PREVALENCE, "area_code", "00MR", "measure_code", "estimate"))
        .isEqualTo(1254.0);
    assertThat(resend.files)
        .filteredOn(f -> f.path.equals("prevalence_gateshead.csv"))
        .singleElement()
        .satisfies(f -> assertThat(f.note).startsWith("changed since it was last loaded"));
  }
}
