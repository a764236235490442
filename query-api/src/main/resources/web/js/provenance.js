// Where a figure came from, in a dialog: the stored figures it is made of, each with its extract
// file, row and load, the row as it was read, and the earlier figure a revision replaced.
import { getJson, showError } from "./app.js";
import { figure as print } from "./format.js";

let dialog;

function ensureDialog() {
  if (dialog) return dialog;
  dialog = document.createElement("dialog");
  dialog.id = "provenance";
  dialog.setAttribute("aria-labelledby", "provenance-title");
  dialog.innerHTML = '<h2 id="provenance-title">Where this figure came from</h2><div id="provenance-body"></div>' +
    '<form method="dialog"><button id="provenance-close">Close</button></form>';
  document.body.append(dialog);
  return dialog;
}

export async function openProvenance({ partnership, period, figure }) {
  const d = ensureDialog();
  const body = d.querySelector("#provenance-body");
  body.textContent = "Looking it up…";
  if (!d.open) d.showModal();
  try {
    const p = await getJson("provenance", { partnership, period, figure });
    body.replaceChildren(...describe(p));
  } catch (e) {
    const box = document.createElement("div");
    box.className = "error";
    showError(box, e);
    body.replaceChildren(box);
  }
}

function describe(p) {
  const out = [];
  const intro = document.createElement("p");
  intro.textContent = `${p.figure.replace(/_/g, " ")} for ${p.partnership}, ${p.period}: made of ${p.made_of.join(", ")}.`;
  out.push(intro);
  if (!p.sources.length && !p.episodes.length) {
    const none = document.createElement("p");
    none.textContent = "No stored figure: nothing was reported for this partnership and period.";
    out.push(none);
  }
  for (const s of p.sources) {
    const section = document.createElement("section");
    section.className = "source";
    const h = document.createElement("h3");
    h.textContent = `${s.figure_key} = ${print(s.figure, s.figure_key.startsWith("funding:") ? "x_gbp" : "")}`;
    const where = document.createElement("p");
    where.innerHTML = "";
    where.append(`From ${s.source_file}, row ${s.source_row}, period ${s.period}; load ${s.load_id}` +
      (s.loaded_at ? ` committed ${s.loaded_at}` : "") + ".");
    section.append(h, where);
    if (s.replaced) {
      const r = document.createElement("p");
      r.className = "revised";
      r.textContent = `Revised: it replaced ${print(s.replaced.figure, "")} from ${s.replaced.source_file}, ` +
        `row ${s.replaced.source_row} (load ${s.replaced.load_id}, warehouse version ${s.replaced.warehouse_version}).`;
      section.append(r);
    } else {
      const r = document.createElement("p");
      r.className = "note";
      r.textContent = "Not revised: first reported by this load.";
      section.append(r);
    }
    for (const f of s.findings || []) {
      const finding = document.createElement("p");
      finding.className = "finding";
      finding.textContent = `Finding (${f.rule}): ${f.message}`;
      section.append(finding);
    }
    if (s.record) {
      const pre = document.createElement("pre");
      pre.textContent = "The row as read: " + s.record;
      section.append(pre);
    }
    out.push(section);
  }
  if (p.episodes.length) {
    const h = document.createElement("h3");
    h.textContent = "Counted from record-level episodes";
    const ul = document.createElement("ul");
    for (const e of p.episodes) {
      const li = document.createElement("li");
      li.textContent = `${e.source_file}: ${print(e.episodes, "")} episodes, rows ${e.first_row}–${e.last_row} (load ${e.load_id})`;
      ul.append(li);
    }
    out.push(h, ul);
  }
  return out;
}
