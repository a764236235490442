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

  /**
   * Who may read this layer's tables unless a table says otherwise: the star schema is for
   * analysts; rows as read, rows held back and load bookkeeping name files and people, so only
   * admins read them.
   */
  public Role readBy() {
    return this == GOLD ? Role.ANALYST : Role.ADMIN;
  }

  public String folder() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
