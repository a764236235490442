package uk.dtw.etl.conform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndicatorDefinitionTest {

  @ParameterizedTest(name = "{0} -> x{1}, {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "per 100,000 population | 100000 | byar",
        "Per 100000             | 100000 | byar",
        "per 1,000 aged 15-64   | 1000   | byar",
        "percent                | 100    | wilson",
        "%                      | 100    | wilson",
        "count                  | 1      | byar",
      })
  void the_unit_gives_the_default_multiplier_and_method(
      String unit, double multiplier, String method) {
    assertThat(IndicatorDefinition.defaultMultiplier(unit)).isEqualTo(multiplier);
    assertThat(IndicatorDefinition.defaultMethod(unit)).isEqualTo(method);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "high_is_good, high_is_good", "Higher is better, high_is_good", "HIGH, high_is_good",
    "lower is better, low_is_good", "low, low_is_good", "Not applicable, not_applicable",
  })
  void polarity_is_read_from_the_ways_people_write_it(String written, String read) {
    assertThat(IndicatorDefinition.polarity(written)).contains(read);
  }

  @ParameterizedTest(name = "''{0}''")
  @CsvSource({"good", "up", "''"})
  void an_unknown_polarity_is_not_guessed(String written) {
    assertThat(IndicatorDefinition.polarity(written)).isEmpty();
  }
}
