package uk.dtw.etl.conform;

import java.io.Serializable;
import org.apache.spark.util.LongAccumulator;

/**
 * Rows and files read, counted where they are read (on the executors) for the load's progress
 * display. Each count is one add to a task-local accumulator, which Spark sends to the driver when
 * the task ends; nothing else is done per row.
 */
public record ReadCounters(LongAccumulator rows, LongAccumulator files) implements Serializable {
  void row() {
    rows.add(1);
  }

  void file() {
    files.add(1);
  }
}
