package uk.dtw.warehouse.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.dtw.warehouse.Warehouse;

/**
 * Every view the classpath lists must name real tables and columns, checked against an empty
 * warehouse.
 */
class ProductViewsTest {
  @TempDir Path dir;

  @Test
  void every_listed_view_compiles_against_the_star_schema() throws SQLException {
    Map<String, String> views = ViewDefinitions.load(getClass().getClassLoader());
    List<String> failures = new ArrayList<>();
    try (Warehouse wh = Warehouse.open(dir.toString())) {
      for (String view : views.keySet()) {
        try (Statement st = wh.connection().createStatement();
            ResultSet rs = st.executeQuery("SELECT * FROM " + view)) {
          if (rs.next()) {
            failures.add(view + ": rows from an empty warehouse");
          }
        } catch (SQLException e) {
          failures.add(view + ": " + rootCause(e).getMessage().lines().findFirst().orElse(""));
        }
      }
    }
    assertThat(views).containsKeys("test_in_treatment", "test_treatment_rank");
    assertThat(failures)
        .as(
            "views that do not compile; names Calcite reserves (period, measure, prev, value, ...) must be avoided or"
                + " written in double quotes, e.g. f.\"period\"")
        .isEmpty();
  }

  private static Throwable rootCause(Throwable e) {
    return e.getCause() == null ? e : rootCause(e.getCause());
  }
}
