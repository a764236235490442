package uk.dtw.api.support;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import uk.dtw.api.ApiServer;
import uk.dtw.api.access.Access;
import uk.dtw.api.cli.KeysMain;
import uk.dtw.api.snapshot.WarehouseSnapshots;

/**
 * A real server over the sample warehouse that checks keys, as {@code serve --keys} does, with an
 * analyst's and an admin's key made by the {@code keys create} command: one per test JVM, shared by
 * the role tests. Callers without a key are public.
 */
public final class KeyedSampleApi {
  private static Path keyFile;
  private static Http anonymous;
  private static String analystKey;
  private static String adminKey;

  private KeyedSampleApi() {}

  /** The key file the server reads, for tests that create and revoke keys in it. */
  public static synchronized Path keyFile() {
    start();
    return keyFile;
  }

  /** A client without a key: the public role. */
  public static synchronized Http anonymous() {
    start();
    return anonymous;
  }

  public static synchronized Http analyst() {
    start();
    return anonymous.withKey(analystKey);
  }

  public static synchronized Http admin() {
    start();
    return anonymous.withKey(adminKey);
  }

  public static synchronized String analystKey() {
    start();
    return analystKey;
  }

  public static synchronized String adminKey() {
    start();
    return adminKey;
  }

  /** Runs {@code bin/dwh keys ARGS} on the server's key file; its stdout, failing on exit != 0. */
  public static String keys(String... args) {
    return keys(keyFile(), args);
  }

  private static String keys(Path file, String... args) {
    StringWriter out = new StringWriter();
    var cli = KeysMain.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--keys";
    all[args.length + 1] = file.toString();
    int exit = cli.execute(all);
    if (exit != 0) {
      throw new IllegalStateException("bin/dwh keys " + String.join(" ", args) + " exited " + exit);
    }
    return out.toString().strip();
  }

  private static void start() {
    if (anonymous != null) {
      return;
    }
    try {
      keyFile = Files.createTempDirectory("dtw-keys").resolve("api-keys.json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    analystKey = keys(keyFile, "create", "--role", "analyst", "--name", "alice");
    adminKey = keys(keyFile, "create", "--role", "admin", "--name", "root");
    ApiServer server =
        new ApiServer(
                WarehouseSnapshots.refreshing(SampleWarehouse.path(), Duration.ofSeconds(5)),
                Access.keys(keyFile))
            .start("127.0.0.1", 0);
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "keyed-api-stop"));
    anonymous = new Http(server.port());
  }
}
