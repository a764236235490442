package uk.dtw.api.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The key file: JSON holding one entry per key ({@link ApiKey}), read by {@code serve} and written
 * by {@code bin/dwh keys}. Written whole to a temporary file beside it and moved into place, so a
 * server re-reading it never sees half a file; readable by its owner only where the file system
 * allows.
 */
public final class KeyFile {
  /** Where {@code serve} and {@code keys} look when given no {@code --keys}. */
  public static final String DEFAULT = "data/api-keys.json";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String ABOUT =
      "API keys of bin/dwh serve: the SHA-256 of each key, never the key. Change with bin/dwh keys.";

  private KeyFile() {}

  /** The keys in the file; none when it does not exist. */
  public static List<ApiKey> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    JsonNode root = MAPPER.readTree(file.toFile());
    JsonNode keys = root == null ? null : root.get("keys");
    if (keys == null || !keys.isArray()) {
      throw new IOException(file + " is not a key file: no \"keys\" list");
    }
    List<ApiKey> out = new ArrayList<>();
    for (JsonNode k : keys) {
      String role = text(k, "role", file);
      out.add(
          new ApiKey(
              text(k, "name", file),
              uk.dtw.model.schema.Role.parse(role)
                  .orElseThrow(() -> new IOException(file + ": unknown role '" + role + "'")),
              text(k, "sha256", file),
              k.path("created").asText(null)));
    }
    return out;
  }

  /** Replaces the file's keys with {@code keys}. */
  public static void write(Path file, List<ApiKey> keys) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("about", ABOUT);
    ArrayNode list = root.putArray("keys");
    for (ApiKey k : keys) {
      ObjectNode entry = list.addObject();
      entry.put("name", k.name());
      entry.put("role", k.role().id());
      entry.put("sha256", k.sha256());
      entry.put("created", k.created());
    }
    Path absolute = file.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    Path temporary = Files.createTempFile(absolute.getParent(), ".api-keys", ".tmp");
    try {
      restrict(temporary);
      MAPPER.writeValue(temporary.toFile(), root);
      Files.move(
          temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static void restrict(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (Windows): the folder's own permissions are all there is.
    }
  }

  private static String text(JsonNode entry, String field, Path file) throws IOException {
    JsonNode value = entry.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IOException(file + ": a key has no \"" + field + "\"");
    }
    return value.asText();
  }
}
