package uk.dtw.api.disclosure;

/**
 * A cell withheld by disclosure control, kept in the table in place of its value so every format
 * can mark it: JSON writes null and lists the column in the row's {@code suppressed}, CSV and Excel
 * print the symbol. Never a number, so nothing can add it up as 0.
 */
public record Suppressed(String symbol) {
  @Override
  public String toString() {
    return symbol;
  }
}
