// The chart of a saved estimate: the point estimate and interval of each method at the estimate's
// linkage threshold, drawn on the server as SVG (ECharts' server-side renderer), so the page needs
// no JavaScript. The same rows fill the table beneath the chart, which is what a screen reader reads.
import * as echarts from 'echarts';
import type { EstimateMethod } from '../../analysis/estimate/index.ts';
import type { SavedEstimate } from '../../services/hiddenScale.ts';
import { METHOD_SHORT, intervalKindText, isIntervalKind, whole } from './hiddenScaleView.ts';

export interface ChartRow {
  readonly method: EstimateMethod;
  readonly label: string;
  /** The estimate saved (its own interval, bootstrap included) rather than a comparison cell. */
  readonly chosen: boolean;
  readonly estimate: number | null;
  readonly lower: number | null;
  /** Infinity when the interval has no upper limit. */
  readonly upper: number | null;
  readonly intervalKind: string | null;
  readonly refusal: string | null;
}

const CHART_DESCRIPTION = 'Estimate and interval of each method; the same figures are in the table below the chart on the estimate’s page.';
export const CHART_WIDTH = 720;
export const CHART_HEIGHT = 360;

/** One row per method at the estimate's threshold; the chosen method's row is the saved estimate itself. */
export function chartRows(saved: SavedEstimate): ChartRow[] {
  const outcome = saved.outcome;
  if (outcome === null) return [];
  const chosenMethod = saved.request.method;
  const main = outcome.estimate;
  const chosenRow: ChartRow = {
    method: chosenMethod, label: METHOD_SHORT[chosenMethod], chosen: true, estimate: main?.estimate ?? null, lower: main?.interval.lower ?? null,
    upper: main?.interval.upper ?? null, intervalKind: main?.interval.kind ?? null, refusal: main === null ? outcome.refusal : null,
  };
  const rows: ChartRow[] = outcome.comparison
    .filter((cell) => cell.threshold === saved.request.threshold && cell.method !== chosenMethod)
    .map((cell) => ({
      method: cell.method, label: METHOD_SHORT[cell.method], chosen: false, estimate: cell.estimate, lower: cell.lower, upper: cell.upper,
      intervalKind: cell.intervalKind, refusal: cell.refusal,
    }));
  const order = (m: EstimateMethod) => Object.keys(METHOD_SHORT).indexOf(m);
  return [chosenRow, ...rows].sort((a, b) => order(a.method) - order(b.method));
}

/** The rows as the table under the chart shows them. */
export function chartTable(rows: readonly ChartRow[], level: number): Array<Record<string, string | boolean>> {
  const kindText = (kind: string | null): string => (kind !== null && isIntervalKind(kind) ? intervalKindText({ level, kind }) : kind ?? '');
  return rows.map((row) => ({
    label: row.label, chosen: row.chosen, estimate: row.estimate === null ? 'No estimate' : whole(row.estimate),
    lower: row.lower === null ? '–' : whole(row.lower), upper: row.upper === null ? '–' : whole(row.upper),
    detail: row.estimate === null ? row.refusal ?? '' : kindText(row.intervalKind),
  }));
}

interface ItemApi {
  value(dimension: number): number;
  coord(point: [number, number]): [number, number];
}

/**
 * The chart as an SVG document. An interval with no upper limit is drawn to the top of the axis
 * and labelled so; a method with no estimate keeps its place on the axis, empty.
 */
export function renderEstimateChart(rows: readonly ChartRow[], observed: number | null): string {
  const finite = rows.flatMap((r) => [r.estimate, r.lower, r.upper]).filter((v): v is number => v !== null && Number.isFinite(v));
  const top = Math.max(1, ...finite, observed ?? 0) * 1.1;
  const intervals = rows.flatMap((row, index) => (row.estimate === null || row.lower === null || row.upper === null ? [] : [[index, row.lower, Number.isFinite(row.upper) ? row.upper : top, Number.isFinite(row.upper) ? 1 : 0]]));
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height: CHART_HEIGHT });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'Arial, sans-serif' },
      grid: { left: 80, right: 96, top: 40, bottom: 56 },
      legend: { top: 4, data: ['Estimate', 'Interval'] },
      xAxis: { type: 'category', data: rows.map((r) => `${r.label}${r.chosen ? ' (chosen)' : ''}${r.estimate === null ? ' (no estimate)' : ''}`), axisLabel: { color: '#0b0c0c', interval: 0, width: 110, overflow: 'break' } },
      yAxis: { type: 'value', min: 0, max: Math.ceil(top), name: 'People', axisLabel: { color: '#0b0c0c' } },
      series: [
        {
          name: 'Interval', type: 'custom', itemStyle: { color: '#505a5f' },
          renderItem: (_params: unknown, api: ItemApi) => {
            const x = api.value(0);
            const low = api.coord([x, api.value(1)]);
            const high = api.coord([x, api.value(2)]);
            const bounded = api.value(3) === 1;
            const cap = 10;
            const stroke = { stroke: '#505a5f', lineWidth: 2 };
            return {
              type: 'group',
              children: [
                { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style: bounded ? stroke : { ...stroke, lineDash: [4, 4] } },
                { type: 'line', shape: { x1: low[0] - cap, y1: low[1], x2: low[0] + cap, y2: low[1] }, style: stroke },
                bounded
                  ? { type: 'line', shape: { x1: high[0] - cap, y1: high[1], x2: high[0] + cap, y2: high[1] }, style: stroke }
                  : { type: 'text', style: { text: 'no upper limit', x: high[0] + 6, y: high[1] + 4, fill: '#0b0c0c', font: '12px Arial, sans-serif' } },
              ],
            };
          },
          data: intervals,
        },
        {
          name: 'Estimate', type: 'scatter', symbolSize: 12, itemStyle: { color: '#1d70b8' },
          label: { show: true, position: 'right', color: '#0b0c0c', formatter: (p: { value: number }) => whole(p.value) },
          data: rows.map((r) => (r.estimate === null || !Number.isFinite(r.estimate) ? '-' : r.estimate)),
        },
        ...(observed === null ? [] : [{
          name: 'Observed', type: 'line', data: [], markLine: {
            symbol: 'none', silent: true, lineStyle: { color: '#b1b4b6', type: 'dashed' },
            label: { formatter: `observed ${whole(observed)}`, color: '#505a5f' }, data: [{ yAxis: observed }],
          },
        }]),
      ],
    });
    // ECharts' aria option acts on a browser's DOM only: the served file names itself here.
    return chart.renderToSVGString().replace(/^<svg /, `<svg role="img" aria-label="${CHART_DESCRIPTION}" `).replace(/(<svg[^>]*>)/, `$1<title>${CHART_DESCRIPTION}</title>`);
  } finally {
    chart.dispose();
  }
}
