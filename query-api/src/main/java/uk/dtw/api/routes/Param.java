package uk.dtw.api.routes;

import java.util.List;

/**
 * One query parameter of an endpoint, as the OpenAPI description tells it: {@code values} is the
 * closed set it accepts (empty when open), {@code example} a value that works on the sample data.
 */
public record Param(
    String name,
    boolean required,
    String type,
    List<String> values,
    String example,
    String description) {

  public Param {
    values = List.copyOf(values);
  }

  static Param required(String name, String example, String description) {
    return new Param(name, true, "string", List.of(), example, description);
  }

  static Param optional(String name, String example, String description) {
    return new Param(name, false, "string", List.of(), example, description);
  }

  static Param integer(String name, String example, String description) {
    return new Param(name, false, "integer", List.of(), example, description);
  }

  static Param oneOf(String name, List<String> values, String description) {
    return new Param(name, false, "string", values, values.get(0), description);
  }
}
