package uk.dtw.api.formats;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import uk.dtw.api.sql.Table;

/** CSV writing (RFC 4180: comma, CRLF, quotes doubled) of one table with a header row. */
public final class CsvOut {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180;

  private CsvOut() {}

  /**
   * Nulls are written as empty fields, a cell withheld by disclosure control as its symbol ({@code
   * *}); numbers in full precision as Java prints them.
   */
  public static String write(Table table) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
      printer.printRecord(table.names());
      for (List<Object> row : table.rows()) {
        printer.printRecord(row.stream().map(CsvOut::text).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Plain decimal notation: 0.0001 rather than 1.0E-4, and 2660 rather than 2660.0. */
  private static Object text(Object value) {
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof Double d) {
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    return value;
  }
}
