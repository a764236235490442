// What every page shares: its choices kept in the URL (so a link is shareable), calls to the API
// (with as_of when the page was given one), the version that answered, errors in words, downloads.
import { figure, heading } from "./format.js";

export const query = new URLSearchParams(location.search);

export function choice(name, fallback) {
  const value = query.get(name);
  return value === null || value === "" ? fallback : value;
}

/** Puts the page's choices into its URL without reloading it. */
export function remember(values) {
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === "") query.delete(name);
    else query.set(name, value);
  }
  history.replaceState(null, "", "?" + query.toString());
}

export class ApiError extends Error {
  constructor(status, error) {
    super(error && error.message ? error.message : "the server answered " + status);
    this.status = status;
    this.error = error || {};
  }
}

/** The API URL for a path and parameters, pinned to as_of when the page has one. */
export function apiUrl(path, params = {}) {
  const url = new URL("/api/v1/" + path, location.origin);
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") url.searchParams.set(name, value);
  }
  if (query.get("as_of")) url.searchParams.set("as_of", query.get("as_of"));
  return url.pathname + url.search;
}

const KEY = "dtw.api-key";

/** The API key the analyst gave on this tab (kept for the tab only, never in the page's URL). */
export function apiKey() {
  return sessionStorage.getItem(KEY) || "";
}

export function setApiKey(key) {
  if (key) sessionStorage.setItem(KEY, key.trim());
  else sessionStorage.removeItem(KEY);
}

/** Headers with the key as a bearer token, when there is one: without, the API answers as public. */
export function authHeaders(headers = {}) {
  const key = apiKey();
  return key ? { ...headers, Authorization: "Bearer " + key } : headers;
}

export async function getJson(path, params) {
  return answer(await fetch(apiUrl(path, params), { headers: authHeaders() }));
}

export async function postJson(path, body, params) {
  const response = await fetch(apiUrl(path, params), {
    method: "POST",
    headers: authHeaders({ "Content-Type": "application/json" }),
    body: JSON.stringify(body),
  });
  return answer(response);
}

async function answer(response) {
  const body = await response.json().catch(() => null);
  // No load has committed yet (serve --wait-for-first-load, as bin/dwh demo runs it): say so and
  // come back when it has, rather than show the 503 as a failure.
  if (response.status === 503 && body && body.error && body.error.waiting_for_first_load) return waitForFirstLoad();
  if (!response.ok) throw new ApiError(response.status, body && body.error);
  if (body && body.status === "loading") waitForFirstLoad();
  if (body && body.warehouse_version !== undefined) showVersion(body.warehouse_version);
  return body;
}

export function showVersion(version) {
  const el = document.getElementById("version");
  const pinned = query.get("as_of") ? " (as_of " + query.get("as_of") + ")" : "";
  if (el) {
    el.textContent = version === null ? "The warehouse has no version yet."
      : "Answered by warehouse version " + version + pinned + ".";
  }
}

let waiting = null;

/**
 * Shows that the warehouse's first load has not committed, asks /health every two seconds, and
 * reloads the page when it answers "ok". The promise never settles: a page waiting on an answer
 * stays as it is, with the notice, until the reload.
 */
function waitForFirstLoad() {
  if (!waiting) {
    showVersion(null);
    const notice = document.createElement("div");
    notice.id = "loading";
    notice.className = "notice";
    notice.setAttribute("role", "status");
    const title = document.createElement("p");
    title.textContent = "Loading the sample data: the warehouse has no version yet.";
    const more = document.createElement("p");
    more.textContent = "The server is up and waiting for the first load to commit (on its first run " +
      "bin/dwh demo loads data/sample beside the server). This page fills itself in as soon as it has.";
    notice.append(title, more);
    const main = document.querySelector("main") || document.body;
    const heading = main.querySelector("h1");
    if (heading) heading.after(notice);
    else main.prepend(notice);
    waiting = new Promise(() => {});
    const poll = async () => {
      try {
        const health = await fetch("/api/v1/health").then((r) => r.json());
        if (health.status === "ok") {
          location.reload();
          return;
        }
      } catch (e) {
        // the server may be restarting: keep asking
      }
      setTimeout(poll, 2000);
    };
    setTimeout(poll, 2000);
  }
  return waiting;
}

