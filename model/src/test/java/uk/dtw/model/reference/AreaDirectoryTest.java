package uk.dtw.model.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import uk.dtw.model.vocabulary.FinancialYear;

class AreaDirectoryTest {
  private static final AreaDirectory AREAS = AreaDirectory.load();

  private static long partnershipsIn(String period) {
    FinancialYear year = FinancialYear.parse(period).orElseThrow();
    return AREAS.all().stream()
        .filter(a -> a.level() == Area.Level.PARTNERSHIP && a.validIn(year))
        .count();
  }

  @Test
  void england_had_149_partnerships_before_the_2009_reorganisation_and_151_after() {
    // 115 unitary, metropolitan and London authorities + 34 shire counties (Scilly joins Cornwall).
    assertThat(partnershipsIn("2008-09")).isEqualTo(149);
    // Cheshire and Bedfordshire each became two unitaries: 149 - 2 + 4.
    assertThat(partnershipsIn("2009-10")).isEqualTo(151);
  }

  @Test
  void a_county_partnership_takes_its_region_from_its_districts() {
    Area hampshire = AREAS.resolve("Hampshire").orElseThrow();
    assertThat(hampshire.code()).isEqualTo("24");
    assertThat(hampshire.regionName()).isEqualTo("South East");
    assertThat(hampshire.districtCodes()).contains("24UC");
  }

  @Test
  void names_match_whatever_the_case_punctuation_ampersand_or_suffix() {
    String windsor = AREAS.resolve("Windsor and Maidenhead").orElseThrow().code();
    assertThat(AREAS.resolve("Windsor & Maidenhead").orElseThrow().code()).isEqualTo(windsor);
    assertThat(AREAS.resolve("  WINDSOR &  maidenhead ").orElseThrow().code()).isEqualTo(windsor);
    assertThat(AREAS.resolve("Hampshire DAAT").orElseThrow().code()).isEqualTo("24");
    assertThat(AREAS.resolve("HDAAT").orElseThrow().code()).isEqualTo("24");
    assertThat(AREAS.resolve("Bristol").orElseThrow().name()).isEqualTo("Bristol");
    assertThat(AREAS.resolve("St Helens").orElseThrow().code())
        .isEqualTo("00BZ"); // ONS writes "St. Helens"
    assertThat(AREAS.resolve("Brighton & Hove").orElseThrow().code()).isEqualTo("00ML");
    assertThat(AREAS.resolve("Southend").orElseThrow().name()).isEqualTo("Southend-on-Sea");
  }

  @Test
  void a_district_name_is_not_mistaken_for_its_county() {
    assertThat(AREAS.resolve("Oxford")).isEmpty();
    assertThat(AREAS.resolve("Oxfordshire")).isPresent();
  }

  @Test
  void regions_and_england_are_areas_of_their_own_level() {
    assertThat(AREAS.resolve("South East").orElseThrow().level()).isEqualTo(Area.Level.REGION);
    assertThat(AREAS.resolve("england").orElseThrow().level()).isEqualTo(Area.Level.COUNTRY);
  }

  @Test
  void cheshire_ends_at_the_2009_reorganisation_and_its_successors_begin() {
    Area cheshire = AREAS.resolve("Cheshire").orElseThrow();
    assertThat(cheshire.validTo()).isEqualTo(LocalDate.of(2009, 3, 31));
    assertThat(cheshire.successorCodes()).containsExactly("00EQ", "00EW");
    assertThat(AREAS.resolve("Cheshire East").orElseThrow().validFrom())
        .isEqualTo(LocalDate.of(2009, 4, 1));
  }

  @Test
  void an_unknown_name_gets_the_closest_known_names() {
    assertThat(AREAS.resolve("Hampshir")).isEmpty();
    assertThat(AREAS.closestNames("Hampshir", 3)).first().isEqualTo("Hampshire");
  }
}
