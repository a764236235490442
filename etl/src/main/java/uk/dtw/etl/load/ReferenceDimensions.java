package uk.dtw.etl.load;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import uk.dtw.model.reference.Area;
import uk.dtw.model.reference.AreaDirectory;
import uk.dtw.model.reference.ReferenceFiles;
import uk.dtw.model.schema.Column;
import uk.dtw.model.schema.Dimensions;
import uk.dtw.model.schema.TableDef;
import uk.dtw.model.vocabulary.FinancialYear;

/**
 * The rows of every conformed dimension, built from the reference data bundled with the warehouse
 * module.
 */
final class ReferenceDimensions {
  /** Financial years the period dimension lists. */
  static final int FIRST_YEAR = 2001;

  static final int LAST_YEAR = 2030;

  private ReferenceDimensions() {}

  static List<Row> rows(TableDef dim) {
    if (dim == Dimensions.AREA) {
      return AreaDirectory.load().all().stream().map(ReferenceDimensions::area).toList();
    } else if (dim == Dimensions.AREA_ALIAS) {
      List<Row> rows = new ArrayList<>();
      for (Map.Entry<String, Map.Entry<String, String>> e :
          AreaDirectory.load().aliases().entrySet()) {
        rows.add(RowFactory.create(e.getKey(), e.getValue().getKey(), e.getValue().getValue()));
      }
      return rows;
    } else if (dim == Dimensions.PERIOD) {
      List<Row> rows = new ArrayList<>();
      for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
        FinancialYear fy = new FinancialYear(year);
        rows.add(
            RowFactory.create(
                fy.toString(),
                year,
                Date.valueOf(fy.startDate()),
                Date.valueOf(fy.endDate()),
                fy.previous().toString()));
      }
      return rows;
    } else if (dim == Dimensions.DATE_DAY) {
      return days();
    }
    return fromCsv(dim);
  }

  /** Every day of the financial years dim_period lists. */
  private static List<Row> days() {
    List<Row> rows = new ArrayList<>();
    for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      FinancialYear fy = new FinancialYear(year);
      for (LocalDate d = fy.startDate(); !d.isAfter(fy.endDate()); d = d.plusDays(1)) {
        rows.add(
            RowFactory.create(
                Date.valueOf(d),
                fy.toString(),
                d.getYear(),
                Date.valueOf(d.withDayOfMonth(1)),
                (d.getMonthValue() + 8) % 12 / 3 + 1));
      }
    }
    return rows;
  }

  private static Row area(Area a) {
    return RowFactory.create(
        a.code(),
        a.name(),
        a.level().code(),
        a.regionCode(),
        a.regionName(),
        Date.valueOf(a.validFrom()),
        a.validTo() == null ? null : Date.valueOf(a.validTo()),
        a.successorCodes().isEmpty() ? null : String.join(",", a.successorCodes()),
        a.districtCodes().isEmpty() ? null : String.join(",", a.districtCodes()));
  }

  /** Small dimensions kept as CSV whose header is the table's column names. */
  private static List<Row> fromCsv(TableDef dim) {
    List<Row> rows = new ArrayList<>();
    for (CSVRecord r : ReferenceFiles.read(dim.name() + ".csv")) {
      Object[] values = new Object[dim.columns().size()];
      for (int i = 0; i < values.length; i++) {
        Column c = dim.columns().get(i);
        String text = r.get(c.name());
        values[i] =
            switch (c.type()) {
              case INT -> text.isEmpty() && c.nullable() ? null : Integer.valueOf(text);
              case BOOLEAN -> Boolean.valueOf(text);
              case STRING -> text;
              default ->
                  throw new IllegalStateException(
                      dim.name() + "." + c.name() + ": type " + c.type() + " not read from CSV");
            };
      }
      rows.add(RowFactory.create(values));
    }
    return rows;
  }
}
