// What a release publishes, built from the operation's results with disclosure control applied:
// each figure's national total, its breakdown by force and (for figures that add up over time)
// by month, protected together so no withheld cell can be recovered through a shared total.
// Only what may be published is kept: a withheld cell has no value here.
import { protectBreakdowns, type ProtectedCell } from '../../domain/disclosure/index.ts';
import type { ForceResultsRow } from '../../store/repositories/operationResults.ts';
import type { MonthFiguresRow } from '../../store/repositories/statisticsReleases.ts';
import { RESULT_DEFINITIONS } from '../operationResults.ts';

export const FORCE_FIGURES = ['visits', 'premisesVisited', 'potentialVictims', 'possibleChildren', 'arrests', 'peopleArrested', 'charges'] as const;
export type ForceFigure = (typeof FORCE_FIGURES)[number];
/** Distinct premises and distinct people arrested do not add up over months, so they have no monthly breakdown. */
export const MONTH_FIGURES = ['visits', 'potentialVictims', 'possibleChildren', 'arrests', 'charges'] as const;
export type MonthFigure = (typeof MONTH_FIGURES)[number];

export const FIGURE_LABELS: Record<ForceFigure, string> = {
  visits: 'Premises visits',
  premisesVisited: 'Premises visited',
  potentialVictims: 'Potential victims identified',
  possibleChildren: 'Of whom possibly under 18',
  arrests: 'Arrests',
  peopleArrested: 'People arrested',
  charges: 'Charges',
};

export interface ReleaseTable<F extends string> {
  columns: F[];
  rows: Array<{ label: string; cells: ProtectedCell[] }>;
  totals: ProtectedCell[];
}

export interface ReleaseContent {
  version: 1;
  operation: { id: string; code: string; name: string; startsOn: string; endsOn: string };
  /** When the figures were counted from the records. */
  countedAt: string;
  headline: Record<ForceFigure, ProtectedCell>;
  /** Cash is an amount, not a count of people: published as the national total per currency. */
  cashSeized: Array<{ currency: string; amountMinor: number }>;
  byForce: ReleaseTable<ForceFigure>;
  byMonth: ReleaseTable<MonthFigure>;
  definitions: Record<ForceFigure, string>;
  notes: string[];
}

export const METHOD_NOTES: readonly string[] = [
  'Figures are counted from the records the police forces keep in Lifeline, with one definition each (given beside each figure).',
  'To protect the people counted, counts from 1 to 4 are not published and are shown as "fewer than 5".',
  'Some other figures are withheld so that a count shown as "fewer than 5" cannot be worked out from the totals. A withheld figure is 0 or 5 or more.',
  'Potential victims are people recorded as possible victims of trafficking on a visit; not every potential victim is later confirmed as a victim.',
  'Months are calendar months (UTC) of the visit, or of the arrest for arrests and charges.',
];

export interface ContentInput {
  operation: ReleaseContent['operation'];
  countedAt: string;
  forces: Array<ForceResultsRow & { organisationName: string }>;
  months: MonthFiguresRow[];
}

function monthLabel(month: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  return date.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export async function buildReleaseContent(input: ContentInput): Promise<ReleaseContent> {
  const forces = [...input.forces].sort((a, b) => a.organisationName.localeCompare(b.organisationName));
  const headline = {} as Record<ForceFigure, ProtectedCell>;
  const forceCells = new Map<ForceFigure, readonly ProtectedCell[]>();
  const monthCells = new Map<MonthFigure, readonly ProtectedCell[]>();
  for (const figure of FORCE_FIGURES) {
    const byForce = forces.map((f) => f[figure]);
    const total = byForce.reduce((s, v) => s + v, 0);
    const monthly = (MONTH_FIGURES as readonly string[]).includes(figure) ? input.months.map((m) => m[figure as MonthFigure]) : null;
    const protectedFigure = await protectBreakdowns(total, monthly === null ? [byForce] : [byForce, monthly]);
    headline[figure] = protectedFigure.total;
    forceCells.set(figure, protectedFigure.breakdowns[0] ?? []);
    if (monthly !== null) monthCells.set(figure as MonthFigure, protectedFigure.breakdowns[1] ?? []);
  }
  const cash = new Map<string, number>();
  for (const f of forces) for (const [currency, amount] of Object.entries(f.cashSeizedMinor)) cash.set(currency, (cash.get(currency) ?? 0) + amount);
  const cellOf = <F extends ForceFigure>(cells: Map<F, readonly ProtectedCell[]>, figure: F, row: number): ProtectedCell => cells.get(figure)?.[row] ?? { value: null, status: 'withheld' };
  return {
    version: 1,
    operation: input.operation,
    countedAt: input.countedAt,
    headline,
    cashSeized: [...cash.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amountMinor]) => ({ currency, amountMinor })),
    byForce: {
      columns: [...FORCE_FIGURES],
      rows: forces.map((f, i) => ({ label: f.organisationName, cells: FORCE_FIGURES.map((figure) => cellOf(forceCells, figure, i)) })),
      totals: FORCE_FIGURES.map((figure) => headline[figure]),
    },
    byMonth: {
      columns: [...MONTH_FIGURES],
      rows: input.months.map((m, i) => ({ label: monthLabel(m.month), cells: MONTH_FIGURES.map((figure) => cellOf(monthCells, figure, i)) })),
      totals: MONTH_FIGURES.map((figure) => headline[figure]),
    },
    definitions: Object.fromEntries(FORCE_FIGURES.map((f) => [f, RESULT_DEFINITIONS[f]])) as Record<ForceFigure, string>,
    notes: [...METHOD_NOTES],
  };
}

/** How a cell reads in a page, a CSV or a PDF. */
export function cellText(cell: ProtectedCell): string {
  if (cell.status === 'fewer-than-5') return 'fewer than 5';
  if (cell.status === 'withheld') return 'withheld';
  return (cell.value ?? 0).toLocaleString('en-GB');
}
