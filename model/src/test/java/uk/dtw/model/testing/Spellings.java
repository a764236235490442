package uk.dtw.model.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * The table of spellings (test resource {@code vocabulary/spellings.csv}) that the model, the ETL
 * and the API each run every line of: one table, so the three cannot drift apart.
 */
public final class Spellings {
  private Spellings() {}

  /** One way of writing a word of the domain, and the canonical value it must mean. */
  public record Spelling(String kind, String written, String means) {
    @Override
    public String toString() {
      return kind + " '" + written + "' -> " + means;
    }
  }

  public static List<Spelling> all() {
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .get();
    try (InputStream in =
        Spellings.class.getClassLoader().getResourceAsStream("vocabulary/spellings.csv")) {
      return format.parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getRecords().stream()
          .map(r -> new Spelling(r.get("kind"), r.get("written"), r.get("means")))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<Spelling> of(String kind) {
    return all().stream().filter(s -> s.kind().equals(kind)).toList();
  }
}
