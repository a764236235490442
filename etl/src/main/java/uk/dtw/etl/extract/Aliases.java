package uk.dtw.etl.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The documented alias tables (resources header_aliases.csv and value_aliases.csv): the words
 * people write for columns and coded values, so that no reader holds its own string checks.
 */
public final class Aliases {
  private Aliases() {}

  private static final class Tables {
    static final Map<String, String> HEADERS =
        read("header_aliases.csv", r -> key(r.get("alias")), r -> r.get("column"));
    static final Map<String, String> VALUES =
        read(
            "value_aliases.csv",
            r -> r.get("column") + "|" + key(r.get("alias")),
            r -> r.get("value"));
  }

  /**
   * Lower case, letters and digits only, single spaces: "PDU's in Treat't" is "pdu s in treat t".
   */
  public static String key(String text) {
    return text.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^a-z0-9]+", " ").trim();
  }

  /**
   * The canonical column (or derived:x, or ignore) a header's words name, if the table knows them.
   */
  public static Optional<String> header(String words) {
    return Optional.ofNullable(Tables.HEADERS.get(key(words)));
  }

  /**
   * The code a coded column's cell text stands for, or the text unchanged when the table does not
   * know it.
   */
  public static String value(String column, String text) {
    String code = Tables.VALUES.get(column + "|" + key(text));
    return code != null ? code : text;
  }

  private static Map<String, String> read(
      String resource,
      java.util.function.Function<CSVRecord, String> k,
      java.util.function.Function<CSVRecord, String> v) {
    Map<String, String> map = new HashMap<>();
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setCommentMarker('#')
            .get();
    try (InputStream in = Aliases.class.getResourceAsStream("/" + resource);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      for (CSVRecord r : format.parse(reader)) {
        map.put(k.apply(r), v.apply(r));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the alias table " + resource, e);
    }
    return Map.copyOf(map);
  }
}
