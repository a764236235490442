// Charts on Apache ECharts (from its WebJar). Intervals are drawn as whiskers; ECharts' aria
// option writes a text description of each chart for screen readers.
import { figure } from "./format.js";

/** The chart on an element; its title names it for screen readers until ECharts describes it. */
function chartOn(el, title) {
  el.setAttribute("aria-label", title || "chart");
  return echarts.getInstanceByDom(el) || echarts.init(el, null, { renderer: "svg" });
}

const whiskers = (color) => ({
  type: "custom",
  name: "95% interval",
  itemStyle: { color },
  renderItem: (params, api) => {
    const low = api.coord([api.value(0), api.value(1)]);
    const high = api.coord([api.value(0), api.value(2)]);
    const half = Math.min(8, api.size([1, 0])[0] * 0.2);
    const style = { stroke: color, lineWidth: 1.5 };
    return {
      type: "group",
      children: [
        { type: "line", shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style },
        { type: "line", shape: { x1: low[0] - half, y1: low[1], x2: low[0] + half, y2: low[1] }, style },
        { type: "line", shape: { x1: high[0] - half, y1: high[1], x2: high[0] + half, y2: high[1] }, style },
      ],
    };
  },
  z: 10,
});

/** Bars of a value per label, the chosen one in another colour, whiskers where there are bounds. */
export function barsWithIntervals(el, { labels, values, lower, upper, unit, chosen, title }) {
  const chart = chartOn(el, title);
  const series = [
    {
      type: "bar",
      name: title,
      data: values.map((v, i) => ({
        value: v,
        itemStyle: { color: labels[i] === chosen ? "#b35900" : "#00594f" },
      })),
    },
  ];
  if (lower && lower.some((v) => v !== null && v !== undefined)) {
    series.push({ ...whiskers("#1b1b1b"), data: labels.map((_, i) => [i, lower[i], upper[i]]) });
  }
  chart.setOption(
    {
      aria: { enabled: true },
      title: { text: title, textStyle: { fontSize: 14 } },
      tooltip: { trigger: "axis", valueFormatter: (v) => figure(v, "", unit) },
      grid: { left: 70, right: 20, bottom: 110, top: 40 },
      xAxis: { type: "category", data: labels, axisLabel: { rotate: 45, interval: 0 } },
      yAxis: { type: "value", axisLabel: { formatter: (v) => figure(v, "", unit) } },
      series,
    },
    true
  );
  return chart;
}

/** Lines over the periods, one per area, each with a shaded 95% band where it has bounds. */
export function linesWithBands(el, { periods, lines, unit, title }) {
  const chart = chartOn(el, title);
  const colours = ["#b35900", "#00594f", "#4a4a4a", "#0b4f9c"];
  const series = [];
  lines.forEach((line, i) => {
    const colour = colours[i % colours.length];
    series.push({ type: "line", name: line.name, data: line.values, itemStyle: { color: colour },
      lineStyle: { width: 2.5 }, symbolSize: 7, connectNulls: false });
    if (line.lower) {
      series.push({ ...whiskers(colour), name: line.name + " 95% interval",
        data: periods.map((_, p) => [p, line.lower[p], line.upper[p]]) });
    }
  });
  chart.setOption(
    {
      aria: { enabled: true },
      title: { text: title, textStyle: { fontSize: 14 } },
      legend: { top: 24 },
      tooltip: { trigger: "axis", valueFormatter: (v) => figure(v, "", unit) },
      grid: { left: 70, right: 20, bottom: 40, top: 70 },
      xAxis: { type: "category", data: periods },
      yAxis: { type: "value", scale: true, axisLabel: { formatter: (v) => figure(v, "", unit) } },
      series,
    },
    true
  );
  return chart;
}

/** Bars stacked by part over the periods (funding by source). */
export function stacked(el, { periods, parts, unit, title }) {
  const chart = chartOn(el, title);
  chart.setOption(
    {
      aria: { enabled: true },
      title: { text: title, textStyle: { fontSize: 14 } },
      legend: { type: "scroll", bottom: 0 },
      tooltip: { trigger: "axis", valueFormatter: (v) => figure(v, "", unit) },
      grid: { left: 90, right: 20, bottom: 60, top: 40 },
      xAxis: { type: "category", data: periods },
      yAxis: { type: "value", axisLabel: { formatter: (v) => figure(v, "", unit) } },
      series: parts.map((p) => ({ type: "bar", stack: "total", name: p.name, data: p.values })),
    },
    true
  );
  return chart;
}

/** A ring chart: the Bull's eye's four rings as shares of the estimate. */
export function rings(el, { parts, title }) {
  const chart = chartOn(el, title);
  chart.setOption(
    {
      aria: { enabled: true },
      title: { text: title, textStyle: { fontSize: 14 } },
      tooltip: { valueFormatter: (v) => figure(v, "") },
      legend: { bottom: 0 },
      series: [{ type: "pie", radius: ["35%", "70%"], data: parts,
        label: { formatter: (p) => p.name + ": " + figure(p.percent, "", "percent") } }],
    },
    true
  );
  return chart;
}
