package uk.dtw.etl.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Tables transcribed by hand from the published plans (query-api/src/test/resources/golden), read
 * as records.
 */
public final class Golden {
  private Golden() {}

  public static List<CSVRecord> read(String fileName) {
    Path root = Path.of(System.getProperty("dtw.root", "..")).toAbsolutePath().normalize();
    Path file = root.resolve("query-api/src/test/resources/golden").resolve(fileName);
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(in)
          .getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read golden file " + file, e);
    }
  }
}
