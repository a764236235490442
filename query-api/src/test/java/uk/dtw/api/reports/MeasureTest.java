package uk.dtw.api.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import uk.dtw.api.errors.ApiError;

class MeasureTest {

  @Test
  void measures_are_found_by_name_in_any_case() {
    assertThat(MeasureCatalogue.named("measure", "Penetration").view()).isEqualTo("penetration");
    assertThat(MeasureCatalogue.named("measure", "prevalence_rate").polarity())
        .isEqualTo(Polarity.LOW_IS_GOOD);
  }

  @Test
  void an_unknown_measure_is_a_400_listing_the_measures() {
    assertThatThrownBy(() -> MeasureCatalogue.named("measure", "bogus"))
        .isInstanceOfSatisfying(
            ApiError.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.parameter()).isEqualTo("measure");
              assertThat(e.getMessage())
                  .contains("expected one of penetration, pdus_in_treatment")
                  .endsWith("indicator:<code>");
            });
  }

  @Test
  void each_measure_reads_its_own_view_for_one_period() {
    assertThat(MeasureCatalogue.named("measure", "penetration").sql())
        .isEqualTo(
            "SELECT area_code, partnership, region, penetration_pct, pdu_estimate, pdus_in_treatment"
                + " FROM penetration WHERE financial_year = ?");
  }

  @Test
  void a_change_measure_binds_its_baseline_after_the_period() {
    Measure change = MeasureCatalogue.named("measure", "effective_change");

    assertThat(change.sql())
        .endsWith("FROM effective_change_since WHERE financial_year = ? AND baseline_year = ?");
    assertThat(change.params("2008-09", "2006-07")).containsExactly("2008-09", "2006-07");
    assertThat(change.outputs()).containsKeys("baseline_period", "baseline_count", "count");
  }

  @Test
  void every_catalogued_measure_names_its_view_value_unit_and_inputs() {
    assertThat(MeasureCatalogue.all())
        .hasSizeGreaterThanOrEqualTo(9)
        .allSatisfy(
            m -> {
              assertThat(m.view()).isNotBlank();
              assertThat(m.valueColumn()).isNotBlank();
              assertThat(m.unit()).isNotBlank();
              assertThat(m.inputs()).isNotEmpty();
              assertThat(m.definition()).isNotBlank();
            });
  }
}
