package uk.dtw.api.disclosure;

import java.util.List;
import java.util.Map;

/**
 * Disclosure control of provenance: it says where a record-level count came from (file, row, load)
 * but not its value, nor the row as read, nor how many episodes a file held. A public reader cannot
 * be shown a count there without also knowing whether the reports suppressed it (a secondary
 * suppression is not small), so record-level values are withheld here whatever their size.
 */
public final class ProvenanceDisclosure {
  /** Stored figures from record-level data, as dim_measure's from_record_level says. */
  private static final List<String> RECORD_LEVEL_KEYS =
      List.of(
          "treatment:",
          "target:pdus_in_effective_treatment:",
          "target:all_adults_in_effective_treatment:");

  private ProvenanceDisclosure() {}

  /** Withholds record-level values in a provenance body in place, when the output is public. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> apply(
      Map<String, Object> body, boolean publicOutput, DisclosureConfig config) {
    if (!publicOutput) {
      return body;
    }
    Suppressed mark = new Suppressed(config.symbol());
    for (Map<String, Object> source : (List<Map<String, Object>>) body.get("sources")) {
      if (recordLevel(String.valueOf(source.get("figure_key")))) {
        source.put("figure", mark);
        source.put("record", mark);
        source.put("suppressed", List.of("figure", "record"));
        Object replaced = source.get("replaced");
        if (replaced instanceof Map<?, ?> r) {
          ((Map<String, Object>) r).put("figure", mark);
        }
      }
    }
    for (Map<String, Object> file : (List<Map<String, Object>>) body.get("episodes")) {
      file.put("episodes", mark);
      file.put("first_row", mark);
      file.put("last_row", mark);
      file.put("suppressed", List.of("episodes", "first_row", "last_row"));
    }
    body.put("disclosure", new Disclosure(config).describe());
    return body;
  }

  static boolean recordLevel(String key) {
    return RECORD_LEVEL_KEYS.stream().anyMatch(key::startsWith);
  }
}
