// Every count the dashboards show, for one operation and period, for every force at once: the
// national dashboard adds them up, a force's dashboard picks its own row and ranks it. Summed over
// the days kept by the facts cache (dayLedger.ts, factsCache.ts), never counted per page view.
import type { DashboardScope, DayCountRow, PremisesTypeRow, BreakdownRow } from '../../store/repositories/dashboard.ts';
import type { Repositories } from '../../store/store.ts';

export interface Figures {
  visits: number;
  premisesVisited: number;
  potentialVictims: number;
  possibleChildren: number;
  adults: number;
  rescues: number;
  arrests: number;
  peopleArrested: number;
  charges: number;
  convictions: number;
  cashSeizedMinor: Record<string, number>;
  assetsSeized: number;
  assetsValueMinor: Record<string, number>;
  intelligenceReports: number;
  publicReports: number;
}

export interface OrganisationFacts {
  organisationId: string;
  name: string;
  code: string;
  jurisdiction: string;
  figures: Figures;
}

export interface VictimCareFacts {
  organisationId: string;
  name: string;
  decisionsDue: number;
  decisionsOverdue: number;
  periodsRunning: number;
  conclusiveAwaited: number;
}

export interface LatestEstimate {
  id: string;
  estimate: number;
  observed: number | null;
  /** Null when the interval is unbounded above. */
  lower: number | null;
  upper: number | null;
  level: number | null;
  method: string | null;
  /** The period of the records the estimate was made from (null: no bound). */
  from: string | null;
  to: string | null;
  finishedAt: string | null;
}

export interface DashboardFacts {
  scope: DashboardScope;
  /** When these facts were counted (ISO timestamp). */
  countedAt: string;
  /** The date the victim-care clocks were read on. */
  today: string;
  /** Every police force, with zeros where it recorded nothing. */
  forces: OrganisationFacts[];
  /** What organisations other than forces recorded (the national centre's intelligence, reports still in its triage). */
  others: Figures;
  days: DayCountRow[];
  nationality: BreakdownRow[];
  exploitationType: BreakdownRow[];
  premisesType: PremisesTypeRow[];
  victimCare: VictimCareFacts[];
  estimate: LatestEstimate | null;
  /** Calls to the national centre's information line in the period: national only, as a call belongs to no force. */
  informationLineCalls: number;
}

export function emptyFigures(): Figures {
  return {
    visits: 0, premisesVisited: 0, potentialVictims: 0, possibleChildren: 0, adults: 0, rescues: 0, arrests: 0, peopleArrested: 0, charges: 0,
    convictions: 0, cashSeizedMinor: {}, assetsSeized: 0, assetsValueMinor: {}, intelligenceReports: 0, publicReports: 0,
  };
}

function addMoney(into: Record<string, number>, from: Record<string, number>): void {
  for (const [currency, amount] of Object.entries(from)) into[currency] = (into[currency] ?? 0) + amount;
}

/** Sums figures. Distinct counts add up because each record belongs to one force. */
export function sumFigures(all: readonly Figures[]): Figures {
  const total = emptyFigures();
  for (const f of all) {
    total.visits += f.visits;
    total.premisesVisited += f.premisesVisited;
    total.potentialVictims += f.potentialVictims;
    total.possibleChildren += f.possibleChildren;
    total.adults += f.adults;
    total.rescues += f.rescues;
    total.arrests += f.arrests;
    total.peopleArrested += f.peopleArrested;
    total.charges += f.charges;
    total.convictions += f.convictions;
    total.assetsSeized += f.assetsSeized;
    total.intelligenceReports += f.intelligenceReports;
    total.publicReports += f.publicReports;
    addMoney(total.cashSeizedMinor, f.cashSeizedMinor);
    addMoney(total.assetsValueMinor, f.assetsValueMinor);
  }
  return total;
}

// The hidden-scale service writes unbounded interval ends as {"$number":"Infinity"}.
function decodeJson(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (typeof v === 'object' && v !== null && Object.keys(v).length === 1 && typeof (v as { $number?: unknown }).$number === 'string') return Number((v as { $number: string }).$number);
    return v;
  });
}

function field(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) current = typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[key] : undefined;
  return current;
}

const finiteOrNull = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const textOrNull = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

export async function latestEstimate(repositories: Repositories): Promise<LatestEstimate | null> {
  const row = await repositories.dashboard.latestEstimate();
  if (row === undefined || row.estimate === null) return null;
  const outcome = row.outcome === null ? null : decodeJson(row.outcome);
  const request = decodeJson(row.request);
  return {
    id: row.id, estimate: row.estimate, observed: row.observed,
    lower: finiteOrNull(field(outcome, 'estimate', 'interval', 'lower')), upper: finiteOrNull(field(outcome, 'estimate', 'interval', 'upper')),
    level: finiteOrNull(field(outcome, 'estimate', 'interval', 'level')), method: textOrNull(field(outcome, 'estimate', 'method')),
    from: textOrNull(field(request, 'from')), to: textOrNull(field(request, 'to')), finishedAt: row.finishedAt,
  };
}

// SQLite's driver answers synchronously: between one count and the next the server takes its
// other requests, so a background recount delays a page by one query at most, never all of them.
export const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));
