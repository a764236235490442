package uk.dtw.etl.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.dtw.etl.rules.Problem;
import uk.dtw.etl.rules.Rule;
import uk.dtw.model.vocabulary.FinancialYear;

/**
 * Tables that put areas side by side under two header rows, as Hampshire's plan prints its
 * prevalence (seed 001, Fig. 1): the first row names each area over the columns up to the next
 * name; the second gives that area's years and derived columns (a % change).
 *
 * <pre>
 * Individuals,Hampshire,,,South East,,
 * ,2007-8,2008-9,%'age change,2007-8,2008-9,%'age change
 * Total PDU's,"3,065","3,197",4.31%,"30,309","31,565",4.14%
 * </pre>
 *
 * Each area's columns are read as {@link WideYearsReader} reads a one-area table: one record per
 * filled year, derived columns checked within that area and never loaded. The second header row is
 * consumed, not a data row: data rows keep their spreadsheet numbers (the first is row 3), and
 * bronze keeps each as read, keyed by both header rows ("Hampshire 2008-9").
 */
final class SideBySideAreasReader implements LayoutReader {

  /** One area's columns: the area's name, where its name is, and the column after its last. */
  private record Group(String area, int from, int to) {}

  @Override
  public boolean fits(List<HeaderCell> header, FileContext file) {
    return false;
  }

  @Override
  public boolean fits(Grid grid, List<HeaderCell> header, FileContext file) {
    if (!WideYearsReader.SHAPES.containsKey(file.kind())
        || header.size() < 3
        || grid.rows().isEmpty()) {
      return false;
    }
    boolean blankBetween = false;
    for (HeaderCell h : header.subList(1, header.size())) {
      if (h.raw().isBlank()) {
        blankBetween = true;
      } else if (h.column() != null || h.period() != null || h.baseline()) {
        return false;
      }
    }
    if (header.get(1).raw().isBlank() || !blankBetween || header.get(0).period() != null) {
      return false;
    }
    Grid.GridRow second = grid.rows().get(0);
    if (second.parseError() != null || second.row() != 2) {
      return false;
    }
    List<HeaderCell> sub = secondRow(second, file, header.size());
    for (Group g : groups(header, sub.size())) {
      long years = sub.subList(g.from(), g.to()).stream().filter(HeaderCell::yearOnly).count();
      boolean others =
          sub.subList(g.from(), g.to()).stream()
              .anyMatch(h -> !h.raw().isBlank() && !h.yearOnly() && !h.derived() && !h.ignored());
      if (years == 0 || others) {
        return false;
      }
    }
    return sub.stream().filter(HeaderCell::yearOnly).count() >= 2;
  }

  @Override
  public List<InputRow> read(
      Grid grid, List<HeaderCell> header, FileContext file, List<Problem> warnings) {
    Grid.GridRow second = grid.rows().get(0);
    int width =
        Math.max(
            header.size(), grid.rows().stream().mapToInt(r -> r.cells().size()).max().orElse(0));
    List<HeaderCell> sub = secondRow(second, file, width);
    List<Group> groups = groups(header, width);
    String labelHeader = header.get(0).raw().isBlank() ? second.cell(0) : header.get(0).raw();
    WideYearsReader.Shape shape = WideYearsReader.SHAPES.get(file.kind());
    String valueColumn = WideYearsReader.valueColumn(file, labelHeader);
    List<Problem> notes = new ArrayList<>();
    HeaderNotes.warnAboutColumns(sub.subList(1, sub.size()), file, notes);
    notes.stream().distinct().forEach(warnings::add);
    Map<Group, String> problems = new LinkedHashMap<>();
    groups.forEach(
        g -> {
          String p = groupProblem(g, sub);
          if (p != null) {
            problems.put(g, p);
          }
        });
    Grid asRead =
        new Grid(bothHeaderRows(header, sub, groups, labelHeader), grid.rows(), grid.warnings());
    List<InputRow> rows = new ArrayList<>();
    for (Grid.GridRow r : grid.rows().subList(1, grid.rows().size())) {
      InputRow done = Layouts.unreadableOrBlank(asRead, r);
      if (done != null) {
        rows.add(done);
        continue;
      }
      InputRow row = new InputRow(r.row(), asRead.recordJson(r));
      rows.add(row);
      String text = r.cell(0).trim();
      if (!problems.isEmpty()) {
        problems.forEach((g, p) -> row.problem(g.area(), Rule.LAYOUT, p));
        continue;
      }
      if (sub.stream().filter(HeaderCell::yearOnly).allMatch(y -> r.cell(y.index()).isBlank())) {
        row.skip("no figure in any year for any area: a heading or empty line ('" + text + "')");
        continue;
      }
      for (Group g : groups) {
        Grid.GridRow only = within(r, g);
        List<HeaderCell> years =
            sub.subList(g.from(), g.to()).stream().filter(HeaderCell::yearOnly).toList();
        for (HeaderCell y : years) {
          String cell = WideYearsReader.valueOf(only, y, years, row);
          if (cell.isBlank()) {
            continue;
          }
          Map<String, String> rec = new LinkedHashMap<>();
          rec.put(file.areaColumn(), g.area());
          rec.put("period", y.period());
          rec.put(shape.labelColumn(), text);
          rec.put(valueColumn, cell);
          if (file.kind() == ExtractKind.TARGETS) {
            rec.put("kind", y.baseline() ? "baseline" : "target");
          }
          row.record(rec);
        }
        int before = row.problems.size();
        DerivedColumns.check(only, sub, row);
        for (int i = before; i < row.problems.size(); i++) {
          Problem p = row.problems.get(i);
          row.problems.set(
              i, new Problem(g.area() + " " + p.column(), p.rule(), g.area() + ": " + p.message()));
        }
      }
    }
    return rows;
  }

