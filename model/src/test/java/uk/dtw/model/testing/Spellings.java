package uk.dtw.model.testing;

import java.util.List;
import uk.dtw.model.reference.ReferenceFiles;

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
    return ReferenceFiles.resource("vocabulary/spellings.csv").stream()
        .map(r -> new Spelling(r.get("kind"), r.get("written"), r.get("means")))
        .toList();
  }

  public static List<Spelling> of(String kind) {
    return all().stream().filter(s -> s.kind().equals(kind)).toList();
  }
}
