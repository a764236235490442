package uk.dtw.etl.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import uk.dtw.etl.extract.Json;

/**
 * One load at a time per warehouse: a lock file created with create-if-absent, naming the load,
 * host and process that holds it.
 *
 * <p>Delta would let two loads' MERGEs interleave, and the one that commits meta_load last would
 * then pin the other's half-written tables. A second load therefore fails cleanly before it writes
 * anything. A lock left by a process that no longer runs on this host (kill -9) is taken over, and
 * the new load completes what the dead one began. On object stores without atomic create-if-absent,
 * run one load at a time by schedule instead.
 */
final class LoadLock implements AutoCloseable {
  static final String FILE = "_load.lock";
  private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":\"?([^\",}]*)\"?");

  private final FileSystem fs;
  private final Path path;
  final String tookOverFrom;

  private LoadLock(FileSystem fs, Path path, String tookOverFrom) {
    this.fs = fs;
    this.path = path;
    this.tookOverFrom = tookOverFrom;
  }

  static LoadLock acquire(String warehouse, String loadId, Configuration conf) {
    Path path = new Path(warehouse, FILE);
    try {
      FileSystem fs = path.getFileSystem(conf);
      fs.mkdirs(path.getParent());
      String tookOverFrom = null;
      for (int attempt = 0; attempt < 2; attempt++) {
        try {
          write(fs, path, loadId);
          return new LoadLock(fs, path, tookOverFrom);
        } catch (FileAlreadyExistsException | java.nio.file.FileAlreadyExistsException e) {
          Map<String, String> holder = read(fs, path);
          if (!isDead(holder)) {
            throw new LoadInProgressException(
                "another load ("
                    + holder.get("load_id")
                    + ", started "
                    + holder.get("started_at")
                    + " by process "
                    + holder.get("pid")
                    + " on "
                    + holder.get("host")
                    + ") is running on warehouse "
                    + warehouse
                    + "; run this load again when it has finished");
          }
          // Rename, not delete: of two loads finding the same dead lock, only one rename succeeds.
          if (!fs.rename(
              path, new Path(path.getParent(), FILE + ".dead-" + holder.get("load_id")))) {
            continue;
          }
          tookOverFrom = holder.get("load_id");
        }
      }
      throw new LoadInProgressException(
          "another load took the lock on warehouse "
              + warehouse
              + " at the same moment; run this load again when it has finished");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot take the load lock " + path, e);
    }
  }

  /** The holder ran on this host and its process is gone: the load was killed, not running. */
  private static boolean isDead(Map<String, String> holder) {
    Optional<Long> pid = Optional.ofNullable(holder.get("pid")).map(Long::valueOf);
    return hostName().equals(holder.get("host"))
        && pid.flatMap(ProcessHandle::of).map(p -> !p.isAlive()).orElse(true);
  }

  private static void write(FileSystem fs, Path path, String loadId) throws IOException {
    Map<String, Object> holder = new LinkedHashMap<>();
    holder.put("load_id", loadId);
    holder.put("host", hostName());
    holder.put("pid", String.valueOf(ProcessHandle.current().pid()));
    holder.put("started_at", Instant.now().toString());
    byte[] bytes = Json.object(holder).getBytes(StandardCharsets.UTF_8);
    if ("file".equals(fs.getUri().getScheme())) {
      // Hadoop's local create(overwrite=false) checks, then creates: CREATE_NEW is atomic.
      Files.write(
          Paths.get(fs.makeQualified(path).toUri()),
          bytes,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
    } else {
      try (OutputStream out = fs.create(path, false)) {
        out.write(bytes);
      }
    }
  }

  private static Map<String, String> read(FileSystem fs, Path path) throws IOException {
    try (InputStream in = fs.open(path)) {
      Matcher m = FIELD.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      Map<String, String> fields = new LinkedHashMap<>();
      while (m.find()) {
        fields.put(m.group(1), m.group(2));
      }
      return fields;
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown-host";
    }
  }

  @Override
  public void close() {
    try {
      fs.delete(path, false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the load lock " + path, e);
    }
  }
}
