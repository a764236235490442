package uk.dtw.api.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.dtw.api.errors.Errors;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.api.vocabulary.Partnership;
import uk.dtw.api.vocabulary.Understood;

/**
 * The area a funding report is about, as the funding_area_* views key it: a partnership, a region
 * or England (area_level partnership, region or country, and the area's name).
 */
public record FundingArea(
    String scope, String level, String name, Map<String, Object> identifiers) {
  public static final String ENGLAND = "england";

  /**
   * Exactly one of a partnership name, a region name or scope=england. Naming two is a 400 naming
   * both parameters; naming none is a 400 saying what is expected.
   */
  public static FundingArea resolve(
      Snapshot snapshot, String partnership, String region, String scope) {
    if (scope != null && !scope.equalsIgnoreCase(ENGLAND)) {
      throw Errors.unknownValue("scope", scope, List.of(ENGLAND));
    }
    int given = (partnership == null ? 0 : 1) + (region == null ? 0 : 1) + (scope == null ? 0 : 1);
    if (given > 1) {
      throw Errors.exclusive(
          partnership != null ? "partnership" : "region",
          List.of("partnership", "region", "scope"));
    }
    if (scope != null) {
      return new FundingArea(ENGLAND, "country", "England", Map.of());
    }
    if (region != null) {
      String name = Understood.region(snapshot, "region", region);
      return new FundingArea("region", "region", name, Map.of("region", name));
    }
    if (partnership == null) {
      throw Errors.missing(
          "partnership", "a partnership name such as Gateshead, or region=NAME, or scope=england");
    }
    Partnership found = Understood.partnership(snapshot, "partnership", partnership);
    Map<String, Object> ids = new LinkedHashMap<>();
    ids.put("partnership", found.name());
    ids.put("area_code", found.areaCode());
    ids.put("region", found.region());
    return new FundingArea("partnership", "partnership", found.name(), ids);
  }
}
