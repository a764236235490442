package uk.dtw.warehouse.delta;

import java.util.List;

/**
 * A row condition in the warehouse's own terms (column names of a {@code TableDef}, values as
 * {@link BatchRows} reads them), for the reader to hand to Delta Kernel so that it skips files.
 *
 * <p>It only prunes: rows of the files kept still need the query's own filter. {@link #UNKNOWN}
 * stands for a condition with no translation; the reader treats it as "may be true".
 */
public sealed interface ScanFilter {
  /** A condition nothing is known about. */
  ScanFilter UNKNOWN = new Unknown();

  /** {@code column op value}, op one of =, <, <=, >, >=; the value is never null. */
  record Compare(String column, String op, Object value) implements ScanFilter {
    public Compare {
      if (!List.of("=", "<", "<=", ">", ">=").contains(op) || value == null) {
        throw new IllegalArgumentException("not a comparison: " + column + " " + op + " " + value);
      }
    }
  }

  /** {@code column IS NULL}. */
  record IsNull(String column) implements ScanFilter {}

  /** SQL NOT, under three-valued logic. */
  record Not(ScanFilter operand) implements ScanFilter {}

  record And(List<ScanFilter> operands) implements ScanFilter {
    public And {
      operands = List.copyOf(operands);
    }
  }

  record Or(List<ScanFilter> operands) implements ScanFilter {
    public Or {
      operands = List.copyOf(operands);
    }
  }

  /** See {@link #UNKNOWN}. */
  record Unknown() implements ScanFilter {}
}
