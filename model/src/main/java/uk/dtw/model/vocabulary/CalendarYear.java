package uk.dtw.model.vocabulary;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/** A calendar year, January to December, as registrations such as deaths are counted. */
public record CalendarYear(int year) implements Period {
  private static final Pattern FORM = Pattern.compile("(19|20)\\d\\d");

  public static Optional<CalendarYear> parse(String text) {
    if (text == null || !FORM.matcher(text.strip()).matches()) {
      return Optional.empty();
    }
    return Optional.of(new CalendarYear(Integer.parseInt(text.strip())));
  }

  @Override
  public String code() {
    return Integer.toString(year);
  }

  @Override
  public LocalDate startDate() {
    return LocalDate.of(year, 1, 1);
  }

  @Override
  public LocalDate endDate() {
    return LocalDate.of(year, 12, 31);
  }

  @Override
  public CalendarYear previous() {
    return new CalendarYear(year - 1);
  }

  @Override
  public String toString() {
    return code();
  }
}
