package uk.dtw.etl.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Excel workbooks (.xlsx), one extract per sheet: a sheet becomes the same grid of cell text a CSV
 * file does, so every layout reader and rule applies to it unchanged.
 *
 * <p>Cells are read as Excel shows them (DataFormatter, formulas evaluated): "1,538,077" stays what
 * the analyst saw, and the value rules read it as they read a CSV cell.
 */
public final class Workbooks {
  private Workbooks() {}

  public static boolean isWorkbook(String fileName) {
    return fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx");
  }

  /** The sheet names, in workbook order. */
  public static List<String> sheetNames(byte[] content) {
    try (Workbook wb = open(content)) {
      List<String> names = new ArrayList<>();
      for (Sheet s : wb) {
        names.add(s.getSheetName());
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One sheet as a grid: its first row is the header; rows keep Excel's numbers (header = 1). */
  public static Grid grid(byte[] content, String sheetName) {
    try (Workbook wb = open(content)) {
      Sheet sheet = wb.getSheet(sheetName);
      if (sheet == null) {
        return new Grid(
            List.of(),
            List.of(
                new Grid.GridRow(1, List.of(), "the workbook has no sheet '" + sheetName + "'")),
            List.of());
      }
      DataFormatter text = new DataFormatter();
      FormulaEvaluator formulas = wb.getCreationHelper().createFormulaEvaluator();
      List<String> header = new ArrayList<>();
      List<Grid.GridRow> rows = new ArrayList<>();
      for (int r = sheet.getFirstRowNum(); r <= sheet.getLastRowNum() && r >= 0; r++) {
        Row row = sheet.getRow(r);
        List<String> cells = cells(row, text, formulas);
        if (r == sheet.getFirstRowNum()) {
          header.addAll(cells);
        } else {
          rows.add(new Grid.GridRow(r + 1, cells, null));
        }
      }
      return new Grid(header, rows, List.of());
    } catch (IOException | RuntimeException e) {
      return new Grid(
          List.of(),
          List.of(new Grid.GridRow(1, List.of(), "unreadable workbook: " + e.getMessage())),
          List.of());
    }
  }

  private static List<String> cells(Row row, DataFormatter text, FormulaEvaluator formulas) {
    List<String> cells = new ArrayList<>();
    if (row == null) {
      return cells;
    }
    for (int c = 0; c < row.getLastCellNum(); c++) {
      Cell cell = row.getCell(c);
      cells.add(cell == null ? "" : text.formatCellValue(cell, formulas));
    }
    return cells;
  }

  private static Workbook open(byte[] content) throws IOException {
    return new XSSFWorkbook(new ByteArrayInputStream(content));
  }
}
