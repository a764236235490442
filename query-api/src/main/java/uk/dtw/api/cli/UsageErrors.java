package uk.dtw.api.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * How the query side's commands answer a wrong command line: one line naming what was wrong (with
 * picocli's suggestions for a misspelt option), then the (sub)command's usage, all on stderr; exit
 * 2.
 */
final class UsageErrors {
  private UsageErrors() {}

  static int handle(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    // picocli checks required options before unknown ones: name the unknown one, the likelier slip.
    if (!(e instanceof CommandLine.UnmatchedArgumentException)
        && !cmd.getUnmatchedArguments().isEmpty()) {
      e = new CommandLine.UnmatchedArgumentException(cmd, cmd.getUnmatchedArguments());
    }
    err.println("error: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    cmd.usage(err, CommandLine.Help.Ansi.OFF);
    return 2;
  }
}
