package uk.dtw.etl.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Builds small .xlsx workbooks in tests (no binaries in the repo): numbers stay numeric cells with
 * a #,##0 format.
 */
public final class TestWorkbooks {
  private TestWorkbooks() {}

  /**
   * Sheet name to rows; a Number becomes a numeric cell shown with thousands separators, anything
   * else text.
   */
  public static byte[] of(Map<String, Object[][]> sheets) {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle thousands = wb.createCellStyle();
      thousands.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
      for (Map.Entry<String, Object[][]> e : sheets.entrySet()) {
        Sheet sheet = wb.createSheet(e.getKey());
        for (int r = 0; r < e.getValue().length; r++) {
          Row row = sheet.createRow(r);
          for (int c = 0; c < e.getValue()[r].length; c++) {
            Object v = e.getValue()[r][c];
            if (v instanceof Number n) {
              row.createCell(c).setCellValue(n.doubleValue());
              row.getCell(c).setCellStyle(thousands);
            } else if (v != null) {
              row.createCell(c).setCellValue(v.toString());
            }
          }
        }
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
