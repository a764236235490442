package uk.dtw.api.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code keys} command: create, revoke and list the API keys {@code serve} accepts. A key is
 * printed once, when it is made; the file keeps only its SHA-256, so a lost key is revoked and
 * replaced, never recovered.
 */
@Command(
    name = "bin/dwh keys",
    description = {
      "Create, revoke and list the API keys 'bin/dwh serve' accepts (sent as 'Authorization:"
          + " Bearer KEY').",
      "Roles: public (named reports; no key needed), analyst (adds SQL and JDBC over the views"
          + " and dimensions), admin (adds episodes, audit and bronze tables, and operations)."
    },
    subcommands = {KeysCommands.Create.class, KeysCommands.Revoke.class, KeysCommands.List.class},
    optionListHeading = "%nOptions:%n",
    commandListHeading = "%nCommands:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done, or help was shown",
      "2:the command line was wrong, the name is taken (create) or unknown (revoke), or the key"
          + " file cannot be read or written"
    })
public final class KeysMain implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      scope = ScopeType.INHERIT,
      description = "Show this help and exit.")
  boolean help;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println("error: no keys command given (create, revoke or list)");
    spec.commandLine().usage(err, CommandLine.Help.Ansi.OFF);
    return 2;
  }

  /** The command line with the handlers every run uses: what {@link #main} executes. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new KeysMain());
    cli.setParameterExceptionHandler(UsageErrors::handle);
    return cli;
  }
}
