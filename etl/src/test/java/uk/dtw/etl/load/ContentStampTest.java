package uk.dtw.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import uk.dtw.model.schema.Dimensions;

/**
 * The stamp a load compares instead of reading a dimension: the same rows in any order give the
 * same stamp; a changed value, a null for "null", or another table's schema give another.
 */
class ContentStampTest {
  private static final Row PDU = RowFactory.create("pdu", "PDUs", "problem drug users");
  private static final Row CRACK = RowFactory.create("crack", "Crack", "crack users");

  @Test
  void the_order_of_the_rows_does_not_change_the_stamp() {
    assertThat(ContentStamp.of(Dimensions.DRUG_GROUP, List.of(PDU, CRACK)))
        .isEqualTo(ContentStamp.of(Dimensions.DRUG_GROUP, List.of(CRACK, PDU)))
        .startsWith(ContentStamp.PREFIX)
        .hasSize(ContentStamp.PREFIX.length() + 64);
  }

  @Test
  void a_changed_value_a_null_or_another_schema_changes_it() {
    String stamp = ContentStamp.of(Dimensions.DRUG_GROUP, List.of(PDU));

    assertThat(
            ContentStamp.of(Dimensions.DRUG_GROUP, List.of(RowFactory.create("pdu", "PDUs", "x"))))
        .isNotEqualTo(stamp);
    assertThat(
            ContentStamp.of(Dimensions.DRUG_GROUP, List.of(RowFactory.create("pdu", "PDUs", null))))
        .isNotEqualTo(
            ContentStamp.of(
                Dimensions.DRUG_GROUP, List.of(RowFactory.create("pdu", "PDUs", "null"))));
    assertThat(ContentStamp.of(Dimensions.CLIENT_GROUP, List.of()))
        .isNotEqualTo(ContentStamp.of(Dimensions.DRUG_GROUP, List.of()));
    assertThat(ContentStamp.of(Dimensions.DRUG_GROUP, List.of(PDU, PDU))).isNotEqualTo(stamp);
  }
}
