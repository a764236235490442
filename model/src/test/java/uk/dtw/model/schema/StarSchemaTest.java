package uk.dtw.model.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StarSchemaTest {

  @Test
  void every_table_and_column_is_described_for_the_data_dictionary() {
    assertThat(StarSchema.TABLES)
        .allSatisfy(
            t -> {
              assertThat(t.description()).as(t.name()).isNotBlank();
              assertThat(t.columns())
                  .allSatisfy(
                      c -> assertThat(c.description()).as(t.name() + "." + c.name()).isNotBlank());
            });
  }

  @Test
  void table_names_are_unique_and_every_table_has_a_natural_key() {
    assertThat(StarSchema.TABLES).extracting(TableDef::name).doesNotHaveDuplicates();
    assertThat(StarSchema.TABLES)
        .allSatisfy(t -> assertThat(t.naturalKey()).as(t.name()).isNotEmpty());
  }

  @Test
  void every_fact_carries_its_file_and_row() {
    assertThat(Facts.ALL)
        .allSatisfy(
            t ->
                assertThat(t.columnNames())
                    .as(t.name())
                    .contains("load_id", "source_file", "source_row"));
  }
}
