// The dashboards' charts, drawn on the server by echarts as SVG and served as images: the page
// needs no JavaScript, prints as it shows, and every chart has the same figures in a table
// beneath it (the image's alternative text says so). Each chart is made from the view the page
// shows, so a chart and its table cannot disagree.
import * as echarts from 'echarts';
import type { DashboardView } from '../../../services/dashboard/view.ts';

// GOV.UK Frontend's palette: blue, orange, green, with enough contrast on white.
const COLOURS = ['#1d70b8', '#f47738', '#00703c', '#4c2c92', '#d4351c'];
const FONT = 'Arial, Helvetica, sans-serif';
const WIDTH = 760;

export interface ChartSeries { name: string; values: number[] }
export interface ChartSpec {
  title: string;
  kind: 'bar' | 'line';
  categories: string[];
  series: ChartSeries[];
  /** Bars across the page with a category per row: for long lists of names (forces, nationalities). */
  horizontal?: boolean;
}

export function renderChart(spec: ChartSpec): string {
  const rows = spec.categories.length;
  const height = spec.horizontal === true ? Math.max(150, 110 + rows * (spec.series.length > 1 ? 34 : 24)) : 340;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  const categoryAxis = { type: 'category' as const, data: spec.categories, inverse: spec.horizontal === true, axisLabel: { fontFamily: FONT, fontSize: 12, color: '#0b0c0c', width: 200, overflow: 'truncate' as const, interval: spec.horizontal === true ? 0 : 'auto' as const } };
  const valueAxis = { type: 'value' as const, minInterval: 1, axisLabel: { fontFamily: FONT, fontSize: 12, color: '#0b0c0c' } };
  chart.setOption({
    animation: false,
    color: COLOURS,
    aria: { enabled: true, label: { description: spec.title } },
    textStyle: { fontFamily: FONT },
    title: { text: spec.title, left: 0, textStyle: { fontFamily: FONT, fontSize: 16, color: '#0b0c0c' } },
    legend: spec.series.length > 1 ? { top: 32, left: 0, textStyle: { fontFamily: FONT, color: '#0b0c0c' } } : undefined,
    grid: { left: spec.horizontal === true ? 210 : 50, right: 30, top: spec.series.length > 1 ? 70 : 45, bottom: 30, containLabel: spec.horizontal !== true },
    xAxis: spec.horizontal === true ? valueAxis : categoryAxis,
    yAxis: spec.horizontal === true ? categoryAxis : valueAxis,
    series: spec.series.map((s) => ({ name: s.name, type: spec.kind, data: s.values, ...(spec.kind === 'line' ? { symbolSize: 6 } : { barMaxWidth: 28 }) })),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/** The charts a view has, by the name in its address (/dashboard/chart/<name>.svg). */
export function chartSpecs(view: DashboardView): Map<string, ChartSpec> {
  const specs = new Map<string, ChartSpec>();
  const over = (rows: DashboardView['monthly'], what: string): ChartSpec => ({
    title: `Visits, potential victims and arrests by ${what}`, kind: rows.length > 1 ? 'line' : 'bar', categories: rows.map((r) => r.period),
    series: [{ name: 'Visits', values: rows.map((r) => r.visits) }, { name: 'Potential victims', values: rows.map((r) => r.potentialVictims) }, { name: 'Arrests', values: rows.map((r) => r.arrests) }],
  });
  if (view.kind === 'national') {
    specs.set('by-jurisdiction', {
      title: 'Visits, potential victims and arrests by jurisdiction', kind: 'bar', horizontal: true, categories: view.jurisdictions.map((j) => j.label),
      series: [{ name: 'Visits', values: view.jurisdictions.map((j) => j.figures.visits) }, { name: 'Potential victims', values: view.jurisdictions.map((j) => j.figures.potentialVictims) }, { name: 'Arrests', values: view.jurisdictions.map((j) => j.figures.arrests) }],
    });
    for (const j of view.jurisdictions) {
      specs.set(`forces-${j.jurisdiction}`, {
        title: `${j.label}: visits, potential victims and arrests by force`, kind: 'bar', horizontal: true, categories: j.forces.map((f) => f.name),
        series: [{ name: 'Visits', values: j.forces.map((f) => f.figures.visits) }, { name: 'Potential victims', values: j.forces.map((f) => f.figures.potentialVictims) }, { name: 'Arrests', values: j.forces.map((f) => f.figures.arrests) }],
      });
    }
  }
  specs.set('monthly', over(view.monthly, 'month'));
  specs.set('weekly', over(view.weekly, 'week (weeks begin on Monday)'));
  specs.set('nationality', { title: 'Potential victims by nationality', kind: 'bar', horizontal: true, categories: view.nationality.map((r) => r.label), series: [{ name: 'Potential victims', values: view.nationality.map((r) => r.count) }] });
  specs.set('exploitation-type', { title: 'Potential victims by exploitation type', kind: 'bar', horizontal: true, categories: view.exploitationType.map((r) => r.label), series: [{ name: 'Potential victims', values: view.exploitationType.map((r) => r.count) }] });
  specs.set('premises-type', {
    title: 'Visits and potential victims by premises type', kind: 'bar', horizontal: true, categories: view.premisesType.map((r) => r.label),
    series: [{ name: 'Visits', values: view.premisesType.map((r) => r.visits) }, { name: 'Potential victims', values: view.premisesType.map((r) => r.potentialVictims) }],
  });
  return specs;
}
