// Funding by source over the years for a partnership, a region or England: stacked lines, totals
// computed from the lines beside the printed totals (differences flagged, never corrected), the
// year-on-year change, and lines amalgamated into another shown as such.
import { frame } from "./layout.js";
import { choice, choices, clearError, downloads, fillSelect, getJson, remember, reportTable, showError } from "./app.js";
import { figure } from "./format.js";
import { stacked } from "./charts.js";
import { openProvenance } from "./provenance.js";

frame();
const $ = (id) => document.getElementById(id);
const available = await choices().catch((e) => { showError($("error"), e); throw e; });
fillSelect($("scope"), [{ value: "partnership", label: "A partnership" }, { value: "region", label: "A region" },
  { value: "england", label: "England" }], choice("scope", "partnership"));

function areas() {
  const scope = $("scope").value;
  $("area").disabled = scope === "england";
  const names = scope === "region" ? available.regions : scope === "partnership" ? available.partnerships.map((p) => p.partnership) : [];
  const fallback = scope === "region" ? "North East" : "Gateshead";
  fillSelect($("area"), names, choice("area", names.includes(fallback) ? fallback : names[0]));
}

async function show() {
  const scope = $("scope").value;
  const area = $("area").value;
  remember({ scope, area: scope === "england" ? "" : area });
  const params = scope === "england" ? { scope: "england" } : { [scope]: area };
  clearError($("error"));
  let report;
  try {
    report = await getJson("funding", params);
  } catch (e) {
    showError($("error"), e);
    return;
  }
  const name = scope === "england" ? "England" : area;
  const growth = report.growth[0];
  $("summary").textContent = growth
    ? `${name}: ${figure(growth.first_total_gbp, "x_gbp")} in ${growth.first_period} to ${figure(growth.last_total_gbp, "x_gbp")} in ${growth.last_period}, ` +
      `${figure(growth.cagr_pct, "x_pct")} a year compounded.`
    : `${name}: no funding profile loaded.`;
  const periods = [...new Set(report.lines.map((l) => l.period))];
  const sources = [...new Set(report.lines.filter((l) => l.amount_gbp !== null).map((l) => l.source_name))];
  stacked($("chart"), {
    title: `${name}: funding by source (£)`,
    unit: "gbp",
    periods,
    parts: sources.map((s) => ({
      name: s,
      values: periods.map((p) => {
        const line = report.lines.find((l) => l.period === p && l.source_name === s);
        return line ? line.amount_gbp : null;
      }),
    })),
  });
  downloads($("totals-downloads"), "funding", params, "totals");
  downloads($("lines-downloads"), "funding", params, "lines");
  const provenance = scope === "partnership"
    ? (row, column) => openProvenance({ partnership: area, period: row.period,
        figure: column === "amount_gbp" ? "funding:" + row.source_code : column })
    : undefined;
  const totals = reportTable($("totals"), report.columns.totals, report.totals, { onFigure: provenance });
  totals.on("tableBuilt", () => flagDifferences(totals));
  const lines = report.lines.map((l) => ({ ...l, note: l.amalgamated_into ? `amalgamated into ${l.amalgamated_into}` + (l.note ? ` (“${l.note}”)` : "") : l.note }));
  reportTable($("lines"), report.columns.lines, lines, { onFigure: provenance });
}

/** A printed total that differs from the sum of its lines is shown as found, and flagged. */
function flagDifferences(table) {
  for (const row of table.getRows()) {
    if (row.getData().total_matches === false) {
      for (const field of ["difference_gbp", "reported_total_gbp"]) {
        const cell = row.getCell(field);
        if (cell) {
          cell.getElement().classList.add("flag");
          cell.getElement().title = "The printed total differs from the sum of the lines";
        }
      }
    }
  }
}

$("scope").addEventListener("change", areas);
$("choices").addEventListener("submit", (e) => { e.preventDefault(); show(); });
areas();
show();
