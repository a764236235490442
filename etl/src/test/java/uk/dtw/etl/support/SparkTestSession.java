package uk.dtw.etl.support;

import org.apache.spark.sql.SparkSession;
import uk.dtw.etl.spark.SparkSessions;

/** The one SparkSession of the test JVM: starting Spark costs seconds, so every test shares it. */
public final class SparkTestSession {
  private SparkTestSession() {}

  private static SparkSession session;

  public static synchronized SparkSession get() {
    if (session == null) {
      session = SparkSessions.create("local[2]");
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }
}
