package uk.dtw.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** serve's help and usage errors, and the copy of its help in docs/cli/ that bin/dwh prints. */
class ServeHelpTest {
  static final Path ROOT = Path.of(System.getProperty("dtw.root", ".."));

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int serve(String... args) {
    CommandLine cli = ServeMain.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void help_exits_0_with_every_option_its_default_and_the_exit_codes() {
    assertThat(serve("--help")).isZero();

    String help = out.toString();
    assertThat(err.toString()).isEmpty();
    assertThat(help).startsWith("Usage: bin/dwh serve ");
    List<String> expected =
        List.of("--warehouse", "--wait-for-first-load", "--host", "--port", "--keys", "--help");
    var options = ServeMain.commandLine().getCommandSpec().options();
    assertThat(options.stream().map(OptionSpec::longestName)).hasSameElementsAs(expected);
    for (OptionSpec option : options) {
      assertThat(help).contains(option.longestName());
      assertThat(String.join(" ", option.description())).isNotBlank();
      if (option.defaultValue() != null) {
        assertThat(help).contains("Default: " + option.defaultValue());
      }
    }
    assertThat(help).contains("Default: 127.0.0.1").contains("Default: 7070");
    for (String code : List.of("2", "3", "130")) {
      assertThat(help).containsPattern("\n  " + code + " +\\S");
    }
  }

  @Test
  void an_unknown_option_exits_2_with_one_line_naming_it_then_the_usage() {
    assertThat(serve("--warehouse", "wh", "--prot", "8080")).isEqualTo(2);

    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines().findFirst().orElseThrow())
        .startsWith("error: Unknown option")
        .contains("'--prot'");
    assertThat(err.toString()).contains("Usage: bin/dwh serve ");
  }

  @Test
  void a_port_that_is_not_a_number_exits_2_naming_it() {
    assertThat(serve("--warehouse", "wh", "--port", "http")).isEqualTo(2);

    assertThat(err.toString().lines().findFirst().orElseThrow())
        .startsWith("error: ")
        .contains("--port")
        .contains("http");
  }

  /** bin/dwh prints docs/cli/serve.txt for serve --help; copy target/cli-help/serve.txt over it. */
  @Test
  void the_help_bin_dwh_prints_is_serves_own() throws IOException {
    String expected = ServeMain.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF);
    Path generated = Path.of("target/cli-help/serve.txt");
    Files.createDirectories(generated.getParent());
    Files.writeString(generated, expected);
    Path copy = ROOT.resolve("docs/cli/serve.txt");
    assertThat(Files.readString(copy))
        .as(copy + " is stale: copy " + generated.toAbsolutePath() + " over it")
        .isEqualTo(expected);
  }

  @Test
  void the_readme_exit_code_table_says_what_the_help_says() throws IOException {
    Map<String, String> declared = new LinkedHashMap<>();
    ServeMain.commandLine()
        .getCommandSpec()
        .usageMessage()
        .exitCodeList()
        .forEach((k, v) -> declared.put(k.strip(), v.strip()));
    Map<String, String> readme = new LinkedHashMap<>();
    Pattern row = Pattern.compile("^\\| `serve` \\| (\\d+) \\| (.*) \\|$");
    for (String line : Files.readAllLines(ROOT.resolve("README.md"))) {
      Matcher m = row.matcher(line);
      if (m.matches()) {
        readme.put(m.group(1), m.group(2));
      }
    }
    assertThat(readme).isEqualTo(declared);
  }
}
