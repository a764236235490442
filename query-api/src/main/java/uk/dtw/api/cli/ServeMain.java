package uk.dtw.api.cli;

import io.javalin.util.JavalinBindException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import uk.dtw.api.ApiServer;
import uk.dtw.api.access.Access;
import uk.dtw.api.access.KeyFile;
import uk.dtw.api.snapshot.SnapshotSource;
import uk.dtw.api.snapshot.WarehouseSnapshots;
import uk.dtw.warehouse.Warehouse;
import uk.dtw.warehouse.WarehouseException;

/** The {@code serve} command: the query API over a warehouse folder, until stopped. */
@Command(
    name = "bin/dwh serve",
    showDefaultValues = true,
    optionListHeading = "%nOptions:%n",
    description = {
      "Serve the warehouse's reports and read-only SQL over HTTP, until stopped (Ctrl-C).",
      "Each answer reads the latest completed load; a newer one is picked up within seconds.",
      "Callers without a key get the public reports; 'Authorization: Bearer KEY' with a key from"
          + " 'bin/dwh keys create' opens SQL and JDBC (analyst) or everything (admin). Keys"
          + " created or revoked take effect within a second, without a restart."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:help was shown",
      "2:the command line was wrong, the warehouse folder is unreadable, or missing or has"
          + " nothing loaded into it (without --wait-for-first-load), the key file cannot be"
          + " read, or --host is not loopback and there are no keys",
      "3:cannot listen on --host:--port (the port is taken or out of range, or the host is"
          + " unknown)",
      "130:stopped with Ctrl-C (SIGINT; 143 for SIGTERM): the usual way it ends"
    })
public final class ServeMain implements Callable<Integer> {
  /** How often, at most, a request checks whether a newer load has landed. */
  static final Duration REFRESH_CHECK = Duration.ofSeconds(5);

  @Spec CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  @Option(
      names = "--warehouse",
      required = true,
      paramLabel = "DIR",
      description =
          "Required. Warehouse folder a load has written (bin/dwh load): a local path or any"
              + " Hadoop URI.")
  String warehouse;

  @Option(
      names = "--wait-for-first-load",
      description = {
        "Start even when nothing has been loaded into --warehouse yet (or the folder is not"
            + " there yet): /api/v1/health answers status 'loading', the reports 503 with"
            + " Retry-After, and the first load is served within seconds of its commit, without"
            + " a restart. bin/dwh demo passes it.",
        "Without it such a warehouse is refused (exit 2), so a mistyped path fails at once."
      })
  boolean waitForFirstLoad;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      paramLabel = "HOST",
      description = "Address to listen on; 0.0.0.0 for every interface.")
  String host;

  @Option(
      names = "--keys",
      paramLabel = "FILE",
      description = {
        "API key file (bin/dwh keys); default " + KeyFile.DEFAULT + ", used when it exists.",
        "Without keys every caller is public and only a loopback --host is allowed."
      })
  Path keys;

  @Option(
      names = "--port",
      defaultValue = "7070",
      paramLabel = "N",
      description = "Port to listen on; 0 picks a free one.")
  int port;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with the handler every run uses: what {@link #main} executes. */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new ServeMain());
    cli.setParameterExceptionHandler(UsageErrors::handle);
    return cli;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    boolean folder;
    try {
      folder = Warehouse.isFolder(warehouse);
    } catch (UncheckedIOException e) {
      err.println("error: cannot read warehouse " + warehouse + ": " + e.getCause().getMessage());
      return 2;
    }
    if (!folder && !waitForFirstLoad) {
      err.println(
          "error: warehouse folder "
              + warehouse
              + " does not exist; run the ETL load first (or pass --wait-for-first-load to"
              + " serve it when a load creates it)");
      return 2;
    }
    Path keyFile = keys != null ? keys : Path.of(KeyFile.DEFAULT);
    String keyProblem = KeyCheck.problem(keyFile, keys != null, host);
    if (keyProblem != null) {
      err.println("error: " + keyProblem);
      return 2;
    }
    String portProblem = PortCheck.problem(host, port);
    if (portProblem != null) {
      err.println("error: cannot listen on " + host + ":" + port + ": " + portProblem);
      return 3;
    }
    long latest = -1;
    try {
      if (folder) {
        latest = WarehouseSnapshots.latestLoadedVersion(warehouse);
      }
    } catch (WarehouseException e) {
      err.println("error: cannot read warehouse " + warehouse + ": " + e.getMessage());
      return 2;
    }
    if (latest < 0 && !waitForFirstLoad) {
      err.println(
          "error: nothing has been loaded into "
              + warehouse
              + " (no completed load in meta/meta_load); run the ETL load first (or pass"
              + " --wait-for-first-load"
              + " to serve the first load when it commits)");
      return 2;
    }
    SnapshotSource source;
    try {
      source = WarehouseSnapshots.refreshing(warehouse, REFRESH_CHECK);
    } catch (WarehouseException e) {
      err.println("error: cannot open warehouse " + warehouse + ": " + e.getMessage());
      return 2;
    }
    ApiServer server = new ApiServer(source, Access.keys(keyFile));
    try {
      server.start(host, port);
    } catch (JavalinBindException e) {
      source.close();
      err.println("error: cannot listen on " + host + ":" + port + ": " + e.getMessage());
      return 3;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "query-api-stop"));
    printWelcome(server.port(), source.currentVersion());
    Warmup.startInBackground(source);
    return waitForever();
  }

  private void printWelcome(int boundPort, long version) {
    String base = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + boundPort;
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "query-api serving warehouse "
            + warehouse
            + (version < 0
                ? " (no version yet: the reports answer 503 until the first load commits)"
                : " (version " + version + ")")
            + " at "
            + base);
    out.println("try:");
    out.println("  " + base + "/api/v1/health");
    out.println(
        "  " + base + "/api/v1/rankings?measure=penetration&period=2008-09&region=South%20East");
    out.println("  " + base + "/api/v1/rankings?measure=effective_change&period=2008-09&limit=10");
    out.println("  " + base + "/api/v1/funding?partnership=Gateshead");
    out.println(
        "  curl -s -H 'Authorization: Bearer KEY' -X POST "
            + base
            + "/api/v1/sql -d '{\"sql\":\"SELECT * FROM partnership\"}'");
    out.println("  (SQL needs an analyst key: bin/dwh keys create --role analyst --name NAME)");
    out.println("stop with Ctrl-C");
  }

  private static Integer waitForever() {
    try {
      Thread.currentThread().join();
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }
}
