package uk.dtw.api.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import uk.dtw.api.access.ApiKey;
import uk.dtw.api.access.KeyFile;
import uk.dtw.model.schema.Role;

/** The three {@code keys} subcommands, each a change to (or a look at) the key file. */
final class KeysCommands {
  private KeysCommands() {}

  /** The option every subcommand takes: which key file. */
  static final class FileOption {
    @Option(
        names = "--keys",
        paramLabel = "FILE",
        defaultValue = KeyFile.DEFAULT,
        description = "Key file, as given to bin/dwh serve --keys.")
    Path file;
  }

  /** What each subcommand shares: the file, and one line on stderr for what went wrong. */
  abstract static class KeyCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin FileOption keys;

    @Override
    public Integer call() {
      try {
        return run(spec.commandLine().getOut());
      } catch (IOException e) {
        spec.commandLine().getErr().println("error: key file " + keys.file + ": " + e.getMessage());
        return 2;
      }
    }

    abstract int run(PrintWriter out) throws IOException;

    int refuse(String message) {
      spec.commandLine().getErr().println("error: " + message);
      return 2;
    }
  }

  @Command(
      name = "create",
      showDefaultValues = true,
      description = "Make a key for NAME with ROLE and print it, once: it is not kept anywhere.",
      optionListHeading = "%nOptions:%n",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:the key was made and printed", "2:NAME is taken, or the file is unusable"})
  static final class Create extends KeyCommand {
    @Option(
        names = "--name",
        required = true,
        paramLabel = "NAME",
        description = "Required. Who or what the key is for (one word: letters, digits, . _ -).")
    String name;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "Required. public, analyst or admin.")
    String role;

    @Override
    int run(PrintWriter out) throws IOException {
      if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
        return refuse("--name '" + name + "' must be 1 to 64 letters, digits, '.', '_' or '-'");
      }
      Role parsed = Role.parse(role).orElse(null);
      if (parsed == null) {
        return refuse("--role '" + role + "' is not one of " + String.join(", ", Role.ids()));
      }
      java.util.List<ApiKey> all = new ArrayList<>(KeyFile.read(keys.file));
      if (all.stream().anyMatch(k -> k.name().equals(name))) {
        return refuse("a key named '" + name + "' exists; revoke it first to replace it");
      }
      String key = ApiKey.newKey();
      String created = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
      all.add(new ApiKey(name, parsed, ApiKey.hash(key), created));
      KeyFile.write(keys.file, all);
      out.println(key);
      spec.commandLine()
          .getErr()
          .println(
              "key for "
                  + name
                  + " ("
                  + parsed.id()
                  + ") added to "
                  + keys.file
                  + "; shown once: send it as 'Authorization: Bearer <key>'");
      return 0;
    }
  }

  @Command(
      name = "revoke",
      showDefaultValues = true,
      description = "Remove NAME's key: a running serve refuses it (401) within a second.",
      optionListHeading = "%nOptions:%n",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:the key was removed", "2:no key has that NAME, or the file is unusable"})
  static final class Revoke extends KeyCommand {
    @Option(
        names = "--name",
        required = true,
        paramLabel = "NAME",
        description = "Required. The key's name, as keys list shows it.")
    String name;

    @Override
    int run(PrintWriter out) throws IOException {
      java.util.List<ApiKey> all = new ArrayList<>(KeyFile.read(keys.file));
      if (!all.removeIf(k -> k.name().equals(name))) {
        return refuse("no key named '" + name + "' in " + keys.file);
      }
      KeyFile.write(keys.file, all);
      out.println("revoked " + name);
      return 0;
    }
  }

  @Command(
      name = "list",
      showDefaultValues = true,
      description = "List the keys by name, role and creation time (never a key or its hash).",
      optionListHeading = "%nOptions:%n",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:listed (nothing when there are no keys)", "2:the file is unusable"})
  static final class List extends KeyCommand {
    @Override
    int run(PrintWriter out) throws IOException {
      for (ApiKey k : KeyFile.read(keys.file)) {
        out.println(k.name() + "\t" + k.role().id() + "\t" + k.created());
      }
      return 0;
    }
  }
}
