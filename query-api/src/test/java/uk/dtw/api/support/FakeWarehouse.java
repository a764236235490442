package uk.dtw.api.support;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import uk.dtw.api.ApiServer;
import uk.dtw.api.snapshot.FixedSnapshotSource;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.warehouse.calcite.WarehouseDialect;

/**
 * A tiny warehouse with the real views' names and columns, made of VALUES in a Calcite model
 * (fake-warehouse-model.json): hand-made figures with a tie, missing inputs and a funding gap, for
 * testing routes without running the ETL.
 */
public final class FakeWarehouse {
  public static final long VERSION = 7;

  private FakeWarehouse() {}

  public static Snapshot snapshot() {
    try {
      Path model = Path.of(FakeWarehouse.class.getResource("/fake-warehouse-model.json").toURI());
      Properties info = WarehouseDialect.connectionProperties(); // the real warehouse's dialect
      info.setProperty("model", model.toString());
      Connection connection = DriverManager.getConnection("jdbc:calcite:", info);
      return new Snapshot(VERSION, connection, connection);
    } catch (SQLException | URISyntaxException e) {
      throw new IllegalStateException("cannot open the fake warehouse", e);
    }
  }

  /**
   * A real server on a free loopback port over the fake warehouse, every caller an analyst (the
   * fake's one connection hides nothing: roles are RolesApiTest's subject).
   */
  public static ApiServer startServer() {
    return new ApiServer(
            new FixedSnapshotSource(snapshot()),
            uk.dtw.api.access.Access.anonymous(uk.dtw.model.schema.Role.ANALYST))
        .start("127.0.0.1", 0);
  }
}
