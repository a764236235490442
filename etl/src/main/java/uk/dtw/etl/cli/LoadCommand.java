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
import uk.dtw.etl.load.ReadMeter;
import uk.dtw.etl.report.LoadReport;
import uk.dtw.etl.spark.SparkSessions;

/** {@code load}: one run of the ETL over a landing folder, ending in a load report. */
@Command(
    name = "load",
    showDefaultValues = true,
    optionListHeading = "%nOptions:%n",
    description = {
      "Load the extracts in a landing folder into the warehouse: new files only (by the hash of"
          + " their bytes), then print the load report and save it as JSON under"
          + " <warehouse>/reports/.",
      "A load that fails or is killed leaves nothing visible to readers; the next run completes it."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every row loaded (or nothing new to load)",
      "1:loaded, but some rows were held back in quarantine: the report says which and why",
      "2:the command line was wrong, or the load failed: nothing visible changed",
      "3:another load is running on this warehouse: nothing was written; run it again later",
      "130:stopped with Ctrl-C: nothing visible changed; the next run completes the load"
    })
final class LoadCommand implements Callable<Integer> {
  @Option(
      names = "--landing",
      required = true,
      paramLabel = "DIR",
      description = "Required. Folder of extract files (a local path or any Hadoop URI).")
  String landing;

  @Option(
      names = "--warehouse",
      required = true,
      paramLabel = "DIR",
      description =
          "Required. Warehouse root folder (a local path or any Hadoop URI); made on the first"
              + " load.")
  String warehouse;

  @Option(
      names = "--master",
      defaultValue = "local[*]",
      paramLabel = "URL",
      description =
          "Spark master: local[*] runs on every core of this machine; a cluster's URL such as"
              + " spark://host:7077 runs there.")
  String master;

  @Option(
      names = "--no-progress",
      description =
          "No progress display. By default stderr shows the new files and rows read, rows per"
              + " second, megabytes read and ~ the time left reading (an estimate from the bytes"
              + " read so far; writing the tables follows): redrawn each second on a terminal,"
              + " a line every 10 s in a log. The lines naming each step stay.")
  boolean noProgress;

  @Override
  public Integer call() throws Exception {
    SparkSession spark = SparkSessions.create(master);
    try {
      LoadReport report;
      if (noProgress) {
        report = new LoadJob(spark, warehouse, System.err::println).run(landing);
      } else {
        ReadMeter meter = ReadMeter.start(spark);
        try (LoadProgress progress =
            LoadProgress.start(meter, System.err, LoadProgress.stderrIsTerminal())) {
          report = new LoadJob(spark, warehouse, progress::step, meter).run(landing);
        } finally {
          meter.close();
        }
      }
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
