package uk.dtw.api.formats;

/** The response headers the API sets, named once. */
public final class Headers {
  /** The warehouse version a response was computed from; on every response. */
  public static final String WAREHOUSE_VERSION = "X-Warehouse-Version";

  /** On ad-hoc SQL as CSV: whether rows were cut at max_rows. */
  public static final String TRUNCATED = "X-Truncated";

  private Headers() {}
}
