package uk.dtw.etl.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/** Reads one CSV extract's bytes into rows of cells keyed by normalised header names. */
public final class CsvExtract {
  private CsvExtract() {}

  /** One data row; {@code row} counts the header as row 1, as a spreadsheet shows it. */
  public record ParsedRow(int row, Map<String, String> cells, String recordJson, String parseError) {}

  /** What the file's header holds and every row below it. */
  public record Parsed(List<String> headers, List<ParsedRow> rows) {}

  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
      .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(false)
      .setAllowMissingColumnNames(true).setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).get();

  /** "PDU Estimate " and "pdu_estimate" are the same header. */
  public static String normaliseHeader(String header) {
    return header.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
        .replaceAll("^_|_$", "");
  }

  public static Parsed parse(byte[] content) {
    List<ParsedRow> rows = new ArrayList<>();
    try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8);
         CSVParser parser = FORMAT.parse(reader)) {
      List<String> raw = parser.getHeaderNames();
      List<String> headers = raw.stream().map(CsvExtract::normaliseHeader).toList();
      int row = 1;
      try {
        for (CSVRecord record : parser) {
          row++;
          rows.add(toRow(row, raw, headers, record));
        }
      } catch (UncheckedIOException e) {
        // A broken quote ends the readable part of the file; the rest is held back, not dropped.
        rows.add(new ParsedRow(row + 1, Map.of(), "{}", "unreadable CSV from here on: " + e.getCause().getMessage()));
      }
      return new Parsed(headers, rows);
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      return new Parsed(List.of(), List.of(new ParsedRow(1, Map.of(), "{}", "unreadable CSV header: " + e.getMessage())));
    }
  }

  private static ParsedRow toRow(int row, List<String> raw, List<String> headers, CSVRecord record) {
    Map<String, String> asRead = new LinkedHashMap<>();
    Map<String, String> cells = new LinkedHashMap<>();
    for (int i = 0; i < record.size(); i++) {
      String name = i < raw.size() ? raw.get(i) : "column_" + (i + 1);
      asRead.put(name, record.get(i));
      if (i < headers.size()) {
        cells.putIfAbsent(headers.get(i), record.get(i));
      }
    }
    return new ParsedRow(row, cells, Json.object(asRead), null);
  }
}
