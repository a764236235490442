package uk.dtw.warehouse.calcite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.dtw.warehouse.delta.DeltaTableReader;
import uk.dtw.warehouse.testing.DeltaTestTables;
import uk.dtw.warehouse.testing.VisitTable;
import uk.dtw.warehouse.testing.VisitTable.Visit;

/** A cancelled statement stops its scan rather than reading the table to the end. */
class ScanCancellationTest {
  private static final int PARTITIONS = 40;
  private static final int PER_PARTITION = 5_000;

  @TempDir static Path dir;
  static DeltaTableReader reader;

  @BeforeAll
  static void write() {
    List<Object[]> rows = new ArrayList<>();
    for (int p = 0; p < PARTITIONS; p++) {
      for (int j = 0; j < PER_PARTITION; j++) {
        long id = (long) p * PER_PARTITION + j;
        rows.add(new Visit("r" + p, 2020, id, "n" + j, j * 0.5, j, LocalDate.of(2020, 1, 1)).row());
      }
    }
    DeltaTestTables.append(dir.resolve("big"), VisitTable.VISIT, rows);
    reader = DeltaTableReader.open(dir.resolve("big"), null);
  }

  @Test
  void setting_the_cancel_flag_stops_the_enumerator_at_its_next_row() {
    AtomicBoolean cancel = new AtomicBoolean();
    DeltaScannableTable table = new DeltaScannableTable(VisitTable.VISIT, reader);
    Enumerator<Object[]> rows =
        table.scan(context(cancel, null), new ArrayList<>(), new int[] {2}).enumerator();
    try {
      assertThat(rows.moveNext()).isTrue();
      assertThat(rows.moveNext()).isTrue();
      cancel.set(true);

      assertThatThrownBy(rows::moveNext)
          .isInstanceOf(CancellationException.class)
          .hasMessageContaining("cancelled while reading visit");
    } finally {
      rows.close();
    }
  }

  @Test
  void a_query_timeout_stops_the_scan_once_it_has_passed() throws InterruptedException {
    QueryCheckpoint check = QueryCheckpoint.of(context(new AtomicBoolean(), 1L), "visit");
    TimeUnit.MILLISECONDS.sleep(20);

    assertThatThrownBy(check::run).hasMessageContaining("timeout of 1 ms");
  }

  @Test
  void statement_cancel_from_another_thread_stops_a_running_scan() throws Exception {
    long total = (long) PARTITIONS * PER_PARTITION;
    long before = reader.scanStats().rowsRead();
    try (Connection c =
            VisitTable.connect("visit", new DeltaScannableTable(VisitTable.VISIT, reader));
        Statement st = c.createStatement()) {
      // Cancel as soon as the scan has read its first batch: 40 files are far from read then.
      CompletableFuture<Void> canceller =
          CompletableFuture.runAsync(
              () -> {
                while (reader.scanStats().rowsRead() == before) {
                  Thread.onSpinWait();
                }
                try {
                  st.cancel();
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              });

      assertThatThrownBy(
              () -> {
                try (ResultSet rs =
                    st.executeQuery("SELECT SUM(visits) FROM visit WHERE name <> 'none'")) {
                  rs.next();
                }
              })
          .isInstanceOf(SQLException.class);
      canceller.get(10, TimeUnit.SECONDS);
    }
    assertThat(reader.scanStats().rowsRead() - before).isPositive().isLessThan(total);
  }

  private static DataContext context(AtomicBoolean cancel, Long timeoutMillis) {
    JavaTypeFactory types = new JavaTypeFactoryImpl();
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put(DataContext.Variable.CANCEL_FLAG.camelName, cancel);
    if (timeoutMillis != null) {
      variables.put(DataContext.Variable.TIMEOUT.camelName, timeoutMillis);
    }
    return new DataContext() {
      @Override
      public SchemaPlus getRootSchema() {
        return null;
      }

      @Override
      public JavaTypeFactory getTypeFactory() {
        return types;
      }

      @Override
      public QueryProvider getQueryProvider() {
        return null;
      }

      @Override
      public Object get(String name) {
        return variables.get(name);
      }
    };
  }
}
