package uk.dtw.model.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVRecord;
import uk.dtw.model.vocabulary.AreaNameIndex;
import uk.dtw.model.vocabulary.AreaNames;

/**
 * Every area figures are reported for, built from the ONS district lookup: England's partnerships
 * of 2008-2011 (one per upper-tier authority), the nine regions and England, with every name each
 * is known by.
 *
 * <p>A district in a shire county (2003 code like {@code 24UC}) belongs to its county's partnership
 * (code {@code 24}); the 2009 reorganisation split Cheshire (13) and Bedfordshire (09) into new
 * unitaries, so those counties end on 2009-03-31 and their successors start on 2009-04-01. Counties
 * that became single unitaries in 2009 (Cornwall, Durham, Northumberland, Shropshire, Wiltshire)
 * kept one partnership, so they keep one area.
 */
public final class AreaDirectory {
  /**
   * The earliest day modelled: boundaries before 2001-02, when DATs were aligned to upper-tier
   * authorities, are not.
   */
  public static final LocalDate COVERAGE_START = LocalDate.of(2001, 4, 1);

  public static final LocalDate REORGANISATION = LocalDate.of(2009, 4, 1);
  public static final String ENGLAND_CODE = "E92000001";

  private static final List<String> SPLIT_IN_2009 = List.of("09", "13");

  private final Map<String, Area> byCode;
  private final Map<String, String> aliasKeyToCode;
  private final Map<String, String> aliasKeyToAlias;

  private final AreaNameIndex names;

  private AreaDirectory(
      Map<String, Area> byCode, Map<String, String> keys, Map<String, String> aliases) {
    this.byCode = byCode;
    this.aliasKeyToCode = keys;
    this.aliasKeyToAlias = aliases;
    AreaNameIndex.Builder index = AreaNameIndex.builder();
    byCode.values().forEach(a -> index.official(a.name(), a.code()));
    keys.forEach((key, code) -> index.alias(aliases.get(key), code));
    this.names = index.build();
  }

  /** The directory built from the bundled reference files. */
  public static AreaDirectory load() {
    Map<String, String> regionCodes = new LinkedHashMap<>();
    for (CSVRecord r : ReferenceFiles.read("regions.csv")) {
      regionCodes.put(r.get("region_name"), r.get("region_code"));
    }
    Map<String, String> counties = new LinkedHashMap<>();
    for (CSVRecord r : ReferenceFiles.read("counties.csv")) {
      counties.put(r.get("county_code"), r.get("county_name"));
    }
    Map<String, AreaBuilder> builders = new TreeMap<>();
    for (CSVRecord r : ReferenceFiles.read("la_lookup.csv")) {
      String region = r.get("GOR_NAME").trim();
      if (region.isEmpty()) {
        continue; // Welsh authorities: not English partnerships
      }
      String la03 = r.get("LA03_CODE");
      String la09 = r.get("LA09_CODE");
      boolean inCounty = la03.length() == 4 && la03.charAt(2) == 'U';
      String code = inCounty ? la03.substring(0, 2) : la03;
      String name = inCounty ? counties.get(code) : AreaNames.displayName(r.get("LA03_NAME"));
      if (name == null) {
        throw new IllegalStateException(
            "la_lookup.csv: county code " + code + " is not in counties.csv");
      }
      AreaBuilder county = builders.computeIfAbsent(code, c -> new AreaBuilder(c, name, region));
      county.districts.add(la03);
      county.aliases.add(r.get("LA03_NAME"));
      if (inCounty && SPLIT_IN_2009.contains(code)) {
        county.validTo = REORGANISATION.minusDays(1);
        county.successors.add(la09);
        AreaBuilder successor =
            builders.computeIfAbsent(
                la09, c -> new AreaBuilder(c, AreaNames.displayName(r.get("LA09_NAME")), region));
        successor.validFrom = REORGANISATION;
        successor.districts.add(la03);
      }
    }
    Map<String, Area> byCode = new LinkedHashMap<>();
    Map<String, String> keys = new LinkedHashMap<>();
    Map<String, String> aliases = new LinkedHashMap<>();
    for (AreaBuilder b : builders.values()) {
      Area area = b.build(regionCodes.get(b.region));
      byCode.put(area.code(), area);
      addAlias(keys, aliases, area.name(), area.code());
      b.aliases.forEach(a -> addAliasIfFree(keys, aliases, a, area.code()));
    }
    for (Map.Entry<String, String> region : regionCodes.entrySet()) {
      byCode.put(
          region.getValue(),
          new Area(
              region.getValue(),
              region.getKey(),
              Area.Level.REGION,
              region.getValue(),
              region.getKey(),
              COVERAGE_START,
              null,
              List.of(),
              List.of()));
      addAlias(keys, aliases, region.getKey(), region.getValue());
    }
    byCode.put(
        ENGLAND_CODE,
        new Area(
            ENGLAND_CODE,
            "England",
            Area.Level.COUNTRY,
            null,
            null,
            COVERAGE_START,
            null,
            List.of(),
            List.of()));
    addAlias(keys, aliases, "England", ENGLAND_CODE);
    for (CSVRecord r : ReferenceFiles.read("area_aliases.csv")) {
      if (!byCode.containsKey(r.get("area_code"))) {
        throw new IllegalStateException(
            "area_aliases.csv: unknown area code " + r.get("area_code"));
      }
      addAlias(keys, aliases, r.get("alias"), r.get("area_code"));
    }
    return new AreaDirectory(byCode, keys, aliases);
  }

