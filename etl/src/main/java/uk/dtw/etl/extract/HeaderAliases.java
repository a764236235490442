package uk.dtw.etl.extract;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;
import uk.dtw.model.reference.ReferenceFiles;
import uk.dtw.model.vocabulary.Words;

/**
 * The documented header-alias table (resource header_aliases.csv): the words people write for
 * columns, so that no reader holds its own string checks. Coded values have their own table, shared
 * with the API: {@link uk.dtw.model.vocabulary.CodedValues}.
 */
public final class HeaderAliases {
  private HeaderAliases() {}

  private static final class Table {
    static final Map<String, String> HEADERS = read("header_aliases.csv");
  }

  /**
   * The canonical column (or derived:x, or ignore) a header's words name, if the table knows them.
   */
  public static Optional<String> header(String words) {
    return Optional.ofNullable(Table.HEADERS.get(Words.key(words)));
  }

  private static Map<String, String> read(String resource) {
    Map<String, String> map = new HashMap<>();
    for (CSVRecord r : ReferenceFiles.resource(resource)) {
      map.put(Words.key(r.get("alias")), r.get("column"));
    }
    return Map.copyOf(map);
  }
}
