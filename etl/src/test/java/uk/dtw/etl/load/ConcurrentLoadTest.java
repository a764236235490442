package uk.dtw.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.dtw.etl.cli.EtlMain;
import uk.dtw.etl.support.ForkedLoad;
import uk.dtw.etl.support.Warehouses;
import uk.dtw.model.schema.AuditTables;

/**
 * Two loads started at once on one warehouse: both succeed, or one fails cleanly having written
 * nothing.
 */
class ConcurrentLoadTest {

  @Test
  void two_loads_at_once_never_leave_a_half_load_visible(@TempDir Path dir) throws Exception {
    Warehouses wh = new Warehouses(dir);
    Path north = dir.resolve("north");
    Path south = dir.resolve("south");
    Files.createDirectories(north);
    Files.createDirectories(south);
    Files.writeString(
        north.resolve("prevalence.csv"),
        "partnership,period,drug_group,estimate\nGateshead,2008-09,pdu,1169\n");
    Files.writeString(
        south.resolve("prevalence.csv"),
        "partnership,period,drug_group,estimate\nPortsmouth,2008-09,pdu,1254\n");

    ForkedLoad a = ForkedLoad.start(north, wh.warehouse, dir.resolve("a.log"));
    ForkedLoad b = ForkedLoad.start(south, wh.warehouse, dir.resolve("b.log"));
    assertThat(a.process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(b.process.waitFor(5, TimeUnit.MINUTES)).isTrue();

    List<ForkedLoad> loads = List.of(a, b);
    long succeeded = loads.stream().filter(l -> l.process.exitValue() == EtlMain.OK).count();
    assertThat(succeeded).as(a.output() + "\n----\n" + b.output()).isGreaterThanOrEqualTo(1);
    for (ForkedLoad l : loads) {
      if (l.process.exitValue() != EtlMain.OK) {
        assertThat(l.process.exitValue()).isEqualTo(EtlMain.BUSY);
        assertThat(l.output())
            .contains("another load")
            .contains("run this load again when it has finished")
            .doesNotContain("Exception");
      }
    }
    // Each successful load committed exactly one meta_load row; the lock is gone.
    assertThat(wh.table(AuditTables.META_LOAD).count()).isEqualTo(succeeded);
    assertThat(wh.table(AuditTables.BRONZE_ROW).count()).isEqualTo(succeeded);
    assertThat(wh.warehouse.resolve(LoadLock.FILE)).doesNotExist();
  }
}
