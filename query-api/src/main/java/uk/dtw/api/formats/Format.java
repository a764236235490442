package uk.dtw.api.formats;

import java.util.List;
import java.util.Locale;
import uk.dtw.api.errors.Errors;

/** The response formats a report can be rendered in. */
public enum Format {
  JSON("application/json"),
  CSV("text/csv; charset=utf-8"),
  XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final String contentType;

  Format(String contentType) {
    this.contentType = contentType;
  }

  public String contentType() {
    return contentType;
  }

  /** The format a {@code format} query parameter asks for; JSON when absent. */
  public static Format parse(String value) {
    if (value == null || value.isBlank()) {
      return JSON;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "json" -> JSON;
      case "csv" -> CSV;
      case "xlsx" -> XLSX;
      default -> throw Errors.unknownValue("format", value, List.of("json", "csv", "xlsx"));
    };
  }
}
