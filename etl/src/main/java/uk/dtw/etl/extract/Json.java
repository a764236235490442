package uk.dtw.etl.extract;

import java.util.Map;

/**
 * Writes maps, lists, strings, numbers and booleans as JSON: how bronze keeps a row exactly as read
 * and how the load report is saved. Small on purpose: Spark's Jackson is not ours to pin.
 */
public final class Json {
  private Json() {}

  public static String object(Map<String, ?> fields) {
    return value(new StringBuilder(), fields).toString();
  }

  private static StringBuilder value(StringBuilder out, Object v) {
    if (v == null) {
      return out.append("null");
    } else if (v instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.append(first ? "" : ",");
        first = false;
        string(out, String.valueOf(e.getKey())).append(':');
        value(out, e.getValue());
      }
      return out.append('}');
    } else if (v instanceof Iterable<?> list) {
      out.append('[');
      boolean first = true;
      for (Object item : list) {
        out.append(first ? "" : ",");
        first = false;
        value(out, item);
      }
      return out.append(']');
    } else if (v instanceof Number || v instanceof Boolean) {
      return out.append(v);
    }
    return string(out, String.valueOf(v));
  }

  private static StringBuilder string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"');
  }
}
