// The release as pages, the report and the PDF show it: a figure box of headline numbers and the
// tables by force and by month, every cell as text ("fewer than 5", "withheld" or the number).
import { FIGURE_LABELS, cellText, type ReleaseContent } from '../services/statistics/releaseContent.ts';

export interface ReleaseTableView {
  caption: string;
  head: string[];
  rows: Array<{ label: string; cells: string[] }>;
  totals: string[];
}

export interface ReleaseView {
  operationName: string;
  period: string;
  figureBox: Array<{ label: string; value: string; definition: string }>;
  cash: string[];
  tables: ReleaseTableView[];
  notes: string[];
  countedAt: string;
}

function longDate(date: string): string {
  return new Date(`${date.slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export function formatMoney(amountMinor: number, currency: string): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amountMinor / 100);
}

export function releaseView(content: ReleaseContent): ReleaseView {
  const headlineFigures = ['visits', 'premisesVisited', 'potentialVictims', 'possibleChildren', 'arrests', 'peopleArrested', 'charges'] as const;
  return {
    operationName: content.operation.name,
    period: `${longDate(content.operation.startsOn)} to ${longDate(content.operation.endsOn)}`,
    figureBox: headlineFigures.map((f) => ({ label: FIGURE_LABELS[f], value: cellText(content.headline[f]), definition: content.definitions[f] })),
    cash: content.cashSeized.map((c) => formatMoney(c.amountMinor, c.currency)),
    tables: [
      {
        caption: 'Results by police force', head: ['Police force', ...content.byForce.columns.map((c) => FIGURE_LABELS[c])],
        rows: content.byForce.rows.map((r) => ({ label: r.label, cells: r.cells.map(cellText) })), totals: content.byForce.totals.map(cellText),
      },
      {
        caption: 'Results by month', head: ['Month', ...content.byMonth.columns.map((c) => FIGURE_LABELS[c])],
        rows: content.byMonth.rows.map((r) => ({ label: r.label, cells: r.cells.map(cellText) })), totals: content.byMonth.totals.map(cellText),
      },
    ],
    notes: content.notes,
    countedAt: longDate(content.countedAt),
  };
}

export { longDate };
