package uk.dtw.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import uk.dtw.api.access.Access;
import uk.dtw.api.access.ApiKey;
import uk.dtw.model.schema.Role;

/** {@code bin/dwh keys}: a key printed once and kept hashed, revoked by name, and its help. */
class KeysCommandTest {
  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  private Run keys(String... args) {
    CommandLine cli = KeysMain.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return new Run(cli.execute(args), out.toString(), err.toString());
  }

  @Test
  void create_prints_the_key_once_and_the_file_keeps_only_its_hash() throws IOException {
    Path file = dir.resolve("keys.json");
    Run created = keys("create", "--keys", file.toString(), "--role", "analyst", "--name", "alice");

    assertThat(created.exit()).isZero();
    String key = created.out().strip();
    assertThat(key).matches("dtw_[A-Za-z0-9_-]{43}");
    String stored = Files.readString(file);
    assertThat(stored).doesNotContain(key).contains(ApiKey.hash(key)).contains("\"analyst\"");
    assertThat(Access.keys(file).roleOf("Bearer " + key)).isEqualTo(Role.ANALYST);
    Run listed = keys("list", "--keys", file.toString());
    assertThat(listed.out()).startsWith("alice\tanalyst\t").doesNotContain(key);
  }

  @Test
  void a_taken_name_an_unknown_role_or_an_unknown_revoke_is_one_line_and_exit_2() {
    String file = dir.resolve("keys.json").toString();
    keys("create", "--keys", file, "--role", "admin", "--name", "root");

    for (Run bad :
        List.of(
            keys("create", "--keys", file, "--role", "admin", "--name", "root"),
            keys("create", "--keys", file, "--role", "owner", "--name", "bob"),
            keys("revoke", "--keys", file, "--name", "nobody"))) {
      assertThat(bad.exit()).isEqualTo(2);
      assertThat(bad.out()).isEmpty();
      assertThat(bad.err()).startsWith("error: ").hasLineCount(1);
    }
  }

  @Test
  void a_revoked_key_is_refused() {
    Path file = dir.resolve("keys.json");
    String key =
        keys("create", "--keys", file.toString(), "--role", "admin", "--name", "ops").out().strip();

    assertThat(keys("revoke", "--keys", file.toString(), "--name", "ops").exit()).isZero();
    assertThat(keys("list", "--keys", file.toString()).out()).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Access.keys(file).roleOf("Bearer " + key))
        .hasMessageContaining("not valid");
  }

  /**
   * bin/dwh prints docs/cli/keys*.txt; copy target/cli-help/keys*.txt over them when they change.
   */
  @ParameterizedTest
  @ValueSource(strings = {"", "create", "revoke", "list"})
  void the_help_bin_dwh_prints_is_the_commands_own(String sub) throws IOException {
    CommandLine cli = KeysMain.commandLine();
    CommandLine command = sub.isEmpty() ? cli : cli.getSubcommands().get(sub);
    String expected = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
    String name = sub.isEmpty() ? "keys.txt" : "keys-" + sub + ".txt";
    Path generated = Path.of("target/cli-help", name);
    Files.createDirectories(generated.getParent());
    Files.writeString(generated, expected);
    Path copy = ServeHelpTest.ROOT.resolve("docs/cli").resolve(name);
    assertThat(copy).exists();
    assertThat(Files.readString(copy))
        .as(copy + " is stale: copy " + generated.toAbsolutePath() + " over it")
        .isEqualTo(expected);
    assertThat(expected).startsWith("Usage: bin/dwh keys").contains("Exit codes:");
  }
}
