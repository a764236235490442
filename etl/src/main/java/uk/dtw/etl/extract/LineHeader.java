package uk.dtw.etl.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import uk.dtw.etl.rules.Problem;
import uk.dtw.etl.rules.Rule;

/**
 * The header of a record-level extract, read on the driver from the first line only, so that the
 * rest of a file of any size can be split into lines and read in parallel: one record per line.
 *
 * @param raw the header cells as written
 * @param columns the canonical column each cell names (through the alias table), or null
 * @param missing required columns no cell names
 * @param warnings what the header says about the file (unknown columns, the delimiter)
 */
public record LineHeader(
    List<String> raw,
    List<String> columns,
    char delimiter,
    List<String> missing,
    List<Problem> warnings)
    implements Serializable {

  public static LineHeader read(
      String uri, Configuration conf, List<String> required, List<String> known) {
    Path path = new Path(uri);
    String first;
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(path.getFileSystem(conf).open(path), StandardCharsets.UTF_8))) {
      first = in.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the header of " + uri, e);
    }
    return parse(first == null ? "" : first, required, known);
  }

  /** The header of a file whose text is at hand (a small file read whole), with its warnings. */
  public static LineHeader parse(
      String line, List<String> required, List<String> known, List<Problem> decodingWarnings) {
    LineHeader h = parse(line, required, known);
    List<Problem> all = new ArrayList<>(decodingWarnings);
    all.addAll(h.warnings());
    return new LineHeader(h.raw(), h.columns(), h.delimiter(), h.missing(), all);
  }

  /** Text of a whole file: UTF-8, or Windows-1252 with a warning, as every CSV extract. */
  public static String decode(byte[] content, List<Problem> warnings) {
    return TextDecoding.decode(content, warnings);
  }

  static LineHeader parse(String line, List<String> required, List<String> known) {
    List<Problem> warnings = new ArrayList<>();
    char delimiter = TextDecoding.sniffDelimiter(line);
    if (delimiter != ',') {
      warnings.add(
          Problem.warning(
              null,
              Rule.DELIMITER,
              "cells are separated by "
                  + (delimiter == '\t' ? "tabs" : "'" + delimiter + "'")
                  + ", not commas; read that way"));
    }
    List<String> raw = cells(line.replace("\uFEFF", ""), delimiter);
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      HeaderCell cell = HeaderCell.of(i, raw.get(i), known);
      String column = cell.column() != null && known.contains(cell.column()) ? cell.column() : null;
      columns.add(column);
      if (column == null && !raw.get(i).isBlank()) {
        warnings.add(
            Problem.warning(
                raw.get(i),
                Rule.UNKNOWN_COLUMN,
                "column '" + raw.get(i) + "' is not a column of this extract; not loaded"));
      }
    }
    List<String> missing = required.stream().filter(c -> !columns.contains(c)).toList();
    return new LineHeader(raw, columns, delimiter, missing, warnings);
  }

  /** One line's cells; a line that does not parse as CSV (a broken quote) throws. */
  public List<String> cellsOf(String line) {
    return cells(line, delimiter);
  }

  private static List<String> cells(String line, char delimiter) {
    if (plain(line)) {
      return split(line, delimiter);
    }
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
    try (CSVParser parser = format.parse(new StringReader(line))) {
      List<CSVRecord> records = parser.getRecords();
      if (records.size() > 1) {
        throw new IllegalArgumentException(
            "a quoted cell runs past the end of the line; record-level extracts hold one record per line");
      }
      return records.isEmpty() ? List.of() : records.get(0).toList();
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * Whether the line has nothing CSV could read differently from a plain split: no quote, no line
   * break, not empty (CSV reads an empty line as no record). Most lines of an extract are plain,
   * and a parser per line was a third of the time spent conforming episodes.
   */
  private static boolean plain(String line) {
    if (line.isEmpty()) {
      return false;
    }
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"' || c == '\r' || c == '\n') {
        return false;
      }
    }
    return true;
  }

  /** The cells between delimiters, empty ones included (as CSV reads a plain line). */
  private static List<String> split(String line, char delimiter) {
    List<String> cells = new ArrayList<>();
    int start = 0;
    for (int at = line.indexOf(delimiter); at >= 0; at = line.indexOf(delimiter, start)) {
      cells.add(line.substring(start, at));
      start = at + 1;
    }
    cells.add(line.substring(start));
    return cells;
  }
}
