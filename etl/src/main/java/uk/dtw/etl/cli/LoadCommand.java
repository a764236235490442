package uk.dtw.etl.cli;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.dtw.etl.load.LoadJob;
import uk.dtw.etl.report.LoadReport;
import uk.dtw.etl.spark.SparkSessions;

/** {@code load}: one run of the ETL over a landing folder, ending in a load report. */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description =
        "Load the extracts in a landing folder into the warehouse. Exit 0: all loaded; "
            + "1: some rows held back in quarantine (see the report); 2: the load failed and changed nothing visible; "
            + "3: another load is running on this warehouse (nothing written).")
final class LoadCommand implements Callable<Integer> {
  @Option(
      names = "--landing",
      required = true,
      description = "Folder of extract files (any Hadoop path).")
  String landing;

  @Option(
      names = "--warehouse",
      required = true,
      description = "Warehouse root folder (any Hadoop path).")
  String warehouse;

  @Option(
      names = "--master",
      defaultValue = "local[*]",
      description = "Spark master (default: ${DEFAULT-VALUE}).")
  String master;

  @Override
  public Integer call() throws Exception {
    SparkSession spark = SparkSessions.create(master);
    try {
      LoadReport report = new LoadJob(spark, warehouse, System.err::println).run(landing);
      System.out.print(report.toText());
      Path json = new Path(warehouse, "reports/" + report.loadId + ".json");
      FileSystem fs = json.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (FSDataOutputStream out = fs.create(json, true)) {
        out.write(report.toJson().getBytes(StandardCharsets.UTF_8));
      }
      System.out.println("Report: " + fs.makeQualified(json));
      return report.anythingHeldBack() ? EtlMain.HELD_BACK : EtlMain.OK;
    } finally {
      spark.stop();
    }
  }
}
