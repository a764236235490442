package uk.dtw.api.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import uk.dtw.api.errors.ApiError;

class MeasureTest {

    @Test
    void measures_are_found_by_name_in_any_case() {
        assertThat(Measure.named("Penetration")).isSameAs(Measure.PENETRATION);
        assertThat(Measure.named("effective_change")).isSameAs(Measure.EFFECTIVE_CHANGE);
    }

    @Test
    void an_unknown_measure_is_a_400_listing_the_measures() {
        assertThatThrownBy(() -> Measure.named("bogus"))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.parameter()).isEqualTo("measure");
                    assertThat(e.getMessage()).endsWith("expected one of penetration, effective_change");
                });
    }

    @Test
    void each_measure_reads_its_own_view_for_one_period() {
        assertThat(Measure.PENETRATION.sql())
                .isEqualTo("SELECT partnership, region, penetration_pct, pdu_estimate, pdus_in_treatment"
                        + " FROM penetration WHERE financial_year = ?");
        assertThat(Measure.EFFECTIVE_CHANGE.sql()).contains("FROM effective_change WHERE financial_year = ?");
    }
}
