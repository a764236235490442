package uk.dtw.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableVersionsTest {

  @Test
  void a_flat_object_gives_table_path_to_version() {
    assertThat(TableVersions.parse(" { \"gold/fact_treatment\" : 3,\n\"meta/meta_file\":0 } "))
        .containsExactly(
            java.util.Map.entry("gold/fact_treatment", 3L),
            java.util.Map.entry("meta/meta_file", 0L));
  }

  @Test
  void escaped_keys_are_unescaped() {
    assertThat(TableVersions.parse("{\"gold\\/dim_area\": 1, \"a\\u0062c\": 2}"))
        .containsEntry("gold/dim_area", 1L)
        .containsEntry("abc", 2L);
  }

  @Test
  void no_text_or_an_empty_object_lists_no_tables() {
    assertThat(TableVersions.parse(null)).isEmpty();
    assertThat(TableVersions.parse("  ")).isEmpty();
    assertThat(TableVersions.parse("{}")).isEmpty();
  }

  @Test
  void anything_but_whole_numbers_is_an_error() {
    assertThatThrownBy(() -> TableVersions.parse("{\"gold/dim_area\": \"1\"}"))
        .isInstanceOf(WarehouseException.class)
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> TableVersions.parse("{\"gold/dim_area\": 1} trailing"))
        .isInstanceOf(WarehouseException.class)
        .hasMessageContaining("after the closing brace");
    assertThatThrownBy(() -> TableVersions.parse("[1]"))
        .isInstanceOf(WarehouseException.class)
        .hasMessageContaining("expected '{'");
  }
}
