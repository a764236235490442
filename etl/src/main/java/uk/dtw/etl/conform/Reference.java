package uk.dtw.etl.conform;

import uk.dtw.model.reference.AreaDirectory;

/** The reference data conformers match against, built once per JVM (driver or executor). */
final class Reference {
  private Reference() {}

  private static final class Holder {
    static final AreaDirectory AREAS = AreaDirectory.load();
  }

  static AreaDirectory areas() {
    return Holder.AREAS;
  }
}
