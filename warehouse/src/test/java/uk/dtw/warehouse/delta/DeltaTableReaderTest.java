package uk.dtw.warehouse.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.dtw.model.schema.Column.optional;
import static uk.dtw.model.schema.Column.required;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.dtw.model.schema.ColumnType;
import uk.dtw.model.schema.Layer;
import uk.dtw.model.schema.TableDef;
import uk.dtw.warehouse.WarehouseException;
import uk.dtw.warehouse.testing.DeltaTestTables;

class DeltaTableReaderTest {
  private static final TableDef ALL_TYPES =
      new TableDef(
          "all_types",
          Layer.GOLD,
          "Every column type.",
          List.of(
              required("s", ColumnType.STRING, "a string"),
              optional("i", ColumnType.INT, "an int"),
              optional("l", ColumnType.LONG, "a long"),
              optional("d", ColumnType.DOUBLE, "a double"),
              optional("b", ColumnType.BOOLEAN, "a boolean"),
              optional("day", ColumnType.DATE, "a date"),
              optional("at", ColumnType.TIMESTAMP, "a timestamp")),
          List.of("s"));

  private static final Instant AT = Instant.parse("2010-04-01T12:34:56.789Z");

  @TempDir Path dir;

  @Test
  void rows_come_back_as_calcite_values_in_schema_order_with_nulls_kept() {
    Path table = dir.resolve("all_types");
    DeltaTestTables.append(
        table,
        ALL_TYPES,
        new Object[] {"full", 7, 8_000_000_000L, 2.5, true, LocalDate.of(2009, 3, 31), AT},
        new Object[] {"empty", null, null, null, null, null, null});

    List<Object[]> rows = read(DeltaTableReader.open(table, null), ALL_TYPES);

    assertThat(rows)
        .containsExactlyInAnyOrder(
            new Object[] {
              "full",
              7,
              8_000_000_000L,
              2.5,
              true,
              (int) LocalDate.of(2009, 3, 31).toEpochDay(),
              AT.toEpochMilli()
            },
            new Object[] {"empty", null, null, null, null, null, null});
  }

  @Test
  void reading_an_older_version_ignores_later_appends() {
    Path table = dir.resolve("t");
    long v0 =
        DeltaTestTables.append(
            table, ALL_TYPES, new Object[] {"first", 1, null, null, null, null, null});
    long v1 =
        DeltaTestTables.append(
            table, ALL_TYPES, new Object[] {"second", 2, null, null, null, null, null});

    DeltaTableReader old = DeltaTableReader.open(table, v0);
    DeltaTableReader latest = DeltaTableReader.open(table, null);

    assertThat(List.of(v0, v1)).containsExactly(0L, 1L);
    assertThat(old.version()).isEqualTo(0L);
    assertThat(read(old, ALL_TYPES)).extracting(r -> r[0]).containsExactly("first");
    assertThat(latest.version()).isEqualTo(1L);
    assertThat(read(latest, ALL_TYPES))
        .extracting(r -> r[0])
        .containsExactlyInAnyOrder("first", "second");
  }

  @Test
  void a_missing_table_folder_reads_as_empty_at_version_minus_one() {
    DeltaTableReader missing = DeltaTableReader.open(dir.resolve("never_written"), null);

    assertThat(missing.exists()).isFalse();
    assertThat(missing.version()).isEqualTo(-1L);
    assertThat(read(missing, ALL_TYPES)).isEmpty();
    assertThat(missing.activeFiles()).isEmpty();
  }

  @Test
  void active_files_are_the_absolute_parquet_paths_of_the_pinned_version() {
    Path table = dir.resolve("files");
    DeltaTestTables.append(table, ALL_TYPES, new Object[] {"a", 1, null, null, null, null, null});
    DeltaTestTables.append(table, ALL_TYPES, new Object[] {"b", 2, null, null, null, null, null});

    List<String> atV0 = DeltaTableReader.open(table, 0L).activeFiles();
    List<String> latest = DeltaTableReader.open(table, null).activeFiles();

    assertThat(atV0).hasSize(1);
    assertThat(latest).hasSize(2).containsAll(atV0);
    assertThat(latest)
        .allSatisfy(
            f -> {
              assertThat(Path.of(f)).isAbsolute().exists().startsWith(table.toAbsolutePath());
              assertThat(f).endsWith(".parquet");
            });
  }

  @Test
  void a_column_newer_than_the_version_read_comes_back_null() {
    TableDef before =
        new TableDef(
            "t",
            Layer.GOLD,
            "Before a column was added.",
            List.of(required("s", ColumnType.STRING, "a string")),
            List.of("s"));
    Path table = dir.resolve("evolving");
    DeltaTestTables.append(table, before, new Object[] {"old"});

    List<Object[]> rows = read(DeltaTableReader.open(table, null), ALL_TYPES);

    assertThat(rows).containsExactly(new Object[] {"old", null, null, null, null, null, null});
  }

  @Test
  void a_column_whose_delta_type_differs_from_the_schema_is_a_clear_error() {
    TableDef asText =
        new TableDef(
            "t",
            Layer.GOLD,
            "i written as text.",
            List.of(
                required("s", ColumnType.STRING, "a string"),
                required("i", ColumnType.STRING, "text")),
            List.of("s"));
    Path table = dir.resolve("mistyped");
    DeltaTestTables.append(table, asText, new Object[] {"a", "seven"});

    assertThatThrownBy(() -> read(DeltaTableReader.open(table, null), ALL_TYPES))
        .isInstanceOf(WarehouseException.class)
        .hasMessageContaining("Column i of")
        .hasMessageContaining("INT");
  }

  @Test
  void a_version_the_table_never_had_is_a_warehouse_error() {
    Path table = dir.resolve("short");
    DeltaTestTables.append(table, ALL_TYPES, new Object[] {"a", 1, null, null, null, null, null});

    assertThatThrownBy(() -> DeltaTableReader.open(table, 5L).version())
        .isInstanceOf(WarehouseException.class)
        .hasMessageContaining("version 5")
        .extracting(e -> ((WarehouseException) e).kind())
        .isEqualTo(WarehouseException.Kind.UNREADABLE);
  }

  @Test
  void a_folder_without_a_delta_log_reads_as_empty() throws Exception {
    Path table = Files.createDirectories(dir.resolve("half_written"));
    Files.writeString(table.resolve("part-0.parquet"), "not really parquet");

    assertThat(read(DeltaTableReader.open(table, null), ALL_TYPES)).isEmpty();
  }

  private static List<Object[]> read(DeltaTableReader reader, TableDef def) {
    try (Stream<Object[]> rows = reader.rows(def)) {
      return rows.toList();
    }
  }
}
