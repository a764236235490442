package uk.dtw.warehouse;

import java.util.Locale;

/**
 * The one user-facing error of the read side, saying what was asked, what exists and what to do.
 *
 * <p>Every such error is made by a factory method here, so the wording stays consistent and the API
 * maps {@link Kind} to an HTTP status in one place.
 */
public final class WarehouseException extends RuntimeException {

  /** What kind of failure this is, for the caller to map (e.g. to 404, 400 or 500). */
  public enum Kind {
    /** The caller asked for a version or table that does not exist. */
    NOT_FOUND,
    /** The request cannot be right whatever the warehouse holds (e.g. a negative version). */
    INVALID_REQUEST,
    /**
     * The warehouse on disk is not as the contract says: a bug or damage, not the caller's fault.
     */
    UNREADABLE
  }

  private final Kind kind;

  private WarehouseException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public static WarehouseException versionNotFound(long requested, long latest) {
    String exists =
        latest < 0
            ? "nothing has been loaded yet, so no version exists"
            : String.format(Locale.ROOT, "versions 0 to %d exist", latest);
    return new WarehouseException(
        Kind.NOT_FOUND,
        String.format(
            Locale.ROOT,
            "Warehouse version %d does not exist: %s. Ask for one of those, or omit the version for the latest.",
            requested,
            exists),
        null);
  }

  public static WarehouseException invalidVersion(long requested) {
    return new WarehouseException(
        Kind.INVALID_REQUEST,
        String.format(
            Locale.ROOT, "Warehouse version %d is not valid: versions count up from 0.", requested),
        null);
  }

  public static WarehouseException unknownTable(String name) {
    return new WarehouseException(
        Kind.NOT_FOUND,
        "There is no warehouse table called '"
            + name
            + "'. The tables are listed in uk.dtw.model.schema.StarSchema.",
        null);
  }

  public static WarehouseException unreadableTable(String table, Long version, Throwable cause) {
    String which = version == null ? "the latest version" : "version " + version;
    return new WarehouseException(
        Kind.UNREADABLE,
        "Could not read "
            + which
            + " of Delta table "
            + table
            + ": "
            + cause.getMessage()
            + ". Check the warehouse folder is complete.",
        cause);
  }

  public static WarehouseException typeMismatch(
      String table, String column, String found, String expected) {
    return new WarehouseException(
        Kind.UNREADABLE,
        "Column "
            + column
            + " of "
            + table
            + " holds "
            + found
            + " in Delta but the schema says "
            + expected
            + ". The table was written by a different schema: reload it.",
        null);
  }

  public static WarehouseException badTableVersions(String json, String problem) {
    return new WarehouseException(
        Kind.UNREADABLE,
        "meta_load.table_versions is not a JSON object of"
            + " table path to version ("
            + problem
            + "): "
            + json,
        null);
  }

  public static WarehouseException missingView(String name, String resource) {
    return new WarehouseException(
        Kind.UNREADABLE,
        "View "
            + name
            + " is listed in views/views.list"
            + " but "
            + resource
            + " is not on the classpath. Add the file or remove the line.",
        null);
  }
}
