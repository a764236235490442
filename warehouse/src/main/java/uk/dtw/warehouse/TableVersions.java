package uk.dtw.warehouse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parser for meta_load's {@code table_versions}: a flat JSON object of table path to Delta version.
 *
 * <p>Hand-written rather than Jackson because the etl module inherits this module's dependencies
 * and the format is ours and tiny: {@code {"gold/fact_treatment": 3, "meta/meta_file": 0}}. Keys
 * may use JSON escapes; values must be whole non-negative numbers. Anything else is an error.
 */
final class TableVersions {
  private final String json;
  private int pos;

  private TableVersions(String json) {
    this.json = json;
  }

  /** Table path to version; an empty map for null or blank text (a load that listed nothing). */
  static Map<String, Long> parse(String json) {
    Map<String, Long> versions = new LinkedHashMap<>();
    if (json == null || json.isBlank()) {
      return versions;
    }
    TableVersions p = new TableVersions(json);
    p.expect('{');
    if (!p.peek('}')) {
      do {
        String key = p.string();
        p.expect(':');
        versions.put(key, p.number());
      } while (p.peek(','));
      p.expect('}');
    }
    p.skipSpace();
    if (p.pos != json.length()) {
      throw WarehouseException.badTableVersions(json, "text after the closing brace");
    }
    return versions;
  }

  private String string() {
    expect('"');
    StringBuilder s = new StringBuilder();
    while (pos < json.length() && json.charAt(pos) != '"') {
      char c = json.charAt(pos++);
      if (c == '\\' && pos < json.length()) {
        char e = json.charAt(pos++);
        if (e == 'u' && pos + 4 <= json.length()) {
          c = (char) Integer.parseInt(json.substring(pos, pos + 4), 16);
          pos += 4;
        } else {
          c =
              switch (e) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                case 'b' -> '\b';
                case 'f' -> '\f';
                default -> e;
              };
        }
      }
      s.append(c);
    }
    expect('"');
    return s.toString();
  }

  private long number() {
    skipSpace();
    int start = pos;
    while (pos < json.length() && Character.isDigit(json.charAt(pos))) {
      pos++;
    }
    if (start == pos) {
      throw WarehouseException.badTableVersions(
          json, "expected a whole number at character " + start);
    }
    return Long.parseLong(json.substring(start, pos));
  }

  /** Consumes {@code c} if it comes next (after white space). */
  private boolean peek(char c) {
    skipSpace();
    if (pos < json.length() && json.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw WarehouseException.badTableVersions(json, "expected '" + c + "' at character " + pos);
    }
  }

  private void skipSpace() {
    while (pos < json.length() && Character.isWhitespace(json.charAt(pos))) {
      pos++;
    }
  }
}
