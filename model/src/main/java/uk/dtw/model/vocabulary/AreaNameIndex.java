package uk.dtw.model.vocabulary;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every name a set of areas is known by, keyed by {@link AreaNames#key}: the one matcher of area
 * names, built by the ETL from the reference files and by the API from {@code dim_area_alias}, so a
 * name the ETL loads is a name the API answers to.
 */
public final class AreaNameIndex {
  private final Map<String, String> codeByKey;
  private final Map<String, String> nameByCode;

  private AreaNameIndex(Map<String, String> codeByKey, Map<String, String> nameByCode) {
    this.codeByKey = codeByKey;
    this.nameByCode = nameByCode;
  }

  /** Builds an index as names are added; a name that would mean two areas is refused. */
  public static Builder builder() {
    return new Builder();
  }

  /** The code of the area a name means, however it is spelt; empty when no area has that name. */
  public Optional<String> resolve(String name) {
    return Optional.ofNullable(codeByKey.get(AreaNames.key(name)));
  }

  /** The official names of the areas whose names are closest to an unknown one, best first. */
  public List<String> closestNames(String name, int howMany) {
    String key = AreaNames.key(name);
    return codeByKey.keySet().stream()
        .sorted(
            Comparator.comparingInt((String k) -> AreaNames.distance(key, k)).thenComparing(k -> k))
        .map(k -> nameByCode.get(codeByKey.get(k)))
        .distinct()
        .limit(howMany)
        .toList();
  }

  /** Collects names; {@link #official} first, so that aliases never shadow an official name. */
  public static final class Builder {
    private final Map<String, String> codeByKey = new LinkedHashMap<>();
    private final Map<String, String> nameByCode = new LinkedHashMap<>();

    /** An area's official name: what suggestions print. */
    public Builder official(String name, String code) {
      nameByCode.putIfAbsent(code, name);
      return alias(name, code);
    }

    /** Another name for an area; a name already meaning another area is an error in the data. */
    public Builder alias(String name, String code) {
      String key = AreaNames.key(name);
      String existing = codeByKey.putIfAbsent(key, code);
      if (existing != null && !existing.equals(code)) {
        throw new IllegalStateException(
            "the name '" + name + "' would mean both " + existing + " and " + code);
      }
      return this;
    }

    /** A name only if no area owns it yet: district names never shadow an area's own name. */
    public Builder aliasIfFree(String name, String code) {
      codeByKey.putIfAbsent(AreaNames.key(name), code);
      return this;
    }

    public AreaNameIndex build() {
      return new AreaNameIndex(Map.copyOf(codeByKey), Map.copyOf(nameByCode));
    }
  }
}
