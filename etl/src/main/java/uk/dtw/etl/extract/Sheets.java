package uk.dtw.etl.extract;

/** Turns a landing file's bytes into the grid of cells the layout readers take. */
public final class Sheets {
  private Sheets() {}

  public static Grid grid(LandingFile file, byte[] content) {
    return file.sheet() == null ? CsvExtract.parse(content) : Workbooks.grid(content, file.sheet());
  }
}
