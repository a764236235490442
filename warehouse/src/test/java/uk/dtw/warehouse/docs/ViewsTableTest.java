package uk.dtw.warehouse.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.dtw.warehouse.Warehouse;
import uk.dtw.warehouse.calcite.ViewDefinitions;

/**
 * The views table of docs/internal/CONTRACTS.md is generated from the views themselves: every view
 * on the classpath, its columns as Calcite types them, and the first sentence of its SQL comment.
 * When a view changes, this test fails and prints the table to paste.
 */
class ViewsTableTest {
  private static final Path DOC = Path.of("../docs/internal/CONTRACTS.md");
  private static final String BEGIN = "<!-- views table: generated, checked by ViewsTableTest -->";
  private static final String END = "<!-- end of views table -->";

  @TempDir Path empty;

  @Test
  void the_contracts_views_table_is_every_view_with_its_columns_and_purpose()
      throws IOException, SQLException {
    String expected = table();
    String doc = Files.readString(DOC);
    int from = doc.indexOf(BEGIN);
    int to = doc.indexOf(END);
    assertThat(from).as("the views table markers in " + DOC).isNotNegative();
    String actual = doc.substring(from + BEGIN.length(), to).strip();
    Path generated = Path.of("target/views-table.md");
    Files.writeString(generated, expected + "\n");
    assertThat(actual)
        .as("the views table in " + DOC + " is stale: paste " + generated.toAbsolutePath())
        .isEqualTo(expected);
  }

  /** The markdown table: view, columns, and what the view's leading comment says it is. */
  static String table() throws SQLException {
    List<String> lines =
        new ArrayList<>(List.of("| view | columns | what it is |", "| --- | --- | --- |"));
    Map<String, String> views = ViewDefinitions.load(ViewsTableTest.class.getClassLoader());
    try (Warehouse wh =
            Warehouse.open(
                Path.of("target/no-warehouse-" + ProcessHandle.current().pid()).toString());
        Statement st = wh.connection().createStatement()) {
      for (Map.Entry<String, String> view : views.entrySet()) {
        if (view.getKey().startsWith("test_")) {
          continue; // views the warehouse tests add for themselves
        }
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT * FROM " + view.getKey() + " WHERE 1 = 0")) {
          ResultSetMetaData md = rs.getMetaData();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            columns.add(md.getColumnLabel(i));
          }
        }
        lines.add(
            "| `"
                + view.getKey()
                + "` | "
                + String.join(", ", columns)
                + " | "
                + purpose(view.getValue())
                + " |");
      }
    }
    return String.join("\n", lines);
  }

  /** The first sentence of the SQL's leading comment. */
  private static String purpose(String sql) {
    StringBuilder comment = new StringBuilder();
    for (String line : sql.split("\n")) {
      if (!line.startsWith("--")) {
        break;
      }
      comment.append(line.substring(2).strip()).append(' ');
    }
    String text = comment.toString().strip();
    int stop = text.indexOf(". ");
    String sentence = stop < 0 ? text : text.substring(0, stop + 1);
    return sentence.replace("|", "/");
  }
}
