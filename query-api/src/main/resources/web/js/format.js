// How the plans print figures, by column name (the rule formats/NumberStyle.java applies to Excel):
// _pct is a percentage with one decimal, _gbp (or gbp_) is pounds without pence, other numbers get
// thousands separators. A missing figure is a dash, never 0.
const whole = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const upToTwo = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

export function unitOf(column, unit) {
  if (unit) return unit;
  if (/_pct$/.test(column)) return "percent";
  if (/_gbp$|^gbp_/.test(column)) return "gbp";
  return null;
}

export function figure(value, column, unit) {
  if (value === null || value === undefined || value === "") return "–";
  if (typeof value !== "number") return String(value);
  switch (unitOf(column, unit)) {
    case "percent":
      return oneDecimal.format(value) + "%";
    case "gbp":
      return "£" + whole.format(value);
    default:
      return Number.isInteger(value) ? whole.format(value) : upToTwo.format(value);
  }
}

/** Column headings as words: pdus_in_treatment -> PDUs in treatment. */
export function heading(column) {
  const words = column.replace(/_pct$/, " %").replace(/_gbp$/, " (£)").replace(/_/g, " ");
  const text = words.replace(/\bpdus?\b/g, (w) => w.toUpperCase().replace("PDUS", "PDUs"));
  return text.charAt(0).toUpperCase() + text.slice(1);
}
