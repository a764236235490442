package uk.dtw.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The ETL commands' help and usage errors, as picocli gives them (no Spark: help and bad command
 * lines are answered before a command runs), and the copies in docs/cli/ that bin/dwh prints.
 */
class CliHelpTest {
  static final Path ROOT = Path.of(System.getProperty("dtw.root", ".."));

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    CommandLine cli = EtlMain.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  static CommandSpec spec(String command) {
    return EtlMain.commandLine().getSubcommands().get(command).getCommandSpec();
  }

  /** Every option each command must offer: dropping one from the help fails here. */
  static final Map<String, List<String>> OPTIONS =
      Map.of(
          "load", List.of("--landing", "--warehouse", "--master", "--no-progress", "--help"),
          "history", List.of("--warehouse", "--changes", "--load", "--limit", "--help"),
          "generate", List.of("--out", "--from", "--to", "--scale", "--seed", "--help"));

  @ParameterizedTest
  @ValueSource(strings = {"load", "history", "generate"})
  void help_exits_0_with_every_option_its_default_and_the_exit_codes(String command) {
    Run help = run(command, "--help");

    assertThat(help.exit()).isZero();
    assertThat(help.err()).isEmpty();
    assertThat(help.out()).startsWith("Usage: bin/dwh " + command + " ");
    for (String option : OPTIONS.get(command)) {
      assertThat(help.out()).contains(option);
    }
    for (OptionSpec option : spec(command).options()) {
      assertThat(OPTIONS.get(command)).contains(option.longestName());
      assertThat(String.join(" ", option.description()))
          .as(option.longestName() + " says what it does")
          .isNotBlank();
      if (option.defaultValue() != null) {
        assertThat(help.out())
            .as(option.longestName() + "'s default")
            .contains("Default: " + option.defaultValue());
      }
    }
    assertThat(help.out()).contains("\nExit codes:\n");
    for (String code : exitCodes(spec(command)).keySet()) {
      assertThat(help.out()).containsPattern("\n  " + code + " +\\S");
    }
  }

  @Test
  void the_load_help_lists_every_exit_code_the_load_returns() {
    assertThat(exitCodes(spec("load")))
        .containsOnlyKeys(
            String.valueOf(EtlMain.OK),
            String.valueOf(EtlMain.HELD_BACK),
            String.valueOf(EtlMain.FAILED),
            String.valueOf(EtlMain.BUSY),
            "130");
  }

  @Test
  void the_defaults_shown_are_the_ones_used() {
    CommandLine cli = EtlMain.commandLine();
    cli.parseArgs("load", "--landing", "in", "--warehouse", "wh");
    LoadCommand load = cli.getSubcommands().get("load").getCommand();
    assertThat(load.master).isEqualTo("local[*]");
    assertThat(spec("load").findOption("--master").defaultValue()).isEqualTo("local[*]");
  }

