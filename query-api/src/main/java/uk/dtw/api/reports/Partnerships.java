package uk.dtw.api.reports;

import java.util.List;
import uk.dtw.api.errors.Errors;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.api.sql.Queries;
import uk.dtw.api.sql.Table;

/**
 * Partnership names as typed, matched to the warehouse's (see {@link NameMatcher}); a 404 with near
 * names otherwise.
 */
public final class Partnerships {
  static final String PARTNERSHIPS_SQL =
      "SELECT DISTINCT area_code, partnership, region FROM partnership WHERE partnership IS NOT NULL";

  private Partnerships() {}

  /** One partnership: its canonical name, area code and region. */
  public record Found(String name, String areaCode, String region) {}

  public static Found resolve(Snapshot snapshot, String parameter, String typed) {
    if (typed == null || typed.isBlank()) {
      throw Errors.missing(parameter, "a partnership name such as Gateshead");
    }
    Table known = Queries.run(snapshot, PARTNERSHIPS_SQL);
    List<String> names =
        known.column("partnership").stream().map(String::valueOf).distinct().toList();
    NameMatcher matcher = new NameMatcher(names);
    String name =
        matcher
            .match(typed)
            .orElseThrow(() -> Errors.unknownName(parameter, typed, matcher.closest(typed, 3)));
    // Should a name ever carry two codes, the smallest is taken so the answer is at least stable.
    return known.rows().stream()
        .filter(r -> name.equals(r.get(1)))
        .map(
            r ->
                new Found(
                    name,
                    String.valueOf(r.get(0)),
                    r.get(2) == null ? null : String.valueOf(r.get(2))))
        .sorted((a, b) -> a.areaCode().compareTo(b.areaCode()))
        .findFirst()
        .orElseThrow();
  }
}
