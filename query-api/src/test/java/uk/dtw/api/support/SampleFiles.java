package uk.dtw.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The bundled sample extracts as files: where a figure is, found without the product's code. */
public final class SampleFiles {
  private SampleFiles() {}

  /** The row (header = 1) of the first line of a file under data/sample holding all these texts. */
  public static int rowOf(String file, String... cells) {
    Path root = Path.of(System.getProperty("dtw.root", "..")).toAbsolutePath().normalize();
    try {
      List<String> lines =
          Files.readAllLines(root.resolve("data/sample").resolve(file), StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (Arrays.stream(cells).allMatch(line::contains)) {
          return i + 1;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("no line with " + String.join(", ", cells) + " in " + file);
  }
}