  /** The second header row as header cells, numbered by column. */
  private static List<HeaderCell> secondRow(Grid.GridRow second, FileContext file, int width) {
    List<HeaderCell> sub = new ArrayList<>();
    sub.add(HeaderCell.of(0, "", file.known()));
    for (int i = 1; i < Math.max(width, second.cells().size()); i++) {
      sub.add(HeaderCell.of(i, second.cell(i), file.known()));
    }
    return sub;
  }

  /** Each area named in the first header row spans the columns up to the next name. */
  private static List<Group> groups(List<HeaderCell> header, int width) {
    List<Group> groups = new ArrayList<>();
    for (int i = 1; i < header.size(); i++) {
      if (header.get(i).raw().isBlank()) {
        continue;
      }
      int to = i + 1;
      while (to < header.size() && header.get(to).raw().isBlank()) {
        to++;
      }
      groups.add(
          new Group(header.get(i).raw().trim(), i, to < header.size() ? to : Math.max(to, width)));
    }
    return groups;
  }

  /** Why the area's columns cannot be read, or null. */
  private static String groupProblem(Group g, List<HeaderCell> sub) {
    Set<Integer> seen = new HashSet<>();
    for (HeaderCell y : sub.subList(g.from(), g.to())) {
      if (y.yearOnly() && !seen.add(FinancialYear.parse(y.period()).orElseThrow().startYear())) {
        return "the year "
            + y.period()
            + " heads two of "
            + g.area()
            + "'s columns; give each area each year once";
      }
    }
    return null;
  }

  /**
   * The row with only this area's cells (and the label): derived columns are checked within the
   * area.
   */
  private static Grid.GridRow within(Grid.GridRow r, Group g) {
    List<String> cells = new ArrayList<>(Collections.nCopies(r.cells().size(), ""));
    for (int i = 0; i < r.cells().size(); i++) {
      if (i == 0 || (i >= g.from() && i < g.to())) {
        cells.set(i, r.cell(i));
      }
    }
    return new Grid.GridRow(r.row(), cells, r.parseError());
  }

  /**
   * Bronze's keys: "Individuals", "Hampshire 2007-8", "Hampshire %'age change", "South East
   * 2007-8", ...
   */
  private static List<String> bothHeaderRows(
      List<HeaderCell> header, List<HeaderCell> sub, List<Group> groups, String label) {
    List<String> names = new ArrayList<>();
    names.add(label);
    for (int i = 1; i < sub.size(); i++) {
      String area = "";
      for (Group g : groups) {
        if (i >= g.from() && i < g.to()) {
          area = g.area();
        }
      }
      names.add((area + " " + sub.get(i).raw().trim()).trim());
    }
    return names;
  }
}
