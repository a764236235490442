package uk.dtw.etl.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The ETL's commands of {@code bin/dwh}: {@code load} a landing folder, show the warehouse's {@code
 * history}, {@code generate} synthetic extracts. Their options, defaults and exit codes are
 * declared here and in each command's annotations, the one source of the help texts (docs/cli/,
 * which bin/dwh prints, is checked against them by CliHelpTest).
 */
@Command(
    name = "bin/dwh",
    description = "The ETL commands: load extracts into the Delta Lake warehouse and inspect it.",
    subcommands = {LoadCommand.class, HistoryCommand.class, GenerateCommand.class},
    optionListHeading = "%nOptions:%n",
    commandListHeading = "%nCommands:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:help was shown",
      "2:no command, or an unknown one (the error names it; usage follows)"
    })
public final class EtlMain implements Callable<Integer> {

  /** Exit codes: what a script calling the ETL can rely on. */
  public static final int OK = 0;

  public static final int HELD_BACK = 1;

  /** The command failed, or its command line was wrong (picocli's usage error is 2 too). */
  public static final int FAILED = 2;

  /** Another load holds the warehouse; nothing was written: try again later. */
  public static final int BUSY = 3;

  @Spec CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      scope = ScopeType.INHERIT,
      description = "Show this help and exit.")
  boolean help;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println("error: no command given");
    spec.commandLine().usage(err, CommandLine.Help.Ansi.OFF);
    return FAILED;
  }

  /** The command line with the handlers every run uses: what {@link #main} executes. */
  public static CommandLine commandLine() {
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
    cli.setParameterExceptionHandler(EtlMain::usageError);
    return cli;
  }

  /**
   * A wrong command line: one line naming what was wrong (with picocli's suggestions for a misspelt
   * option), then the command's usage, all on stderr; exit 2.
   */
  static int usageError(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    // picocli checks required options before unknown ones: name the unknown one, the likelier slip.
    if (!(e instanceof UnmatchedArgumentException) && !cmd.getUnmatchedArguments().isEmpty()) {
      e = new UnmatchedArgumentException(cmd, cmd.getUnmatchedArguments());
    }
    err.println("error: " + e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    cmd.usage(err, CommandLine.Help.Ansi.OFF);
    return FAILED;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
