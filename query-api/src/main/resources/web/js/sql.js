// The SQL console: one read-only query over the analysts' views, its rows in a table, CSV and
// Excel downloads, errors in words with their position, and the views and columns beside it.
import { frame } from "./layout.js";
import { ApiError, apiKey, apiUrl, authHeaders, choice, clearError, getJson, postJson, remember, reportTable, setApiKey, showError } from "./app.js";

frame();
const $ = (id) => document.getElementById(id);
$("api-key").value = apiKey();
$("api-key").addEventListener("change", (e) => { setApiKey(e.target.value); catalog(); });

/** SQL is for analyst keys: to anyone else the endpoint does not exist, so say what is needed. */
function explained(e) {
  if (e instanceof ApiError && (e.status === 404 || e.status === 401)) {
    return new ApiError(e.status, {
      message: apiKey() ? "This key cannot run SQL (" + e.message + ")." : "SQL needs an analyst's API key.",
      hint: "enter a key made with: bin/dwh keys create --role analyst --name YOU",
    });
  }
  return e;
}
$("sql").value = choice("sql", "SELECT partnership, financial_year, penetration_pct\nFROM penetration\nWHERE region = 'South East' AND financial_year = '2008-09'\nORDER BY penetration_pct DESC");

function request() {
  return { sql: $("sql").value, max_rows: Number($("max-rows").value) || 1000 };
}

async function run() {
  remember({ sql: $("sql").value });
  clearError($("error"));
  $("status").textContent = "Running…";
  const started = performance.now();
  try {
    const result = await postJson("sql", request());
    const rows = result.rows.map((r) => Object.fromEntries(result.columns.map((c, i) => [c.name, r[i]])));
    reportTable($("result"), result.columns, rows);
    $("status").textContent = `${result.row_count} rows in ${Math.round(performance.now() - started)} ms` +
      (result.truncated ? ` (cut at ${request().max_rows}: ask for more rows, or aggregate)` : "") + ".";
  } catch (e) {
    $("status").textContent = "";
    $("result").replaceChildren();
    showError($("error"), explained(e));
  }
}

/** A download of the same query: POST for the file, then save it under the name the API gives. */
async function download(format) {
  clearError($("error"));
  const response = await fetch(apiUrl("sql", { format }), {
    method: "POST",
    headers: authHeaders({ "Content-Type": "application/json" }),
    body: JSON.stringify(request()),
  });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    showError($("error"), explained(new ApiError(response.status, body.error)));
    return;
  }
  const a = document.createElement("a");
  a.href = URL.createObjectURL(await response.blob());
  a.download = "query." + format;
  document.body.append(a);
  a.click();
  a.remove();
}

async function catalog() {
  const box = $("catalog");
  box.replaceChildren();
  const c = await getJson("catalog").catch(() => null);
  if (!c) {
    box.textContent = "The views and tables are listed for an analyst's key.";
    return;
  }
  for (const entry of [...c.views, ...c.tables]) {
    const details = document.createElement("details");
    details.dataset.name = entry.name;
    const summary = document.createElement("summary");
    summary.textContent = entry.name + (entry.kind === "table" ? " (table)" : "");
    const about = document.createElement("p");
    about.textContent = entry.description;
    const list = document.createElement("ul");
    for (const col of entry.columns) {
      const li = document.createElement("li");
      const code = document.createElement("code");
      code.textContent = col.name;
      li.append(code, ` ${col.type}` + (col.description ? `: ${col.description}` : ""));
      list.append(li);
    }
    details.append(summary, about, list);
    box.append(details);
  }
}

$("catalog-filter").addEventListener("input", (e) => {
  const text = e.target.value.toLowerCase();
  for (const d of $("catalog").children) d.hidden = text && !d.textContent.toLowerCase().includes(text);
});
$("query").addEventListener("submit", (e) => { e.preventDefault(); run(); });
$("sql").addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(); } });
$("csv").addEventListener("click", () => download("csv"));
$("xlsx").addEventListener("click", () => download("xlsx"));
catalog();
if (choice("sql", null)) run();