  private static void addAlias(
      Map<String, String> keys, Map<String, String> aliases, String alias, String code) {
    String key = AreaNames.key(alias);
    String existing = keys.putIfAbsent(key, code);
    if (existing != null && !existing.equals(code)) {
      throw new IllegalStateException(
          "the name '" + alias + "' would mean both " + existing + " and " + code);
    }
    aliases.putIfAbsent(key, alias);
  }

  /**
   * District names are aliases only where no area already owns the name (Oxford is not
   * Oxfordshire).
   */
  private static void addAliasIfFree(
      Map<String, String> keys, Map<String, String> aliases, String alias, String code) {
    String key = AreaNames.key(alias);
    if (!keys.containsKey(key) && !alias.equals(AreaNames.displayName(alias))) {
      keys.put(key, code);
      aliases.put(key, alias);
    }
  }

  public Optional<Area> resolve(String name) {
    return names.resolve(name).map(byCode::get);
  }

  public Optional<Area> byCode(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  public List<Area> all() {
    return List.copyOf(byCode.values());
  }

  /** Alias key to (alias as written, area code), for dim_area_alias. */
  public Map<String, Map.Entry<String, String>> aliases() {
    Map<String, Map.Entry<String, String>> out = new LinkedHashMap<>();
    aliasKeyToCode.forEach((key, code) -> out.put(key, Map.entry(aliasKeyToAlias.get(key), code)));
    return out;
  }

  /** The known names closest to an unknown one, best first. */
  public List<String> closestNames(String name, int howMany) {
    return names.closestNames(name, howMany);
  }

  /** Mutable state while the lookup is rolled up. */
  private static final class AreaBuilder {
    final String code;
    final String name;
    final String region;
    LocalDate validFrom = COVERAGE_START;
    LocalDate validTo;
    final TreeSet<String> successors = new TreeSet<>();
    final TreeSet<String> districts = new TreeSet<>();
    final List<String> aliases = new ArrayList<>();

    AreaBuilder(String code, String name, String region) {
      this.code = code;
      this.name = name;
      this.region = region;
    }

    Area build(String regionCode) {
      return new Area(
          code,
          name,
          Area.Level.PARTNERSHIP,
          regionCode,
          region,
          validFrom,
          validTo,
          List.copyOf(successors),
          List.copyOf(districts));
    }
  }
}
