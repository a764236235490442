package uk.dtw.api.formats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import uk.dtw.api.sql.Column;
import uk.dtw.api.sql.Table;

/**
 * An Excel workbook of one table: what analysts paste into their plans. Numbers stay numbers (so a
 * sum in Excel works), shown as the plans print them: thousands separators, one decimal for
 * percentages, pounds for money; nulls are empty cells, never 0, and a cell withheld by disclosure
 * control is its symbol as text ({@code *}), so no sum in Excel counts it.
 */
public final class XlsxOut {
  private static final int MAX_SHEET_NAME = 31;

  private XlsxOut() {}

  public static byte[] write(String sheetName, Table table) {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet(safeName(sheetName));
      CellStyle header = book.createCellStyle();
      Font bold = book.createFont();
      bold.setBold(true);
      header.setFont(bold);
      List<Column> columns = table.columns();
      CellStyle[] styles = new CellStyle[columns.size()];
      Row top = sheet.createRow(0);
      for (int c = 0; c < columns.size(); c++) {
        top.createCell(c).setCellValue(columns.get(c).name());
        top.getCell(c).setCellStyle(header);
        styles[c] = book.createCellStyle();
        styles[c].setDataFormat(
            book.createDataFormat().getFormat(NumberStyle.excelFormat(columns.get(c).name())));
      }
      for (int r = 0; r < table.rows().size(); r++) {
        Row row = sheet.createRow(r + 1);
        List<Object> values = table.rows().get(r);
        for (int c = 0; c < values.size(); c++) {
          Object value = values.get(c);
          if (value == null) {
            continue;
          }
          if (value instanceof Number n) {
            row.createCell(c).setCellValue(number(n));
            row.getCell(c).setCellStyle(styles[c]);
          } else if (value instanceof Boolean b) {
            row.createCell(c).setCellValue(b);
          } else {
            row.createCell(c).setCellValue(value.toString());
          }
        }
      }
      sheet.createFreezePane(0, 1);
      for (int c = 0; c < columns.size(); c++) {
        sheet.setColumnWidth(
            c, Math.min(60, Math.max(10, columns.get(c).name().length() + 2)) * 256);
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double number(Number n) {
    return n instanceof BigDecimal d ? d.doubleValue() : n.doubleValue();
  }

  /** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
  private static String safeName(String name) {
    String cleaned = name.replaceAll("[\\[\\]:*?/\\\\]", "_");
    return cleaned.length() > MAX_SHEET_NAME ? cleaned.substring(0, MAX_SHEET_NAME) : cleaned;
  }
}
