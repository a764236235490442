package uk.dtw.etl.extract;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Checks a percentage a plan printed (a % change, a penetration) against the figures it was worked
 * out from. All three were rounded before printing, so the check allows for the rounding of each:
 * Hampshire's rates 3.72 → 3.86 printed with a 3.71% change agree, because rates that round to 3.72
 * and 3.86 (3.715-3.725, 3.855-3.865) give anything from a 3.49% to a 4.04% rise.
 */
final class DerivedCheck {
  private DerivedCheck() {}

  /**
   * A printed % change from {@code from} to {@code to}; empty when it agrees or cannot be checked.
   */
  static Optional<String> change(String from, String to, String printed) {
    Range a = Range.of(from);
    Range b = Range.of(to);
    Range p = Range.of(printed);
    if (a == null || b == null || p == null || a.lo <= 0) {
      return Optional.empty();
    }
    double lo = (b.lo / a.hi - 1) * 100;
    double hi = (b.hi / a.lo - 1) * 100;
    return overlaps(lo, hi, p)
        ? Optional.empty()
        : Optional.of(
            String.format(
                "the printed change '%s' does not follow from %s to %s (that is %.2f%%)",
                printed.trim(), from.trim(), to.trim(), (b.mid / a.mid - 1) * 100));
  }

  /**
   * A printed share {@code part} of {@code whole}, as a percentage; empty when it agrees or cannot
   * be checked.
   */
  static Optional<String> share(String part, String whole, String printed) {
    Range a = Range.of(part);
    Range b = Range.of(whole);
    Range p = Range.of(printed);
    if (a == null || b == null || p == null || b.lo <= 0) {
      return Optional.empty();
    }
    double lo = a.lo / b.hi * 100;
    double hi = a.hi / b.lo * 100;
    return overlaps(lo, hi, p)
        ? Optional.empty()
        : Optional.of(
            String.format(
                "the printed '%s' does not follow from %s of %s (that is %.2f%%)",
                printed.trim(), part.trim(), whole.trim(), a.mid / b.mid * 100));
  }

  private static boolean overlaps(double lo, double hi, Range p) {
    double slack = 1e-9;
    return p.hi >= lo - slack && p.lo <= hi + slack;
  }

  /** A printed number as the interval of values that round to it. */
  private record Range(double lo, double mid, double hi) {
    static Range of(String text) {
      String s =
          text == null ? "" : text.replace(",", "").replace("%", "").replace("\u00a3", "").trim();
      if (!s.matches("-?\\d+(\\.\\d+)?")) {
        return null;
      }
      BigDecimal d = new BigDecimal(s);
      double half = 0.5 * Math.pow(10, -Math.max(0, d.scale()));
      return new Range(d.doubleValue() - half, d.doubleValue(), d.doubleValue() + half);
    }
  }
}
