package uk.dtw.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.dtw.api.support.SampleApi;

/**
 * The analysts' notebooks ({@code notebooks/*.ipynb}) run top to bottom with Debian's Jupyter
 * against the shared test server over the sample warehouse, one test per notebook: a cell that
 * fails (an assert on the API's answer, a request the API refuses, a chart that cannot be drawn)
 * fails the build with the notebook's name and the failing cell. The executed copies, with their
 * outputs, are left in {@code query-api/target/notebooks/}. The committed notebooks stay clean.
 */
class NotebooksTest {
  private static final Path NBCONVERT = Path.of("/usr/bin/jupyter-nbconvert");
  private static final Path ROOT =
      Path.of(System.getProperty("dtw.root", "..")).toAbsolutePath().normalize();
  private static final Path NOTEBOOKS = ROOT.resolve("notebooks");
  private static final Path EXECUTED = ROOT.resolve("query-api/target/notebooks");
  private static final int CELL_TIMEOUT_SECONDS = 120;
  private static final long NOTEBOOK_TIMEOUT_SECONDS = 300;
  private static final int TAIL_LINES = 40;
  private static final String CELL_RULE = "------------------";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static Stream<String> notebooks() throws IOException {
    try (Stream<Path> files = Files.list(NOTEBOOKS)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(name -> name.endsWith(".ipynb"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @Test
  void there_are_at_least_three_notebooks() throws IOException {
    assertThat(notebooks().toList()).as("notebooks in " + NOTEBOOKS).hasSizeGreaterThanOrEqualTo(3);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notebooks")
  void runs_top_to_bottom_against_the_sample_warehouse(String name) throws Exception {
    if (!Files.isExecutable(NBCONVERT)) {
      fail(
          NBCONVERT
              + " is missing: run bin/install-test-tools (Debian's jupyter-nbconvert,"
              + " python3-ipykernel, python3-pandas, python3-matplotlib, python3-requests)");
    }
    Files.createDirectories(EXECUTED);
    Path executed = EXECUTED.resolve(name);
    Path log = EXECUTED.resolve(name.replaceFirst("\\.ipynb$", ".log"));
    Files.deleteIfExists(executed);
    ProcessBuilder builder =
        new ProcessBuilder(
                NBCONVERT.toString(),
                "--to",
                "notebook",
                "--execute",
                "--ExecutePreprocessor.timeout=" + CELL_TIMEOUT_SECONDS,
                "--output-dir",
                EXECUTED.toString(),
                NOTEBOOKS.resolve(name).toString())
            .directory(NOTEBOOKS.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("DTW_API", SampleApi.http().base());
    env.put("MPLBACKEND", "Agg");
    env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
    // Debian's python3 runs the kernel: nothing from another interpreter's setup may leak in.
    env.remove("PYTHONPATH");
    env.remove("PYTHONHOME");

    Process process = builder.start();
    if (!process.waitFor(NOTEBOOK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      fail(
          name
              + " did not finish in "
              + NOTEBOOK_TIMEOUT_SECONDS
              + " s; nbconvert's output ends:\n"
              + tail(log));
    }
    if (process.exitValue() != 0) {
      fail(
          name
              + " failed (nbconvert exit "
              + process.exitValue()
              + ")"
              + failingCell(name, read(log))
              + "; full output in "
              + log
              + "; it ends:\n"
              + tail(log));
    }

    assertThat(executed).as("the executed copy of " + name).isRegularFile();
    JsonNode cells = MAPPER.readTree(executed.toFile()).get("cells");
    List<String> notRun = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    int images = 0;
    for (int i = 0; i < cells.size(); i++) {
      JsonNode cell = cells.get(i);
      if (!"code".equals(cell.path("cell_type").asText())) {
        continue;
      }
      if (!cell.path("execution_count").isInt()) {
        notRun.add("cell " + (i + 1));
      }
      for (JsonNode output : cell.path("outputs")) {
        if ("error".equals(output.path("output_type").asText())) {
          errors.add(
              "cell "
                  + (i + 1)
                  + ": "
                  + output.path("ename").asText()
                  + ": "
                  + output.path("evalue").asText());
        }
        if (output.path("data").has("image/png")) {
          images++;
        }
      }
    }
    assertThat(notRun).as(name + ": code cells that did not run").isEmpty();
    assertThat(errors).as(name + ": cells with an error output").isEmpty();
    assertThat(images).as(name + ": charts drawn").isPositive();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notebooks")
  void is_committed_without_outputs(String name) throws IOException {
    JsonNode notebook = MAPPER.readTree(NOTEBOOKS.resolve(name).toFile());
    assertThat(notebook.path("metadata").path("kernelspec").path("name").asText())
        .as(name + ": kernelspec")
        .isEqualTo("python3");
    JsonNode cells = notebook.get("cells");
    List<String> dirty = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      JsonNode cell = cells.get(i);
      JsonNode count = cell.path("execution_count");
      if (cell.path("outputs").size() > 0 || !(count.isMissingNode() || count.isNull())) {
        dirty.add("cell " + (i + 1));
      }
    }
    assertThat(dirty)
        .as(
            name
                + " has outputs: clear them before committing"
                + " (/usr/bin/jupyter-nbconvert --clear-output --inplace notebooks/"
                + name
                + ")")
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notebooks")
  void begins_with_what_it_shows_and_how_to_change_it_then_its_parameters(String name)
      throws IOException {
    JsonNode cells = MAPPER.readTree(NOTEBOOKS.resolve(name).toFile()).get("cells");
    assertThat(cells.size()).as(name + ": cells").isGreaterThan(2);
    assertThat(cells.get(0).path("cell_type").asText())
        .as(name + ": first cell")
        .isEqualTo("markdown");
    assertThat(source(cells.get(0)))
        .as(name + ": first cell")
        .contains("What it shows", "How to change it");
    assertThat(cells.get(1).path("cell_type").asText())
        .as(name + ": second cell")
        .isEqualTo("code");
    assertThat(source(cells.get(1)))
        .as(name + ": the parameters cell")
        .contains("os.environ.get(\"DTW_API\"");
  }

  /** ", in cell N" when nbconvert's output quotes the source of one of the notebook's cells. */
  private static String failingCell(String name, String log) throws IOException {
    int start = log.indexOf(CELL_RULE + "\n");
    int end = start < 0 ? -1 : log.indexOf("\n" + CELL_RULE, start + CELL_RULE.length() + 1);
    if (end < 0) {
      return "";
    }
    String quoted = log.substring(start + CELL_RULE.length() + 1, end).strip();
    JsonNode cells = MAPPER.readTree(NOTEBOOKS.resolve(name).toFile()).get("cells");
    for (int i = 0; i < cells.size(); i++) {
      if (source(cells.get(i)).strip().equals(quoted)) {
        return ", in cell " + (i + 1) + " of " + cells.size();
      }
    }
    return "";
  }

  /** A cell's source: a string, or a list of lines as nbformat writes it. */
  private static String source(JsonNode cell) {
    JsonNode source = cell.path("source");
    if (source.isArray()) {
      StringBuilder text = new StringBuilder();
      source.forEach(line -> text.append(line.asText()));
      return text.toString();
    }
    return source.asText();
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Arrays.asList(read(log).split("\n"));
    return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
  }

  /** The log without the terminal colours IPython puts in a traceback. */
  private static String read(Path log) throws IOException {
    return new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
        .replaceAll("\u001B\\[[;\\d]*m", "");
  }
}
