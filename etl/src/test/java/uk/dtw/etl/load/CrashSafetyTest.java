package uk.dtw.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.dtw.etl.report.LoadReport;
import uk.dtw.etl.support.ForkedLoad;
import uk.dtw.etl.support.ReaderView;
import uk.dtw.etl.support.Warehouses;
import uk.dtw.model.schema.AuditTables;
import uk.dtw.model.schema.Facts;

/**
 * A load killed with SIGKILL mid-commit leaves readers at the previous version; the next run
 * completes it.
 */
class CrashSafetyTest {
  private static final String PREVALENCE = "partnership,period,drug_group,estimate";
  private static final String TREATMENT = "partnership,period,client_group,in_treatment";

  @Test
  void a_load_killed_mid_commit_is_invisible_and_the_next_run_completes_it(@TempDir Path dir)
      throws Exception {
    Warehouses wh = new Warehouses(dir);
    wh.write("prevalence_2008.csv", PREVALENCE, "Gateshead,2008-09,pdu,1484");
    wh.load();
    long committedVersion = versionReadersSee(wh);
    long prevalenceCommits =
        ForkedLoad.commits(wh.warehouse.resolve(Facts.PREVALENCE.relativePath()));

    wh.write("prevalence_revised.csv", PREVALENCE, "Gateshead,2008-09,pdu,1169");
    wh.write("treatment_2008.csv", TREATMENT, "Gateshead,2008-09,pdu,1091");
    ForkedLoad load = ForkedLoad.start(wh.landing, wh.warehouse, dir.resolve("killed-load.log"));
    // Kill the moment the revised estimate is committed to its fact table: meta_load comes later.
    Path prevalence = wh.warehouse.resolve(Facts.PREVALENCE.relativePath());
    while (load.process.isAlive() && ForkedLoad.commits(prevalence) == prevalenceCommits) {
      Thread.sleep(20);
    }
    load.process.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
    load.process.waitFor(30, TimeUnit.SECONDS);
    assertThat(ForkedLoad.commits(prevalence))
        .as("the fact table was written before the kill: " + load.output())
        .isGreaterThan(prevalenceCommits);

    assertThat(versionReadersSee(wh))
        .as("readers stay at the last committed load")
        .isEqualTo(committedVersion);
    assertThat(estimateReadersSee(wh)).isEqualTo(1484.0);

    LoadReport rerun = wh.load();

    assertThat(rerun.completedInterruptedLoad).isNotNull();
    assertThat(rerun.committed).isTrue();
    assertThat(versionReadersSee(wh)).isGreaterThan(committedVersion);
    assertThat(estimateReadersSee(wh)).isEqualTo(1169.0);
    // Every row of every file is in bronze exactly once, however many runs it took.
    assertThat(wh.table(AuditTables.BRONZE_ROW).count()).isEqualTo(3);
    assertThat(wh.table(AuditTables.META_FILE).count()).isEqualTo(3);
    assertThat(wh.table(Facts.TREATMENT).count()).isEqualTo(1);
  }

  private static long versionReadersSee(Warehouses wh) {
    return new ReaderView(wh).version();
  }

  private static double estimateReadersSee(Warehouses wh) {
    return new ReaderView(wh)
        .pinned(Facts.PREVALENCE)
        .filter("area_code = '00CH' AND measure_code = 'estimate'")
        .first()
        .getAs("figure");
  }
}
