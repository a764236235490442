package uk.dtw.api.access;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.dtw.api.errors.Errors;
import uk.dtw.model.schema.Role;

/**
 * Who a request is: no {@code Authorization} header is the anonymous role (public, unless a test
 * says otherwise); {@code Bearer <key>} is that key's role; anything else is a 401.
 *
 * <p>The key file is looked at again when its size or modification time changes (checked at most
 * once a second), so keys created or revoked with {@code bin/dwh keys} take effect without a
 * restart. A file that cannot be read any more lets no key in until it can (fail closed).
 */
public final class Access {
  private static final Logger LOG = LoggerFactory.getLogger(Access.class);
  private static final String ROLE = "dtw.role";
  private static final String CALLER = "dtw.caller";
  private static final long CHECK_EVERY_NANOS = 1_000_000_000L;
  private static final String CHALLENGE = "Bearer realm=\"dtw\"";

  private final Path file;
  private final Role anonymous;
  private volatile List<ApiKey> keys = List.of();
  private volatile String stamp;
  private volatile long nextCheck;

  private Access(Path file, Role anonymous) {
    this.file = file;
    this.anonymous = anonymous;
    refresh();
  }

  /** Keys from {@code file} (none while it does not exist); callers without a key are public. */
  public static Access keys(Path file) {
    return new Access(Objects.requireNonNull(file), Role.PUBLIC);
  }

  /** No keys at all: every caller has {@code role} (public for serve; tests choose higher). */
  public static Access anonymous(Role role) {
    return new Access(null, role);
  }

  /** The role of the request, as {@link #check} set it. */
  public static Role role(Context ctx) {
    Role role = ctx.attribute(ROLE);
    return role == null ? Role.PUBLIC : role;
  }

  /**
   * Who is asking, for limits kept per caller: a key's name, or without a key the remote address
   * (every keyless caller on one machine is one caller, which is what a limit means for them).
   */
  public static String caller(Context ctx) {
    String key = ctx.attribute(CALLER);
    return key != null ? key : "address " + ctx.ip();
  }

  /** Sets the request's role (and caller) from its Authorization header, or answers 401. */
  public void check(Context ctx) {
    try {
      ApiKey key = keyOf(ctx.header("Authorization"));
      ctx.attribute(ROLE, key == null ? anonymous : key.role());
      if (key != null) {
        ctx.attribute(CALLER, "key " + key.name());
      }
    } catch (RuntimeException e) {
      ctx.header("WWW-Authenticate", CHALLENGE);
      throw e;
    }
  }

  /**
   * Whether to answer a keyless request with a 401 challenge rather than as an unknown path: only
   * for JDBC, only when there are keys to send. Avatica's driver (HttpClient 5) sends its bearer
   * token only once challenged, so without this no JDBC client could present a key. It tells a
   * keyless caller that the documented JDBC endpoint exists, and nothing of what it serves.
   */
  public boolean challenges(Context ctx) {
    if (ctx.header("Authorization") != null || !hasKeys()) {
      return false;
    }
    ctx.header("WWW-Authenticate", CHALLENGE);
    return true;
  }

  /** The role a request with this Authorization header (null: none) has. */
  public Role roleOf(String authorization) {
    ApiKey key = keyOf(authorization);
    return key == null ? anonymous : key.role();
  }

  /** The key a request with this Authorization header presents; null without one. */
  private ApiKey keyOf(String authorization) {
    if (authorization == null) {
      return null;
    }
    String[] parts = authorization.strip().split("\\s+", 2);
    if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
      throw Errors.unauthorized("the Authorization header is not 'Bearer <key>'");
    }
    byte[] presented = java.util.HexFormat.of().parseHex(ApiKey.hash(parts[1].strip()));
    ApiKey found = null;
    // Every key is compared, in constant time, whichever matches: the time taken says nothing.
    for (ApiKey key : currentKeys()) {
      if (key.matches(presented) && found == null) {
        found = key;
      }
    }
    if (found == null) {
      throw Errors.unauthorized("the API key is not valid (unknown, mistyped or revoked)");
    }
    return found;
  }

  /** The keys accepted now, as an admin may see them: name, role, created; never their hashes. */
  public List<java.util.Map<String, Object>> list() {
    return currentKeys().stream()
        .map(
            k -> {
              java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
              m.put("name", k.name());
              m.put("role", k.role().id());
              m.put("created", k.created());
              return m;
            })
        .toList();
  }

  /** Whether callers can present keys at all (a key file with at least one key in it). */
  public boolean hasKeys() {
    return !currentKeys().isEmpty();
  }

  private List<ApiKey> currentKeys() {
    if (file != null && System.nanoTime() - nextCheck >= 0) {
      refresh();
    }
    return keys;
  }

  private synchronized void refresh() {
    nextCheck = System.nanoTime() + CHECK_EVERY_NANOS;
    if (file == null) {
      return;
    }
    String now = stampOf(file);
    if (now.equals(stamp)) {
      return;
    }
    try {
      keys = KeyFile.read(file);
      LOG.info("API keys read from {}: {}", file, keys.size());
    } catch (IOException | RuntimeException e) {
      keys = List.of();
      LOG.error("cannot read the key file {}: no key is accepted until it can be read", file, e);
    }
    stamp = now;
  }

  private static String stampOf(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return a.size() + "@" + a.lastModifiedTime().toMillis() + "#" + a.fileKey();
    } catch (IOException e) {
      return "absent";
    }
  }
}
