package uk.dtw.model.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the CSV files bundled on the classpath: the reference files under {@code reference/} and
 * the project's other tables (alias tables, test tables), one format for all: a header row, {@code
 * #} comments, blank lines ignored.
 */
public final class ReferenceFiles {
  private ReferenceFiles() {}

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setCommentMarker('#')
          .setIgnoreEmptyLines(true)
          .get();

  /** All records of {@code reference/<fileName>}, addressable by header name. */
  public static List<CSVRecord> read(String fileName) {
    return resource("reference/" + fileName);
  }

  /** All records of a CSV resource anywhere on the classpath, addressable by header name. */
  public static List<CSVRecord> resource(String resource) {
    try (InputStream in = ReferenceFiles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("reference file missing from the classpath: " + resource);
      }
      return FORMAT.parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
