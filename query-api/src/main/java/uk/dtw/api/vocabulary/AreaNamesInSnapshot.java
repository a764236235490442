package uk.dtw.api.vocabulary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.api.sql.Queries;
import uk.dtw.api.sql.Table;
import uk.dtw.model.vocabulary.AreaNameIndex;

/**
 * The names of one warehouse version's partnerships and regions, read once per version from the
 * names the ETL wrote ({@code dim_area_alias}, through the {@code partnership_name} view) into the
 * same {@link AreaNameIndex} the ETL matched extracts with.
 */
record AreaNamesInSnapshot(
    AreaNameIndex partnerships,
    Map<String, Partnership> byCode,
    AreaNameIndex regions,
    List<String> regionNames) {

  static final String NAMES_SQL =
      "SELECT area_code, partnership, region, alias FROM partnership_name"
          + " ORDER BY area_code, alias";
  static final String REGIONS_SQL =
      "SELECT DISTINCT region FROM partnership WHERE region IS NOT NULL ORDER BY region";

  static AreaNamesInSnapshot of(Snapshot snapshot) {
    return snapshot.memo(AreaNamesInSnapshot.class.getName(), () -> read(snapshot));
  }

  private static AreaNamesInSnapshot read(Snapshot snapshot) {
    Table names = Queries.run(snapshot, NAMES_SQL);
    AreaNameIndex.Builder partnerships = AreaNameIndex.builder();
    Map<String, Partnership> byCode = new LinkedHashMap<>();
    for (List<Object> row : names.rows()) {
      String code = String.valueOf(row.get(0));
      String name = String.valueOf(row.get(1));
      String region = row.get(2) == null ? null : String.valueOf(row.get(2));
      byCode.putIfAbsent(code, new Partnership(name, code, region));
      partnerships.official(name, code);
    }
    for (List<Object> row : names.rows()) {
      partnerships.aliasIfFree(String.valueOf(row.get(3)), String.valueOf(row.get(0)));
    }
    List<String> regionNames =
        Queries.run(snapshot, REGIONS_SQL).column("region").stream().map(String::valueOf).toList();
    AreaNameIndex.Builder regions = AreaNameIndex.builder();
    regionNames.forEach(r -> regions.official(r, r));
    return new AreaNamesInSnapshot(
        partnerships.build(), Map.copyOf(byCode), regions.build(), regionNames);
  }
}
