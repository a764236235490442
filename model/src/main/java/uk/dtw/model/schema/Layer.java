package uk.dtw.model.schema;

/** Where a table sits in the data flow; also the sub-folder of the warehouse that holds it. */
public enum Layer {
  /** Every input row as read. */
  BRONZE,
  /** Rows held back, with the rule and the reason. */
  QUARANTINE,
  /** The star schema: conformed dimensions and facts. */
  GOLD,
  /** Load bookkeeping: which files, which loads, which table versions. */
  META;

  public String folder() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
