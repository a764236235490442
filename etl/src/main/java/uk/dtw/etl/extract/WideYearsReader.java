package uk.dtw.etl.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.dtw.etl.rules.Problem;
import uk.dtw.etl.rules.Rule;
import uk.dtw.model.vocabulary.FinancialYear;
import uk.dtw.model.vocabulary.Words;

/**
 * Tables printed with one column per year: a funding profile (sources down, years across), a
 * targets table ("2007/08 Baseline, 2008/09, ..."), a prevalence table (drug groups down, years
 * across, maybe a % change). Each filled year cell becomes one canonical record; a row with no
 * figure in any year (a heading such as "Other (please list below)") is skipped with that reason.
 */
final class WideYearsReader implements LayoutReader {
  /** A target cell such as "1685 (3% from baseline)": the figure, then a remark in brackets. */
  private static final Pattern REMARK =
      Pattern.compile("^\\s*([\u00a3]?[0-9][0-9,]*(?:\\.[0-9]+)?)\\s*\\((.*)\\)\\s*$");

  private static final Pattern FROM_BASELINE =
      Pattern.compile("^\\s*(-?[0-9.]+)\\s*%\\s*from baseline\\s*$");

  /** Per kind: the column the row label fills and the column the year cells fill. */
  record Shape(String labelColumn, String valueColumn) {}

  static final Map<ExtractKind, Shape> SHAPES =
      Map.of(
          ExtractKind.FUNDING, new Shape("source", "amount_gbp"),
          ExtractKind.TARGETS, new Shape("measure", "value"),
          ExtractKind.PREVALENCE, new Shape("drug_group", "estimate"));

  @Override
  public boolean fits(List<HeaderCell> header, FileContext file) {
    return SHAPES.containsKey(file.kind())
        && header.stream().filter(HeaderCell::yearOnly).count() >= 2;
  }

  @Override
  public List<InputRow> read(
      Grid grid, List<HeaderCell> header, FileContext file, List<Problem> warnings) {
    List<HeaderCell> years = header.stream().filter(HeaderCell::yearOnly).toList();
    Optional<HeaderCell> area = LongReader.find(header, file.areaColumn());
    HeaderCell label =
        header.stream()
            .filter(
                h ->
                    !h.yearOnly()
                        && !h.derived()
                        && !h.ignored()
                        && !file.areaColumn().equals(h.column()))
            .findFirst()
            .orElse(null);
    Shape shape = SHAPES.get(file.kind());
    String valueColumn = valueColumn(file, label == null ? "" : label.raw());
    header.stream()
        .filter(h -> h != label && !file.areaColumn().equals(h.column()))
        .forEach(h -> HeaderNotes.warnAboutColumns(List.of(h), file, warnings));
    String fixedArea = area.isPresent() ? null : file.place().folder().orElse(null);
    String problem = headerProblem(years, area.isPresent() || fixedArea != null, label);
    List<InputRow> rows = new ArrayList<>();
    for (Grid.GridRow r : grid.rows()) {
      InputRow done = Layouts.unreadableOrBlank(grid, r);
      if (done != null) {
        rows.add(done);
        continue;
      }
      InputRow row = new InputRow(r.row(), grid.recordJson(r));
      rows.add(row);
      String text = label == null ? "" : r.cell(label.index()).trim();
      if (problem != null) {
        row.problem(null, Rule.LAYOUT, problem);
      } else if (years.stream().allMatch(y -> r.cell(y.index()).isBlank())) {
        row.skip("no figure in any year: a heading or empty line ('" + text + "')");
      } else {
        for (HeaderCell y : years) {
          String cell = valueOf(r, y, years, row);
          if (cell.isBlank()) {
            continue;
          }
          Map<String, String> rec = new LinkedHashMap<>();
          rec.put(file.areaColumn(), area.map(a -> r.cell(a.index())).orElse(fixedArea));
          rec.put("period", y.period());
          rec.put(shape.labelColumn(), text);
          rec.put(valueColumn, cell);
          if (file.kind() == ExtractKind.TARGETS) {
            rec.put("kind", y.baseline() ? "baseline" : "target");
          }
          row.record(rec);
        }
        DerivedColumns.check(r, header, row);
      }
    }
    return rows;
  }

  /**
   * The column the year cells fill: the rate per 1,000 when a prevalence table's label header says
   * "rate".
   */
  static String valueColumn(FileContext file, String labelHeader) {
    return file.kind() == ExtractKind.PREVALENCE && Words.key(labelHeader).contains("rate")
        ? "rate_per_1000"
        : SHAPES.get(file.kind()).valueColumn();
  }

  /** Why no row of the file can be read this way, or null. */
  private static String headerProblem(List<HeaderCell> years, boolean hasArea, HeaderCell label) {
    Map<Integer, HeaderCell> seen = new HashMap<>();
    for (HeaderCell y : years) {
      HeaderCell before = seen.put(FinancialYear.parse(y.period()).orElseThrow().startYear(), y);
      if (before != null) {
        return "the year "
            + y.period()
            + " heads two columns ('"
            + before.raw()
            + "' and '"
            + y.raw()
            + "'); put one area per row, with a partnership column";
      }
    }
    if (!hasArea) {
      return "the table has no partnership column and the file is not in a folder named after a partnership";
    }
    return label == null
        ? "the table has years across but no column naming what each row is"
        : null;
  }

  /**
   * The year cell's figure; "1685 (3% from baseline)" gives 1685, its remark checked against the
   * baseline.
   */
  static String valueOf(Grid.GridRow r, HeaderCell year, List<HeaderCell> years, InputRow row) {
    String cell = r.cell(year.index());
    Matcher m = REMARK.matcher(cell);
    if (!m.matches()) {
      return cell;
    }
    Matcher pct = FROM_BASELINE.matcher(m.group(2));
    Optional<HeaderCell> baseline = years.stream().filter(HeaderCell::baseline).findFirst();
    if (pct.matches() && baseline.isPresent()) {
      DerivedCheck.change(r.cell(baseline.get().index()), m.group(1), pct.group(1))
          .ifPresent(
              msg -> row.problem(CsvExtract.normaliseHeader(year.raw()), Rule.DERIVED_CHECK, msg));
    } else {
      row.warn(
          CsvExtract.normaliseHeader(year.raw()),
          Rule.REMARK_NOT_LOADED,
          "'" + cell.trim() + "' read as " + m.group(1) + "; the remark in brackets is not loaded");
    }
    return m.group(1);
  }
}
