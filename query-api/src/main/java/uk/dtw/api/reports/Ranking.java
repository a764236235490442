package uk.dtw.api.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** Standard competition ranking ("1224"): equal values share a rank and the next rank skips. */
public final class Ranking {
  private Ranking() {}

  /** One item with its rank. */
  public record Ranked<T>(int rank, T item) {}

  /** Items high to low by value (ties in {@code tieOrder}, e.g. by name, so output is stable). */
  public static <T> List<Ranked<T>> descending(
      List<T> items, ToDoubleFunction<T> value, Function<T, String> tieOrder) {
    return rank(items, value, tieOrder, true);
  }

  /**
   * Items ordered by value, high to low when {@code descending}, else low to high, with their
   * ranks.
   */
  public static <T> List<Ranked<T>> rank(
      List<T> items, ToDoubleFunction<T> value, Function<T, String> tieOrder, boolean descending) {
    Comparator<T> byValue = Comparator.comparingDouble(value);
    List<T> sorted = new ArrayList<>(items);
    sorted.sort(
        (descending ? byValue.reversed() : byValue)
            .thenComparing(tieOrder, Comparator.nullsLast(Comparator.naturalOrder())));
    List<Ranked<T>> ranked = new ArrayList<>(sorted.size());
    for (int i = 0; i < sorted.size(); i++) {
      boolean tied =
          i > 0
              && Double.compare(
                      value.applyAsDouble(sorted.get(i)), value.applyAsDouble(sorted.get(i - 1)))
                  == 0;
      int rank = tied ? ranked.get(i - 1).rank() : i + 1;
      ranked.add(new Ranked<>(rank, sorted.get(i)));
    }
    return ranked;
  }
}
