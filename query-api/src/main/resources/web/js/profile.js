// One partnership against its region and England: a spine chart of every measure for the year,
// penetration over the years with intervals and Fingertips' judgement, indicators, the Bull's eye
// rings and targets against actuals.
import { frame } from "./layout.js";
import { ApiError, choice, choices, clearError, downloads, fillSelect, getJson, remember, reportTable, showError, SUPPRESSED, suppressedIn } from "./app.js";
import { figure } from "./format.js";
import { linesWithBands, rings } from "./charts.js";
import { openProvenance } from "./provenance.js";

frame();
const $ = (id) => document.getElementById(id);
const available = await choices().catch((e) => { showError($("error"), e); throw e; });
const names = available.partnerships.map((p) => p.partnership);
fillSelect($("partnership"), names, choice("partnership", names.includes("Oxfordshire") ? "Oxfordshire" : names[0]));
const periods = [...available.periods].reverse();
fillSelect($("period"), periods, choice("period", periods.includes("2008-09") ? "2008-09" : periods[0]));

async function show() {
  const partnership = $("partnership").value;
  const period = $("period").value;
  remember({ partnership, period });
  clearError($("error"));
  await Promise.all([
    spine(partnership, period),
    trend(partnership),
    indicators(partnership, period),
    bullseye(partnership, period),
    targets(partnership),
  ]).catch((e) => showError($("error"), e));
}

function quantile(sorted, q) {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  return sorted[lo] + (sorted[Math.ceil(at)] - sorted[lo]) * (at - lo);
}

async function spine(partnership, period) {
  const body = $("spine").querySelector("tbody");
  body.replaceChildren();
  for (const m of available.measures) {
    const tr = document.createElement("tr");
    const name = document.createElement("th");
    name.scope = "row";
    name.textContent = m.measure.replace(/_/g, " ");
    tr.append(name);
    body.append(tr);
    let report;
    try {
      report = await getJson("rankings", { measure: m.measure, period });
    } catch (e) {
      cells(tr, [e instanceof ApiError ? "no values for " + period : e.message]);
      continue;
    }
    const unit = report.units && report.units.value;
    const row = report.rows.find((r) => r.partnership === partnership);
    const values = report.rows.map((r) => r.value).sort((a, b) => a - b);
    if (!row) {
      const out = report.left_out.find((r) => r.partnership === partnership);
      cells(tr, [out ? "left out: " + out.reason : "no value"]);
      continue;
    }
    const inRegion = report.rows.filter((r) => r.region === row.region);
    const regionRank = inRegion.filter((r) => (report.polarity === "low_is_good" ? r.value < row.value : r.value > row.value)).length + 1;
    const valueCell = document.createElement("button");
    valueCell.type = "button";
    valueCell.className = "secondary figure";
    valueCell.textContent = suppressedIn(row, "value") ? SUPPRESSED : figure(row.value, "", unit);
    valueCell.title = "Where this figure came from";
    valueCell.addEventListener("click", () => openProvenance({ partnership, period, figure: m.measure }));
    cells(tr, [valueCell, `${row.national_rank} of ${report.national_ranked_of}`, `${regionRank} of ${inRegion.length}`,
      figure(values[0], "", unit), figure(quantile(values, 0.5), "", unit), figure(values[values.length - 1], "", unit),
      spineSvg(values, row.value, report.polarity)]);
  }
}

function cells(tr, items) {
  for (const item of items) {
    const td = document.createElement("td");
    if (item instanceof Node) td.append(item);
    else td.textContent = item;
    if (items.length === 1) td.colSpan = 7;
    tr.append(td);
  }
}

/** Fingertips' spine: England's range, middle half and median, and the partnership's value. */
function spineSvg(sorted, value, polarity) {
  const width = 220, height = 18, lo = sorted[0], hi = sorted[sorted.length - 1];
  const flip = polarity === "low_is_good";
  const x = (v) => { const t = hi === lo ? 0.5 : (v - lo) / (hi - lo); return 4 + (flip ? 1 - t : t) * (width - 8); };
  const [q1, q3] = [x(quantile(sorted, 0.25)), x(quantile(sorted, 0.75))];
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("width", width);
  svg.setAttribute("height", height);
  svg.setAttribute("role", "img");
  const quartile = value >= quantile(sorted, 0.75) ? "in England's top quarter" : value <= quantile(sorted, 0.25) ? "in England's bottom quarter" : "in England's middle half";
  svg.setAttribute("aria-label", "value " + quartile);
  const add = (tag, attrs) => { const el = document.createElementNS(ns, tag); for (const k in attrs) el.setAttribute(k, attrs[k]); svg.append(el); };
  add("rect", { x: 4, y: 6, width: width - 8, height: 6, fill: "#d9d9d9" });
  add("rect", { x: Math.min(q1, q3), y: 4, width: Math.abs(q3 - q1), height: 10, fill: "#7a7a7a" });
  add("line", { x1: x(quantile(sorted, 0.5)), x2: x(quantile(sorted, 0.5)), y1: 1, y2: 17, stroke: "#1b1b1b", "stroke-width": 2 });
  add("circle", { cx: x(value), cy: 9, r: 6, fill: "#b35900", stroke: "#1b1b1b" });
  return svg;
}

