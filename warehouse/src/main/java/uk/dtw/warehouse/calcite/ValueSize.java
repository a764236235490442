package uk.dtw.warehouse.calcite;

import java.util.Collection;
import java.util.Map;
import org.apache.calcite.avatica.util.ByteString;

/**
 * The largest single value an operator may hand on. A query can grow one value without end ({@code
 * s || s} in a recursive union doubles it on each round) faster than the memory budget, which waits
 * for a short heap, can see: at 2^30 characters the next doubling fails inside the JVM, or fills
 * the heap of every other query first. No value of the warehouse comes near the limit; only a value
 * a query builds can pass it, and it stops that query with a clear reason.
 */
public final class ValueSize {
  /** Characters of text, bytes of binary, elements of an array, multiset or map. */
  public static final int MAX = 1 << 22;

  private ValueSize() {}

  /** Thrown by a checkpoint that met a value past {@link #MAX}. */
  public static final class TooLarge extends java.util.concurrent.CancellationException {
    private static final long serialVersionUID = 1L;

    TooLarge(String message) {
      super(message);
    }
  }

  /** Checks a row as Calcite's enumerables hold it: an Object[] or, for one column, the value. */
  static void check(Object row, String where) {
    if (row instanceof Object[] fields) {
      for (Object field : fields) {
        checkValue(field, where);
      }
    } else {
      checkValue(row, where);
    }
  }

  private static void checkValue(Object value, String where) {
    // Most values are numbers, dates or null: answered before the interface checks, which cost
    // more.
    if (value == null || value instanceof Number || value instanceof Boolean) {
      return;
    }
    long size;
    if (value instanceof String s) {
      size = s.length();
    } else if (value instanceof ByteString b) {
      size = b.length();
    } else if (value instanceof byte[] b) {
      size = b.length;
    } else if (value instanceof Collection<?> c) {
      size = c.size();
    } else if (value instanceof Map<?, ?> m) {
      size = m.size();
    } else {
      return;
    }
    if (size > MAX) {
      throw new TooLarge(
          "a value of "
              + size
              + " characters, bytes or elements, built by "
              + where
              + ", is past the limit of "
              + MAX);
    }
  }
}
