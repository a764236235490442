package uk.dtw.etl.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.dtw.etl.history.LoadHistory;
import uk.dtw.etl.spark.SparkSessions;

/**
 * {@code history}: the loads that made the warehouse what it is, newest first, and what each
 * changed.
 */
@Command(
    name = "history",
    showDefaultValues = true,
    optionListHeading = "%nOptions:%n",
    description =
        "List the loads committed to a warehouse, newest first; with --changes, the figures each"
            + " added or replaced (old -> new, with the file and row each came from).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the loads were listed (none, if nothing was loaded)",
      "2:the command line was wrong, or the warehouse could not be read"
    })
final class HistoryCommand implements Callable<Integer> {
  @Option(
      names = "--warehouse",
      required = true,
      paramLabel = "DIR",
      description = "Required. Warehouse root folder.")
  String warehouse;

  @Option(
      names = "--changes",
      description = "Also list the figures each load added or replaced (old -> new).")
  boolean changes;

  @Option(
      names = "--load",
      paramLabel = "ID",
      description = "Only this load (its id, as the first column lists it).")
  String onlyLoad;

  @Option(
      names = "--limit",
      defaultValue = "50",
      paramLabel = "N",
      description = "With --changes: most figures listed per load and table.")
  int limit;

  @Override
  public Integer call() {
    SparkSession spark = SparkSessions.create("local[1]");
    try {
      LoadHistory history = new LoadHistory(spark, warehouse);
      System.out.printf(
          "%-28s %8s  %-19s %6s %8s %8s %11s%n",
          "load", "version", "finished (UTC)", "files", "read", "loaded", "quarantined");
      for (LoadHistory.Load l : history.loads()) {
        if (onlyLoad != null && !onlyLoad.equals(l.loadId())) {
          continue;
        }
        System.out.printf(
            "%-28s %8d  %-19s %6d %8d %8d %11d%n",
            l.loadId(),
            l.warehouseVersion(),
            l.finishedAt(),
            l.filesLoaded(),
            l.rowsRead(),
            l.rowsLoaded(),
            l.rowsQuarantined());
        if (changes) {
          print(history.changes(l.loadId(), limit));
        }
      }
      return EtlMain.OK;
    } finally {
      spark.stop();
    }
  }

  private static void print(List<LoadHistory.Change> changes) {
    for (LoadHistory.Change c : changes) {
      if (c.before() == null) {
        System.out.printf(
            "    added    %-16s %-45s %s  (%s)%n", c.table(), c.key(), c.after(), c.source());
      } else {
        System.out.printf(
            "    replaced %-16s %-45s %s -> %s  (%s)%n",
            c.table(), c.key(), c.before(), c.after(), c.source());
      }
    }
  }
}
