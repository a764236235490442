package uk.dtw.etl.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The ETL's command line: {@code load} a landing folder, show the warehouse's {@code history}. */
@Command(
    name = "dwh-etl",
    mixinStandardHelpOptions = true,
    description = "Loads partnership extracts into the Delta Lake warehouse.",
    subcommands = {LoadCommand.class, HistoryCommand.class, GenerateCommand.class})
public final class EtlMain implements Callable<Integer> {

  /** Exit codes: what a script calling the ETL can rely on. */
  public static final int OK = 0;

  public static final int HELD_BACK = 1;
  public static final int FAILED = 2;

  /** Another load holds the warehouse; nothing was written: try again later. */
  public static final int BUSY = 3;

  @Override
  public Integer call() {
    CommandLine.usage(this, System.out);
    return FAILED;
  }

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new EtlMain());
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          // A person reads this: the reason, not a stack trace. Set DTW_DEBUG=1 to see the trace.
          cmd.getErr().println("error: " + UserMessages.describe(e));
          if (System.getenv("DTW_DEBUG") != null) {
            e.printStackTrace(cmd.getErr());
          }
          return e instanceof uk.dtw.etl.load.LoadInProgressException ? BUSY : FAILED;
        });
    System.exit(cli.execute(args));
  }
}