async function trend(partnership) {
  const params = { partnership, period: available.periods.join(",") };
  const report = await getJson("penetration", params);
  const rows = report.rows;
  const periods = rows.map((r) => r.period);
  linesWithBands($("trend"), {
    title: "Penetration (%)",
    unit: "percent",
    periods,
    lines: [
      { name: partnership, values: rows.map((r) => r.penetration_pct), lower: rows.map((r) => r.penetration_lower_95), upper: rows.map((r) => r.penetration_upper_95) },
      { name: rows[0] ? rows[0].region : "Region", values: rows.map((r) => r.region_penetration_pct), lower: rows.map((r) => r.region_penetration_lower_95), upper: rows.map((r) => r.region_penetration_upper_95) },
      { name: "England", values: rows.map((r) => r.england_penetration_pct), lower: rows.map((r) => r.england_penetration_lower_95), upper: rows.map((r) => r.england_penetration_upper_95) },
    ],
  });
  downloads($("trend-downloads"), "penetration", params, "rows");
  const shown = ["period", "pdus_in_treatment", "pdu_estimate", "penetration_pct", "penetration_lower_95", "penetration_upper_95",
    "region_penetration_pct", "compared_with_region", "england_penetration_pct", "compared_with_england"];
  reportTable($("trend-table"), report.columns.rows.filter((c) => shown.includes(c.name)), rows, {
    units: { penetration_lower_95: "percent", penetration_upper_95: "percent" },
    onFigure: (row, column) => openProvenance({ partnership, period: row.period, figure: column }),
  });
}

async function indicators(partnership, period) {
  const box = $("indicators");
  box.replaceChildren();
  const codes = available.measures.filter((m) => m.measure.startsWith("indicator:"));
  if (!codes.length) box.textContent = "No indicators loaded.";
  for (const m of codes) {
    const code = m.measure.slice("indicator:".length);
    const p = document.createElement("p");
    box.append(p);
    try {
      const report = await getJson("indicators/compare", { indicator: code, partnership, period: period.slice(0, 4) });
      const r = report.rows[0];
      p.textContent = `${m.definition}, ${r.period}: ${figure(r.value, "")} (${figure(r.lower_95, "")} to ${figure(r.upper_95, "")}); ` +
        `region ${figure(r.region_value, "")}: ${r.compared_with_region}; England ${figure(r.england_value, "")}: ${r.compared_with_england}.`;
    } catch (e) {
      p.textContent = `${m.definition}: ${e.message}`;
    }
  }
}

async function bullseye(partnership, period) {
  let report;
  try {
    report = await getJson("bullseye", { partnership });
  } catch (e) {
    $("bullseye-table").textContent = e.message;
    return;
  }
  const rows = report.rings.filter((r) => r.period === period);
  const pdu = rows.find((r) => r.drug_group === "pdu") || rows[0];
  if (!pdu) {
    $("bullseye").hidden = true;
    $("bullseye-table").textContent = `No Bull's eye for ${partnership} in ${period}.`;
    return;
  }
  $("bullseye").hidden = false;
  rings($("bullseye"), {
    title: `${pdu.drug_group} at ${pdu.as_at} (estimate ${figure(pdu.estimate, "")})`,
    parts: ["in_treatment", "treated_last_12_months", "known_to_treatment", "treatment_naive"].map((k) => ({ name: k.replace(/_/g, " "), value: pdu[k] })),
  });
  downloads($("bullseye-downloads"), "bullseye", { partnership }, "rings");
  reportTable($("bullseye-table"), report.columns.rings, rows);
}

async function targets(partnership) {
  try {
    const report = await getJson("targets", { partnership });
    downloads($("targets-downloads"), "targets", { partnership }, "rows");
    reportTable($("targets"), report.columns.rows, report.rows, { placeholder: "No targets agreed" });
  } catch (e) {
    $("targets").textContent = e.message;
  }
}

$("choices").addEventListener("submit", (e) => { e.preventDefault(); show(); });
show();
