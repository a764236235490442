package uk.dtw.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeMainTest {
  @TempDir Path dir;

  private final StringWriter err = new StringWriter();

  private int serve(String... args) {
    CommandLine cli = new CommandLine(new ServeMain());
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    return cli.execute(args);
  }

  @Test
  void a_folder_with_nothing_loaded_is_one_line_and_a_non_zero_exit() {
    int exit = serve("--warehouse", dir.toString(), "--port", "0");

    assertThat(exit).isNotZero();
    assertThat(err.toString())
        .startsWith("error: nothing has been loaded into")
        .contains("--wait-for-first-load")
        .hasLineCount(1);
  }

  @Test
  void a_missing_folder_is_one_line_and_a_non_zero_exit() {
    int exit = serve("--warehouse", dir.resolve("absent").toString());

    assertThat(exit).isNotZero();
    assertThat(err.toString())
        .contains("does not exist")
        .contains("--wait-for-first-load")
        .hasLineCount(1);
  }

  @Test
  void a_taken_port_is_one_line_and_a_non_zero_exit() throws IOException {
    Path log = Files.createDirectories(dir.resolve("meta/meta_load/_delta_log"));
    Files.writeString(log.resolve("00000000000000000000.json"), "{}");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int exit =
          serve("--warehouse", dir.toString(), "--port", Integer.toString(taken.getLocalPort()));

      assertThat(exit).isNotZero();
      assertThat(err.toString())
          .startsWith("error: cannot listen on 127.0.0.1:" + taken.getLocalPort())
          .hasLineCount(1)
          .doesNotContain("Exception");
    }
  }

  @Test
  void an_unreadable_warehouse_log_is_one_line_and_a_non_zero_exit() throws IOException {
    Path log = Files.createDirectories(dir.resolve("meta/meta_load/_delta_log"));
    Files.writeString(log.resolve("00000000000000000000.json"), "{}");
    int exit = serve("--warehouse", dir.toString(), "--port", "0");

    assertThat(exit).as(err.toString()).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("error: cannot read warehouse " + dir)
        .hasLineCount(1)
        .doesNotContain("\tat ");
  }

  @Test
  void the_warehouse_option_is_required() {
    assertThat(serve()).isNotZero();
    assertThat(err.toString()).contains("--warehouse");
  }

  @Test
  void listening_beyond_loopback_without_keys_is_refused_in_one_line() throws IOException {
    Path log = Files.createDirectories(dir.resolve("meta/meta_load/_delta_log"));
    Files.writeString(log.resolve("00000000000000000000.json"), "{}");
    Path empty = dir.resolve("keys.json");
    uk.dtw.api.access.KeyFile.write(empty, java.util.List.of());

    for (String keys : new String[] {dir.resolve("absent.json").toString(), empty.toString()}) {
      err.getBuffer().setLength(0);
      int exit =
          serve("--warehouse", dir.toString(), "--host", "0.0.0.0", "--port", "0", "--keys", keys);

      assertThat(exit).isEqualTo(2);
      assertThat(err.toString()).startsWith("error: ").hasLineCount(1).contains("keys create");
    }
    assertThat(err.toString()).startsWith("error: refusing to listen on 0.0.0.0 without API keys");
  }
}
