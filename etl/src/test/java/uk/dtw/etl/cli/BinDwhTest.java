package uk.dtw.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * bin/dwh's own answers: help for every command and wrong command lines, all without a build. Java
 * and Maven on its PATH are stand-ins that leave a mark, so a run that tried to build or start a
 * command fails here instead of doing so.
 */
class BinDwhTest {
  static final Path ROOT = CliHelpTest.ROOT;

  @TempDir Path tools;

  record Run(int exit, String out, String err) {}

  @BeforeEach
  void standInTools() throws IOException {
    for (String tool : List.of("mvn", "java")) {
      Path script = tools.resolve(tool);
      Files.writeString(script, "#!/bin/sh\necho \"$0 $*\" >> '" + tools + "/ran'\nexit 99\n");
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  Run dwh(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("bin/dwh").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("PATH", tools + ":/usr/bin:/bin");
    Path out = tools.resolve("out");
    Path err = tools.resolve("err");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("bin/dwh answered in time").isTrue();
    assertThat(tools.resolve("ran")).as("bin/dwh ran neither Maven nor Java").doesNotExist();
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  static String helpFile(String name) throws IOException {
    return Files.readString(ROOT.resolve("docs/cli/" + name + ".txt"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h", "help"})
  void its_own_help_exits_0(String flag) throws Exception {
    Run help = dwh(flag);

    assertThat(help.exit()).isZero();
    assertThat(help.out()).isEqualTo(helpFile("dwh"));
    assertThat(help.err()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"load", "serve", "keys", "history", "generate", "demo", "test", "build"})
  void every_commands_help_exits_0_without_a_build(String command) throws Exception {
    for (List<String> args :
        List.of(
            List.of(command, "--help"),
            List.of(command, "-h"),
            List.of("help", command),
            List.of(command, "--port", "1", "--help"))) {
      Run help = dwh(args.toArray(String[]::new));

      assertThat(help.exit()).as(String.join(" ", args)).isZero();
      assertThat(help.out()).as(String.join(" ", args)).isEqualTo(helpFile(command));
      assertThat(help.out()).startsWith("Usage: bin/dwh " + command + " ").contains("Exit codes:");
    }
  }

  @Test
  void the_top_level_help_names_every_command() throws Exception {
    String help = dwh("--help").out();
    for (String command :
        List.of("load", "serve", "keys", "history", "generate", "demo", "test", "build")) {
      assertThat(help).containsPattern("\n  " + command + " +\\S");
    }
  }

  @Test
  void an_unknown_command_exits_2_naming_it_with_the_usage_on_stderr() throws Exception {
    Run bad = dwh("lod", "--landing", "x");

    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.out()).isEmpty();
    assertThat(bad.err()).isEqualTo("error: unknown command 'lod'\n" + helpFile("dwh"));

    Run topic = dwh("help", "lod");
    assertThat(topic.exit()).isEqualTo(2);
    assertThat(topic.err()).startsWith("error: unknown command 'lod'\n");
  }

  @Test
  void no_command_or_an_option_first_exits_2() throws Exception {
    Run none = dwh();
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).isEqualTo("error: no command given\n" + helpFile("dwh"));

    Run option = dwh("--landing", "x");
    assertThat(option.exit()).isEqualTo(2);
    assertThat(option.err().lines().findFirst().orElseThrow()).contains("'--landing'");
  }

  @Test
  void demo_and_build_check_their_options_before_building() throws Exception {
    Run demo = dwh("demo", "--prot", "8080");
    assertThat(demo.exit()).isEqualTo(2);
    assertThat(demo.err()).isEqualTo("error: Unknown option: '--prot'\n" + helpFile("demo"));

    Run missing = dwh("demo", "--port");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err().lines().findFirst().orElseThrow()).contains("'--port'");

    Run build = dwh("build", "now");
    assertThat(build.exit()).isEqualTo(2);
    assertThat(build.err().lines().findFirst().orElseThrow()).contains("'now'");
    assertThat(build.err()).endsWith(helpFile("build"));
  }
}
