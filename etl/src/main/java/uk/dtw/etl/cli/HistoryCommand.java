package uk.dtw.etl.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.dtw.etl.spark.SparkSessions;
import uk.dtw.warehouse.schema.AuditTables;

/** {@code history}: the loads that made the warehouse what it is, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "List the loads committed to a warehouse.")
final class HistoryCommand implements Callable<Integer> {
  @Option(names = "--warehouse", required = true, description = "Warehouse root folder.")
  String warehouse;

  @Override
  public Integer call() {
    SparkSession spark = SparkSessions.create("local[1]");
    try {
      String path = warehouse + "/" + AuditTables.META_LOAD.relativePath();
      System.out.printf("%-28s %-20s %6s %8s %8s %11s%n", "load", "finished (UTC)", "files", "read", "loaded", "quarantined");
      for (Row r : spark.read().format("delta").load(path).orderBy(org.apache.spark.sql.functions.col("finished_at").desc()).collectAsList()) {
        System.out.printf("%-28s %-20s %6d %8d %8d %11d%n", r.getAs("load_id"),
            r.getAs("finished_at").toString().substring(0, 19), r.<Integer>getAs("files_loaded"),
            r.<Long>getAs("rows_read"), r.<Long>getAs("rows_loaded"), r.<Long>getAs("rows_quarantined"));
      }
      return EtlMain.OK;
    } finally {
      spark.stop();
    }
  }
}
