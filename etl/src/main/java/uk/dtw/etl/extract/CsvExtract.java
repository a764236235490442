package uk.dtw.etl.extract;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import uk.dtw.etl.rules.Problem;
import uk.dtw.etl.rules.Rule;

/**
 * Reads one CSV extract's bytes into a {@link Grid}: text decoding and the delimiter are worked out
 * here.
 */
public final class CsvExtract {
  private CsvExtract() {}

  /** "PDU Estimate " and "pdu_estimate" are the same header. */
  public static String normaliseHeader(String header) {
    return header
        .replace("\uFEFF", "")
        .trim()
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "_")
        .replaceAll("^_|_$", "");
  }

  public static Grid parse(byte[] content) {
    List<Problem> warnings = new ArrayList<>();
    String text = TextDecoding.decode(content, warnings);
    char delimiter = TextDecoding.sniffDelimiter(text);
    if (delimiter != ',') {
      warnings.add(
          Problem.warning(
              null,
              Rule.DELIMITER,
              "cells are separated by "
                  + (delimiter == '\t' ? "tabs" : "'" + delimiter + "'")
                  + ", not commas; read that way"));
    }
    CSVFormat format =
        CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
    List<Grid.GridRow> rows = new ArrayList<>();
    try (CSVParser parser = format.parse(new StringReader(text))) {
      List<String> header = null;
      int row = 0;
      try {
        for (CSVRecord record : parser) {
          row++;
          List<String> cells = record.toList();
          if (header == null) {
            header = cells;
          } else {
            rows.add(new Grid.GridRow(row, cells, null));
          }
        }
      } catch (UncheckedIOException e) {
        // A broken quote ends the readable part of the file; the rest is held back, not dropped.
        rows.add(
            new Grid.GridRow(
                row + 1, List.of(), "unreadable CSV from here on: " + e.getCause().getMessage()));
      }
      if (header == null) {
        return new Grid(
            List.of(),
            List.of(new Grid.GridRow(1, List.of(), "the file is empty: no header row")),
            warnings);
      }
      return new Grid(header, rows, warnings);
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      return new Grid(
          List.of(),
          List.of(new Grid.GridRow(1, List.of(), "unreadable CSV header: " + e.getMessage())),
          warnings);
    }
  }
}
