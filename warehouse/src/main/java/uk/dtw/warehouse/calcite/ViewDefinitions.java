package uk.dtw.warehouse.calcite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import uk.dtw.warehouse.WarehouseException;

/**
 * The SQL views of the semantic layer, read from the classpath: every {@code views/views.list}
 * names views one per line ({@code #} starts a comment), each defined by {@code views/<name>.sql}.
 *
 * <p>A list rather than a directory scan because a jar cannot be listed; every list on the
 * classpath counts, so tests (or a plug-in jar) add views beside the product's own.
 */
public final class ViewDefinitions {
  static final String LIST = "views/views.list";

  private ViewDefinitions() {}

  /**
   * View name to SELECT text, every view after the views it reads: the lists come in classpath
   * order (model's shared views and warehouse's own), and an engine that binds a view when it is
   * created (DuckDB in the tests) needs what it reads to exist first.
   */
  public static Map<String, String> load(ClassLoader loader) {
    Map<String, String> listed = listed(loader);
    Map<String, String> ordered = new LinkedHashMap<>();
    listed.keySet().forEach(name -> addAfterDependencies(name, listed, ordered, new HashSet<>()));
    return ordered;
  }

  private static void addAfterDependencies(
      String name, Map<String, String> listed, Map<String, String> ordered, Set<String> path) {
    if (ordered.containsKey(name)) {
      return;
    }
    if (!path.add(name)) {
      throw new IllegalStateException("views read each other in a circle: " + path);
    }
    for (String other : listed.keySet()) {
      if (!other.equals(name)
          && Pattern.compile("(?i)\\b(FROM|JOIN)\\s+" + other + "\\b")
              .matcher(listed.get(name).replaceAll("--[^\\n]*", ""))
              .find()) {
        addAfterDependencies(other, listed, ordered, path);
      }
    }
    ordered.put(name, listed.get(name));
  }

  private static Map<String, String> listed(ClassLoader loader) {
    Map<String, String> views = new LinkedHashMap<>();
    try {
      for (URL list : Collections.list(loader.getResources(LIST))) {
        for (String line : read(list).split("\\R")) {
          String name = line.replaceFirst("#.*", "").strip();
          if (!name.isEmpty() && !views.containsKey(name)) {
            views.put(name, sql(loader, name));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return views;
  }

  private static String sql(ClassLoader loader, String name) throws IOException {
    String resource = "views/" + name + ".sql";
    URL url = loader.getResource(resource);
    if (url == null) {
      throw WarehouseException.missingView(name, resource);
    }
    // Calcite's parser takes one statement without a terminator; "--" comments it skips itself.
    return read(url).strip().replaceFirst(";$", "");
  }

  private static String read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
