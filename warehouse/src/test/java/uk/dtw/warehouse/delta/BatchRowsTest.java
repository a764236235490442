package uk.dtw.warehouse.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.dtw.model.schema.Column.required;

import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.dtw.model.schema.ColumnType;
import uk.dtw.model.schema.Layer;
import uk.dtw.model.schema.TableDef;
import uk.dtw.warehouse.testing.DeltaTestTables.ListBatch;
import uk.dtw.warehouse.testing.ListColumnVector;

// Kernel 4.4 cannot write deletion vectors, so the selection-vector path is tested on a batch.
class BatchRowsTest {
  private static final TableDef NAMES =
      new TableDef(
          "names",
          Layer.GOLD,
          "Names.",
          List.of(required("name", ColumnType.STRING, "a name")),
          List.of("name"));

  @Test
  void rows_a_deletion_vector_removed_are_skipped() {
    StructType schema = new StructType().add("name", StringType.STRING);
    ListBatch data =
        new ListBatch(
            schema,
            List.of(
                new ListColumnVector(
                    StringType.STRING, List.of("kept", "deleted", "unknown", "also kept"))),
            4);
    ListColumnVector selection =
        new ListColumnVector(BooleanType.BOOLEAN, Arrays.asList(true, false, null, true));

    List<Object[]> rows =
        new BatchRows(NAMES, "names").rows(new FilteredColumnarBatch(data, Optional.of(selection)));

    assertThat(rows).extracting(r -> r[0]).containsExactly("kept", "also kept");
  }

  @Test
  void without_a_selection_vector_every_row_is_kept() {
    StructType schema = new StructType().add("NAME", StringType.STRING);
    ListBatch data =
        new ListBatch(
            schema, List.of(new ListColumnVector(StringType.STRING, List.of("a", "b"))), 2);

    List<Object[]> rows =
        new BatchRows(NAMES, "names").rows(new FilteredColumnarBatch(data, Optional.empty()));

    assertThat(rows).extracting(r -> r[0]).containsExactly("a", "b");
  }
}
