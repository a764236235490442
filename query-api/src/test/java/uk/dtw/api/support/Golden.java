package uk.dtw.api.support;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The hand-transcribed figures from the published plans (src/test/resources/golden). */
public final class Golden {
  private Golden() {}

  /** Rows of a golden CSV as header-keyed maps, in file order. */
  public static List<Map<String, String>> rows(String file) {
    try (Reader in =
        new InputStreamReader(
            Golden.class.getResourceAsStream("/golden/" + file), StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(in)
          .getRecords()
          .stream()
          .map(CSVRecord::toMap)
          .toList();
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("cannot read golden file " + file, e);
    }
  }
}
