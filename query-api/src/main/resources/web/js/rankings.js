// The ranking table like the plans print it, for a measure, a period and England or a region.
import { frame } from "./layout.js";
import { choice, choices, clearError, downloads, fillSelect, getJson, remember, reportTable, showError } from "./app.js";
import { barsWithIntervals } from "./charts.js";
import { openProvenance } from "./provenance.js";

frame();
const $ = (id) => document.getElementById(id);
const available = await choices().catch((e) => { showError($("error"), e); throw e; });

fillSelect($("measure"), available.measures.map((m) => ({ value: m.measure, label: m.measure.replace(/_/g, " ") })),
  choice("measure", "penetration"));
const periods = [...available.periods].reverse();
fillSelect($("period"), periods, choice("period", periods[0]));
fillSelect($("region"), [{ value: "", label: "England" }, ...available.regions], choice("region", ""));
fillSelect($("highlight"), [{ value: "", label: "(none)" }, ...available.partnerships.map((p) => p.partnership)],
  choice("highlight", ""));

function measureInfo() {
  return available.measures.find((m) => m.measure === $("measure").value);
}

function showBaseline() {
  const takes = measureInfo() && measureInfo().takes_baseline;
  $("baseline-label").hidden = !takes;
  if (takes) {
    const before = periods.filter((p) => p < $("period").value);
    fillSelect($("baseline"), [{ value: "", label: "(year before)" }, ...before], choice("baseline", ""));
  }
}

async function show() {
  const params = {
    measure: $("measure").value,
    period: $("period").value,
    region: $("region").value,
    baseline: measureInfo() && measureInfo().takes_baseline ? $("baseline").value : "",
  };
  remember({ ...params, highlight: $("highlight").value });
  clearError($("error"));
  let report;
  try {
    report = await getJson("rankings", params);
  } catch (e) {
    showError($("error"), e);
    $("rows").replaceChildren();
    $("left-out").replaceChildren();
    return;
  }
  const chosen = $("highlight").value;
  const valueUnit = report.units && report.units.value;
  $("definition").textContent = report.definition;
  $("order").textContent = `${report.ranked_of} ranked in ${report.region || "England"}, ${report.order}.`;
  $("table-title").textContent = `${report.measure.replace(/_/g, " ")}, ${report.period}, ${report.region || "England"}`;
  downloads($("downloads"), "rankings", params, "rows");
  downloads($("left-out-downloads"), "rankings", params, "left_out");
  reportTable($("rows"), report.columns.rows, report.rows, {
    units: { value: valueUnit },
    rowFormatter: (row) => row.getElement().classList.toggle("chosen", row.getData().partnership === chosen),
    onFigure: (row, column) => openProvenance({ partnership: row.partnership, period: report.period,
      figure: column === "value" ? report.measure : column, baseline: report.baseline }),
  });
  reportTable($("left-out"), report.columns.left_out, report.left_out, { placeholder: "Every partnership in scope has a value" });
  barsWithIntervals($("chart"), {
    title: `${report.measure.replace(/_/g, " ")} (${valueUnit})`,
    labels: report.rows.map((r) => r.partnership),
    values: report.rows.map((r) => r.value),
    lower: report.rows.map((r) => r.lower_95 ?? null),
    upper: report.rows.map((r) => r.upper_95 ?? null),
    unit: valueUnit,
    chosen,
  });
}

$("measure").addEventListener("change", showBaseline);
$("period").addEventListener("change", showBaseline);
$("choices").addEventListener("submit", (e) => { e.preventDefault(); show(); });
showBaseline();
show();
