package uk.dtw.api.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import uk.dtw.model.schema.Role;

/**
 * One API key as the key file keeps it: who it is for, its role, and the SHA-256 of the key, never
 * the key itself.
 *
 * <p>SHA-256, not PBKDF2 or bcrypt: a key is 256 random bits, so no guess is likelier than another
 * and a slow hash would protect nothing (slow hashes are for passwords people choose); a fast one
 * lets every request be checked in microseconds. Hashes are compared in constant time.
 */
public record ApiKey(String name, Role role, String sha256, String created) {
  /** What every key starts with, so that a leaked one is recognisable (secret scanners, logs). */
  public static final String PREFIX = "dtw_";

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A new key: {@value #PREFIX} and 32 random bytes, base64url without padding. */
  public static String newKey() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The SHA-256 of a key's text, in hex: what the file stores. */
  public static String hash(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Whether {@code presentedHash} (of a presented key) is this key's, in constant time. */
  boolean matches(byte[] presentedHash) {
    return MessageDigest.isEqual(HexFormat.of().parseHex(sha256), presentedHash);
  }
}