  @Test
  void an_unknown_option_exits_2_with_one_line_naming_it_then_the_usage_on_stderr() {
    Run bad = run("load", "--landing", "in", "--warehouse", "wh", "--bogus");

    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.out()).isEmpty();
    assertThat(bad.err().lines().findFirst()).hasValue("error: Unknown option: '--bogus'");
    assertThat(bad.err()).contains("Usage: bin/dwh load ");
  }

  @Test
  void a_misspelt_option_is_named_even_though_required_ones_are_missing_too() {
    Run bad = run("load", "--lnding", "in");

    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err().lines().findFirst().orElseThrow())
        .startsWith("error: Unknown option")
        .contains("'--lnding'");
  }

  @Test
  void missing_required_options_exit_2_naming_them() {
    Run bad = run("load");

    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err().lines().findFirst().orElseThrow())
        .startsWith("error: Missing required options")
        .contains("--landing")
        .contains("--warehouse");
  }

  @Test
  void a_bad_value_exits_2_naming_the_option() {
    Run bad = run("history", "--warehouse", "wh", "--limit", "many");

    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err().lines().findFirst().orElseThrow())
        .startsWith("error: ")
        .contains("--limit")
        .contains("many");
  }

  @Test
  void an_unknown_command_or_none_exits_2() {
    Run unknown = run("lod");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err().lines().findFirst().orElseThrow())
        .startsWith("error: ")
        .contains("'lod'");
    assertThat(unknown.err()).contains("Usage: bin/dwh ");

    Run none = run();
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).startsWith("error: no command given\nUsage: bin/dwh ");
  }

  /**
   * bin/dwh prints docs/cli/COMMAND.txt for --help (no build needed): each must be picocli's text.
   * When an option changes this fails; copy target/cli-help/COMMAND.txt over it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"load", "history", "generate"})
  void the_help_bin_dwh_prints_is_the_commands_own(String command) throws IOException {
    String expected =
        EtlMain.commandLine()
            .getSubcommands()
            .get(command)
            .getUsageMessage(CommandLine.Help.Ansi.OFF);
    Path generated = Path.of("target/cli-help/" + command + ".txt");
    Files.createDirectories(generated.getParent());
    Files.writeString(generated, expected);
    Path copy = ROOT.resolve("docs/cli/" + command + ".txt");
    assertThat(Files.readString(copy))
        .as(copy + " is stale: copy " + generated.toAbsolutePath() + " over it")
        .isEqualTo(expected);
  }

  /** README.md's exit-code table says for each command exactly what its help says. */
  @Test
  void the_readme_exit_code_table_is_each_commands_list() throws IOException {
    Map<String, Map<String, String>> readme = readmeExitCodes();
    for (String command : List.of("load", "history", "generate")) {
      assertThat(readme.get(command)).as(command).isEqualTo(exitCodes(spec(command)));
    }
    for (String command : List.of("demo", "keys", "test", "build")) {
      assertThat(readme.get(command))
          .as(command)
          .isEqualTo(exitCodes(Files.readString(ROOT.resolve("docs/cli/" + command + ".txt"))));
    }
    assertThat(readme.get("bin/dwh"))
        .isEqualTo(exitCodes(Files.readString(ROOT.resolve("docs/cli/dwh.txt"))));
    assertThat(readme.keySet())
        .containsExactlyInAnyOrder(
            "bin/dwh", "load", "serve", "keys", "history", "generate", "demo", "test", "build");
  }

  /** Code to meaning, as the command's picocli annotation declares them. */
  static Map<String, String> exitCodes(CommandSpec spec) {
    Map<String, String> codes = new LinkedHashMap<>();
    spec.usageMessage().exitCodeList().forEach((k, v) -> codes.put(k.strip(), v.strip()));
    return codes;
  }

  /** Code to meaning from a help text's "Exit codes:" section, wrapped lines joined. */
  static Map<String, String> exitCodes(String help) {
    Map<String, String> codes = new LinkedHashMap<>();
    String last = null;
    boolean in = false;
    for (String line : help.lines().toList()) {
      if (line.equals("Exit codes:")) {
        in = true;
      } else if (in && line.matches("  \\d+ +\\S.*")) {
        String[] parts = line.strip().split(" +", 2);
        last = parts[0];
        codes.put(last, parts[1]);
      } else if (in && last != null && line.startsWith("      ")) {
        codes.put(last, codes.get(last) + " " + line.strip());
      } else if (in && !line.isBlank()) {
        break;
      }
    }
    return codes;
  }

  /** The rows of README.md's exit-code table: {@code | `command` | code | meaning |}. */
  static Map<String, Map<String, String>> readmeExitCodes() throws IOException {
    Map<String, Map<String, String>> table = new LinkedHashMap<>();
    for (String line : Files.readAllLines(ROOT.resolve("README.md"))) {
      var m =
          java.util.regex.Pattern.compile("^\\| `([^`]+)` \\| (\\d+) \\| (.*) \\|$").matcher(line);
      if (m.matches()) {
        table.computeIfAbsent(m.group(1), k -> new LinkedHashMap<>()).put(m.group(2), m.group(3));
      }
    }
    return table;
  }
}