/** An error in words: the message, the parameter it is about, and what would have been valid. */
export function showError(el, err) {
  el.hidden = false;
  el.replaceChildren();
  const p = document.createElement("p");
  p.textContent = err instanceof ApiError ? err.message : "Something went wrong: " + err.message;
  el.append(p);
  if (err.error && err.error.valid && err.error.valid.length) {
    const valid = document.createElement("p");
    valid.textContent = "Valid " + (err.error.parameter || "values") + ": " + err.error.valid.join(", ");
    el.append(valid);
  }
  if (err.error && err.error.hint) {
    const hint = document.createElement("p");
    hint.textContent = err.error.hint;
    el.append(hint);
  }
}

export function clearError(el) {
  el.hidden = true;
  el.replaceChildren();
}

export function fillSelect(select, options, selected) {
  select.replaceChildren();
  for (const option of options) {
    const o = document.createElement("option");
    o.value = typeof option === "string" ? option : option.value;
    o.textContent = typeof option === "string" ? option : option.label;
    if (o.value === selected) o.selected = true;
    select.append(o);
  }
}

/** CSV and Excel links for one table of a report, asking the API for the same answer. */
export function downloads(el, path, params, table) {
  el.replaceChildren();
  for (const [format, label] of [["csv", "Download CSV"], ["xlsx", "Download Excel"]]) {
    const a = document.createElement("a");
    a.href = apiUrl(path, { ...params, format, table });
    a.textContent = label;
    a.className = "download";
    a.setAttribute("download", "");
    el.append(a);
  }
}

/** What a page shows for a figure withheld by disclosure control (docs/disclosure.md). */
export const SUPPRESSED = "*";

/** Whether disclosure control withheld a row's column: the row's suppressed list names it. */
export function suppressedIn(row, column) {
  return Array.isArray(row && row.suppressed) && row.suppressed.includes(column);
}

/**
 * A sortable table (Tabulator) of a report's rows, formatted as the plans print them. Headers sort
 * by keyboard too (Enter or Space). {@code options.units} gives a unit per column; {@code
 * options.onFigure(row, column)} makes figures buttons that open where they came from.
 */
export function reportTable(el, columns, rows, options = {}) {
  const units = options.units || {};
  const defs = columns.map((c) => ({
    title: heading(c.name),
    field: c.name,
    hozAlign: isNumber(c.type) ? "right" : "left",
    sorter: isNumber(c.type) ? "number" : "string",
    formatter: (cell) =>
      suppressedIn(cell.getRow().getData(), c.name)
        ? SUPPRESSED
        : figure(cell.getValue(), c.name, units[c.name]),
  }));
  const table = new Tabulator(el, {
    data: rows,
    columns: defs,
    layout: "fitDataTable",
    rowFormatter: options.rowFormatter,
    placeholder: options.placeholder || "No rows",
  });
  table.on("tableBuilt", () => keyboardSort(el, table));
  table.on("renderComplete", () => ariaFixes(el));
  if (options.onFigure) {
    table.on("cellClick", (e, cell) => {
      if (typeof cell.getValue() === "number") options.onFigure(cell.getRow().getData(), cell.getField());
    });
  }
  return table;
}

/**
 * Tabulator's markup nests a rowgroup in a rowgroup and puts a focusable scroller inside the grid,
 * which screen readers (and axe-core) reject; the rows need neither to be read as a grid.
 */
function ariaFixes(el) {
  for (const inner of el.querySelectorAll(".tabulator-header-contents[role]")) inner.removeAttribute("role");
  for (const holder of el.querySelectorAll(".tabulator-tableholder[tabindex]")) holder.removeAttribute("tabindex");
}

function keyboardSort(el, table) {
  for (const header of el.querySelectorAll(".tabulator-col[tabulator-field]")) {
    header.setAttribute("tabindex", "0");
    header.setAttribute("role", "columnheader");
    header.addEventListener("keydown", (e) => {
      if (e.key !== "Enter" && e.key !== " ") return;
      e.preventDefault();
      const field = header.getAttribute("tabulator-field");
      const now = table.getSorters().find((s) => s.field === field);
      table.setSort(field, now && now.dir === "asc" ? "desc" : "asc");
    });
  }
}

function isNumber(type) {
  return /INT|DOUBLE|DECIMAL|FLOAT|REAL|NUMERIC|BIGINT/.test(type || "");
}

/** Choices the whole page builds its pickers from (measures, periods, regions, partnerships). */
export function choices() {
  return getJson("choices");
}
