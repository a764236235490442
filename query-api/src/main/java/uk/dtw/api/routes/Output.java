package uk.dtw.api.routes;

import io.javalin.http.Context;
import java.util.ArrayList;
import uk.dtw.api.disclosure.Disclosure;
import uk.dtw.api.disclosure.DisclosureConfig;
import uk.dtw.api.disclosure.Families;
import uk.dtw.api.disclosure.PublicOutput;
import uk.dtw.api.errors.Errors;
import uk.dtw.api.formats.CsvOut;
import uk.dtw.api.formats.Format;
import uk.dtw.api.formats.JsonOut;
import uk.dtw.api.formats.XlsxOut;
import uk.dtw.api.reports.Rankings;
import uk.dtw.api.reports.Report;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.api.sql.Table;

/**
 * How a request wants its answer: {@code ?format=json|csv|xlsx} and, for CSV and Excel, {@code
 * ?table=} to pick one of a report's tables (default: its main table). Read before any work so bad
 * values fail fast.
 */
final class Output {
  private final Format format;
  private final String table;

  private Output(Format format, String table) {
    this.format = format;
    this.table = table;
  }

  static Output of(Context ctx) {
    return new Output(Format.parse(ctx.queryParam("format")), Params.optional(ctx, "table"));
  }

  Format format() {
    return format;
  }

  /** The disclosure rule every named report passes through on its way out (docs/disclosure.md). */
  static final Disclosure DISCLOSURE = new Disclosure(DisclosureConfig.fromSystemProperties());

  /**
   * What a ranking may rank for this request: every value, or for public output only the values
   * disclosure control lets it show (the others are left out, so no rank places them).
   */
  static Rankings.Withholding ranked(Context ctx, Snapshot snapshot) {
    return PublicOutput.of(ctx)
        ? DISCLOSURE.rankedValues(() -> Families.cached(snapshot, DISCLOSURE.config()))
        : Rankings.Withholding.NONE;
  }

  /** The report in the asked-for format, through disclosure control when the output is public. */
  void send(Context ctx, Report computed, Snapshot snapshot) {
    long version = snapshot.version();
    Report report =
        DISCLOSURE.apply(
            computed, PublicOutput.of(ctx), () -> Families.cached(snapshot, DISCLOSURE.config()));
    // A table the report does not have is a mistake in any format, not only in CSV.
    String name = table == null ? report.mainTable() : table;
    Table chosen = report.tables().get(name);
    if (chosen == null) {
      throw Errors.unknownValue("table", table, new ArrayList<>(report.tables().keySet()));
    }
    if (format == Format.JSON) {
      json(ctx, JsonOut.shape(report, version));
      return;
    }
    table(ctx, format, report.name() + "_" + name, chosen);
  }

  /** One table as CSV or as an Excel workbook, named for the browser that saves it. */
  static void table(Context ctx, Format format, String name, Table table) {
    String file = name.replaceAll("[^A-Za-z0-9_.-]", "_");
    if (format == Format.XLSX) {
      ctx.header("Content-Disposition", "attachment; filename=\"" + file + ".xlsx\"");
      ctx.contentType(Format.XLSX.contentType()).result(XlsxOut.write(name, table));
      return;
    }
    ctx.header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"");
    csv(ctx, table);
  }

  static void json(Context ctx, Object body) {
    ctx.contentType(Format.JSON.contentType()).result(JsonOut.write(body));
  }

  static void csv(Context ctx, Table table) {
    ctx.contentType(Format.CSV.contentType()).result(CsvOut.write(table));
  }
}
