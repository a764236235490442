package uk.dtw.etl.extract;

import java.util.List;

/**
 * What a layout reader needs to know about the file besides its cells.
 *
 * @param required the canonical columns a row of this kind must have
 * @param known every canonical column of this kind
 */
public record FileContext(
    ExtractKind kind, String relativePath, List<String> required, List<String> known) {
  SourcePlace place() {
    return new SourcePlace(relativePath);
  }

  /**
   * The column that names the area: {@code area} for indicators, {@code partnership} for the rest.
   */
  String areaColumn() {
    return known.contains("area") ? "area" : "partnership";
  }
}
