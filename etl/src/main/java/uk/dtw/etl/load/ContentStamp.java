package uk.dtw.etl.load;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.spark.sql.Row;
import uk.dtw.etl.spark.SparkTypes;
import uk.dtw.model.schema.TableDef;

/**
 * A small table's content as one SHA-256, kept in the userMetadata of the commit that wrote it: the
 * next load that would write the same rows finds them in the newest commit and reads nothing. The
 * rows' order does not matter (as in {@link DeltaTables#replaceIfChanged}); their types do, and so
 * does the table's schema.
 */
final class ContentStamp {
  static final String PREFIX = "dtw-content-sha256:";

  private ContentStamp() {}

  static String of(TableDef table, List<Row> rows) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    digest.update(SparkTypes.of(table).json().getBytes(StandardCharsets.UTF_8));
    rows.stream()
        .map(ContentStamp::text)
        .sorted()
        .forEach(t -> digest.update(("\n" + t).getBytes(StandardCharsets.UTF_8)));
    return PREFIX + HexFormat.of().formatHex(digest.digest());
  }

  /** A row as text that tells null from "null" and 1 from "1". */
  private static String text(Row row) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < row.length(); i++) {
      Object v = row.get(i);
      b.append('\u0001').append(v == null ? "\u0000" : v.getClass().getSimpleName() + ":" + v);
    }
    return b.toString();
  }
}
