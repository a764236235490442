package uk.dtw.etl.conform;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import uk.dtw.etl.extract.ExtractKind;
import uk.dtw.model.reference.MeasureCodes;

/**
 * Turns one extract row into conformed figures for its fact table, or into the reasons it is held
 * back.
 */
public interface Conformer extends Serializable {

  /** Columns a file of this kind must have (normalised header names). */
  List<String> requiredColumns();

  /**
   * Every column a file of this kind may have (normalised header names); others are reported, not
   * loaded.
   */
  default List<String> knownColumns() {
    return requiredColumns();
  }

  RowResult conform(Map<String, String> cells);

  /**
   * Rules over the whole file, after every row is conformed; adds problems to the rows that break
   * them.
   */
  default void checkFile(List<Integer> rowNumbers, List<RowResult> results) {}

  static Conformer forKind(ExtractKind kind) {
    return switch (kind) {
      case PREVALENCE ->
          new MeasureColumnsConformer("drug_group", false, MeasureCodes.of("prevalence"));
      case TREATMENT ->
          new MeasureColumnsConformer("client_group", false, MeasureCodes.of("treatment"));
      case BULLSEYE -> new MeasureColumnsConformer("drug_group", true, MeasureCodes.of("bullseye"));
      case FUNDING -> new FundingConformer();
      case TARGETS -> new TargetConformer();
      case INDICATOR -> new IndicatorConformer();
      case EPISODES -> new EpisodeConformer();
    };
  }
}
