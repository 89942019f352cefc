// The dashboards' records grouped by force and day, read once per operation (and once for every
// operation together) and kept by the facts cache: any period chosen is then a sum over the days
// inside it, made in memory, instead of a new count of the records (which took seconds for the
// national data: bench/README.md). Distinct counts stay exact because the days keep what they
// count distinctly: premises are grouped by premises and day, arrests by person and day, so a
// period's "premises visited" and "people arrested" are the distinct premises and people on its
// days. Every figure equals the direct count of its definition (directCount.ts), for any period:
// test/services/dashboardLedger.test.ts.
import type { ArrestDayRow, ChargeDayRow, ReportDayRow, SeizureDayRow, VictimDayRow, VisitDayRow } from '../../store/repositories/dashboardDays.ts';
import type { BreakdownRow, DashboardScope, DayCountRow, PremisesTypeRow } from '../../store/repositories/dashboard.ts';
import type { OrganisationRow } from '../../store/schema.ts';
import type { Repositories } from '../../store/store.ts';
import { breathe, emptyFigures, latestEstimate, sumFigures, type DashboardFacts, type Figures, type LatestEstimate, type OrganisationFacts, type VictimCareFacts } from './facts.ts';

/** Everything one force recorded on one day that adds up over days. */
interface ForceDay {
  organisationId: string;
  day: string;
  visits: number;
  rescues: number;
  potentialVictims: number;
  possibleChildren: number;
  arrests: number;
  charges: number;
  convictions: number;
  assetsSeized: number;
  cashSeizedMinor: Record<string, number>;
  assetsValueMinor: Record<string, number>;
  /** A visit, a potential victim or an arrest that day: the day is in the force's weekly and monthly series. */
  inSeries: boolean;
}

/**
 * A premises visited (or a person arrested) by a force on a day, with the day the same force last
 * visited it (arrested them) before, or null: in a period it is counted once, on its first day
 * in the period, which is the day whose previous one falls before the period's start.
 */
interface DistinctDay {
  day: string;
  previous: string | null;
}

interface KeyDay {
  organisationId: string;
  key: string;
  day: string;
  visits: number;
  potentialVictims: number;
}

export interface DayLedger {
  operationId: string | null;
  /** The chosen operation's dates, which bound intelligence, public reports and calls (null: no operation, or not found). */
  operationPeriod: { startsOn: string; endsOn: string } | null;
  countedAt: string;
  today: string;
  organisations: OrganisationRow[];
  /** Every list below is in order of day, so a period is a slice found by binary search. */
  forceDays: ForceDay[];
  premises: Map<string, DistinctDay[]>;
  peopleArrested: Map<string, DistinctDay[]>;
  nationality: KeyDay[];
  exploitationType: KeyDay[];
  premisesType: KeyDay[];
  intelligence: ReportDayRow[];
  publicReports: ReportDayRow[];
  calls: ReportDayRow[];
  /** Read today, whatever the period: the same for every period of the ledger. */
  victimCare: VictimCareFacts[];
  estimate: LatestEstimate | null;
}

const byDay = (a: { day: string }, b: { day: string }) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0);

/** Rows of (force, thing, day), one per day, as each force's days with the previous day of the same thing. */
function distinctDays(rows: ReadonlyArray<{ organisationId: string; day: string }>, thing: (row: never) => string): Map<string, DistinctDay[]> {
  const last = new Map<string, string>();
  const days = new Map<string, DistinctDay[]>();
  for (const row of [...rows].sort(byDay)) {
    const key = `${row.organisationId} ${thing(row as never)}`;
    let list = days.get(row.organisationId);
    if (list === undefined) days.set(row.organisationId, (list = []));
    list.push({ day: row.day, previous: last.get(key) ?? null });
    last.set(key, row.day);
  }
  return days;
}

function keyDays(): { add: (organisationId: string, key: string, day: string) => KeyDay; list: () => KeyDay[] } {
  const rows = new Map<string, KeyDay>();
  return {
    add: (organisationId, key, day) => {
      const k = `${organisationId}\u0000${key}\u0000${day}`;
      let row = rows.get(k);
      if (row === undefined) rows.set(k, (row = { organisationId, key, day, visits: 0, potentialVictims: 0 }));
      return row;
    },
    list: () => [...rows.values()].sort(byDay),
  };
}

interface DayRows {
  visits: VisitDayRow[];
  victims: VictimDayRow[];
  arrests: ArrestDayRow[];
  charges: ChargeDayRow[];
  seizures: SeizureDayRow[];
}

/** Adds the rows up by force and day, once, so that a period only sums its days. */
function indexDays(rows: DayRows): Pick<DayLedger, 'forceDays' | 'premises' | 'peopleArrested' | 'nationality' | 'exploitationType' | 'premisesType'> {
  const forceDays = new Map<string, ForceDay>();
  const forceDay = (organisationId: string, day: string): ForceDay => {
    const k = `${organisationId} ${day}`;
    let entry = forceDays.get(k);
    if (entry === undefined) {
      entry = {
        organisationId, day, visits: 0, rescues: 0, potentialVictims: 0, possibleChildren: 0, arrests: 0, charges: 0, convictions: 0, assetsSeized: 0,
        cashSeizedMinor: {}, assetsValueMinor: {}, inSeries: false,
      };
      forceDays.set(k, entry);
    }
    return entry;
  };
  const nationality = keyDays();
  const exploitationType = keyDays();
  const premisesType = keyDays();
  for (const v of rows.visits) {
    const d = forceDay(v.organisationId, v.day);
    d.visits += v.visits;
    d.rescues += v.rescues;
    d.inSeries = true;
    if (v.premisesType !== null) premisesType.add(v.organisationId, v.premisesType, v.day).visits += v.visits;
  }
  for (const v of rows.victims) {
    const d = forceDay(v.organisationId, v.day);
    d.potentialVictims += v.potentialVictims;
    d.possibleChildren += v.possibleChildren;
    d.inSeries = true;
    nationality.add(v.organisationId, v.nationality ?? '', v.day).potentialVictims += v.potentialVictims;
    exploitationType.add(v.organisationId, v.exploitationType ?? '', v.day).potentialVictims += v.potentialVictims;
    if (v.premisesType !== null) premisesType.add(v.organisationId, v.premisesType, v.day).potentialVictims += v.potentialVictims;
  }
  for (const a of rows.arrests) {
    const d = forceDay(a.organisationId, a.day);
    d.arrests += a.arrests;
    d.inSeries = true;
  }
  for (const c of rows.charges) {
    const d = forceDay(c.organisationId, c.day);
    d.charges += c.charges;
    d.convictions += c.convictions;
  }
  for (const s of rows.seizures) {
    const d = forceDay(s.organisationId, s.day);
    if (s.cash) {
      addMoney(d.cashSeizedMinor, s.currency, s.amountMinor);
    } else {
      d.assetsSeized += s.seized;
      addMoney(d.assetsValueMinor, s.currency, s.amountMinor);
    }
  }
  return {
    forceDays: [...forceDays.values()].sort(byDay),
    premises: distinctDays(rows.visits, (v: VisitDayRow) => v.premisesId),
    peopleArrested: distinctDays(rows.arrests, (a: ArrestDayRow) => a.personFoundId),
    nationality: nationality.list(), exploitationType: exploitationType.list(), premisesType: premisesType.list(),
  };
}

/** Reads the day rows of one operation (undefined: every operation). `today` is the date the victim-care clocks are read on. */
export async function readDayLedger(repositories: Repositories, operationId: string | undefined, today: string, countedAt: string): Promise<DayLedger> {
  const days = repositories.dashboardDays;
  const organisations = await repositories.organisations.list({ includeRetired: true });
  const operation = operationId === undefined ? undefined : await repositories.operations.findById(operationId);
  const visits = await days.visitDays(operationId);
  await breathe();
  const victims = await days.victimDays(operationId);
  await breathe();
  const arrests = await days.arrestDays(operationId);
  await breathe();
  const charges = await days.chargeDays(operationId);
  await breathe();
  const seizures = await days.seizureDays(operationId);
  await breathe();
  const intelligence = await days.intelligenceDays();
  const publicReports = await days.publicReportDays();
  const calls = await days.informationLineCallDays();
  await breathe();
  const names = new Map(organisations.map((o) => [o.id, o.name]));
  const victimCare = (await repositories.dashboard.victimCareCounts(today))
    .map((v) => ({ ...v, name: names.get(v.organisationId) ?? v.organisationId }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    operationId: operationId ?? null, operationPeriod: operation === undefined ? null : { startsOn: operation.starts_on, endsOn: operation.ends_on },
    countedAt, today, organisations, ...indexDays({ visits, victims, arrests, charges, seizures }), intelligence, publicReports, calls, victimCare,
    estimate: await latestEstimate(repositories),
  };
}

type Period = Pick<DashboardScope, 'from' | 'to'>;

const within = (period: Period) => (day: string): boolean => (period.from === undefined || day >= period.from) && (period.to === undefined || day <= period.to);

/** The slice of a list in order of day that falls in the period. */
function slice<T extends { day: string }>(rows: readonly T[], period: Period): readonly T[] {
  const firstAfter = (bound: string, inclusive: boolean) => {
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const day = rows[mid]?.day ?? '';
      if (inclusive ? day < bound : day <= bound) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const start = period.from === undefined ? 0 : firstAfter(period.from, true);
  const end = period.to === undefined ? rows.length : firstAfter(period.to, false);
  return start === 0 && end === rows.length ? rows : rows.slice(start, end);
}

/** How many things had a day in the period: those whose previous day (if any) is before its start. */
function distinctIn(days: readonly DistinctDay[], period: Period): number {
  let count = 0;
  for (const d of slice(days, period)) if (d.previous === null || (period.from !== undefined && d.previous < period.from)) count += 1;
  return count;
}

function addMoney(into: Record<string, number>, currency: string, amount: number): void {
  into[currency] = (into[currency] ?? 0) + amount;
}

/** Per force and key, summed over the period's days. */
function keySums(rows: readonly KeyDay[], period: Period): KeyDay[] {
  const sums = new Map<string, Map<string, KeyDay>>();
  for (const r of slice(rows, period)) {
    let own = sums.get(r.organisationId);
    if (own === undefined) sums.set(r.organisationId, (own = new Map<string, KeyDay>()));
    const sum = own.get(r.key);
    if (sum === undefined) {
      own.set(r.key, { ...r });
    } else {
      sum.visits += r.visits;
      sum.potentialVictims += r.potentialVictims;
    }
  }
  return [...sums.values()].flatMap((own) => [...own.values()]);
}

/** The facts of a period (dates inclusive, either end open), summed over the ledger's days. */
export function factsForPeriod(ledger: DayLedger, period: Period): DashboardFacts {
  const scope: DashboardScope = { ...(ledger.operationId === null ? {} : { operationId: ledger.operationId }), ...period };
  // Intelligence and public reports carry no operation: an operation's period bounds them instead.
  const reportPeriod: Period = { ...period };
  if (ledger.operationPeriod !== null) {
    if (reportPeriod.from === undefined || reportPeriod.from < ledger.operationPeriod.startsOn) reportPeriod.from = ledger.operationPeriod.startsOn;
    if (reportPeriod.to === undefined || reportPeriod.to > ledger.operationPeriod.endsOn) reportPeriod.to = ledger.operationPeriod.endsOn;
  }
  const inReportPeriod = within(reportPeriod);

  const figures = new Map<string, Figures>();
  const of = (organisationId: string): Figures => {
    let entry = figures.get(organisationId);
    if (entry === undefined) {
      entry = emptyFigures();
      figures.set(organisationId, entry);
    }
    return entry;
  };
  const days: DayCountRow[] = [];
  for (const d of slice(ledger.forceDays, period)) {
    const f = of(d.organisationId);
    f.visits += d.visits;
    f.rescues += d.rescues;
    f.potentialVictims += d.potentialVictims;
    f.possibleChildren += d.possibleChildren;
    f.arrests += d.arrests;
    f.charges += d.charges;
    f.convictions += d.convictions;
    f.assetsSeized += d.assetsSeized;
    for (const [currency, amount] of Object.entries(d.cashSeizedMinor)) addMoney(f.cashSeizedMinor, currency, amount);
    for (const [currency, amount] of Object.entries(d.assetsValueMinor)) addMoney(f.assetsValueMinor, currency, amount);
    if (d.inSeries) days.push({ organisationId: d.organisationId, day: d.day, visits: d.visits, potentialVictims: d.potentialVictims, arrests: d.arrests });
  }
  for (const [organisationId, list] of ledger.premises) {
    const count = distinctIn(list, period);
    if (count > 0) of(organisationId).premisesVisited = count;
  }
  for (const [organisationId, list] of ledger.peopleArrested) {
    const count = distinctIn(list, period);
    if (count > 0) of(organisationId).peopleArrested = count;
  }
  const breakdown = (rows: readonly KeyDay[]): BreakdownRow[] => keySums(rows, period).map((r) => ({ organisationId: r.organisationId, key: r.key, count: r.potentialVictims }));
  const premisesType: PremisesTypeRow[] = keySums(ledger.premisesType, period)
    .map((r) => ({ organisationId: r.organisationId, premisesType: r.key, visits: r.visits, potentialVictims: r.potentialVictims }));
  for (const r of ledger.intelligence) if (inReportPeriod(r.day)) of(r.organisationId).intelligenceReports += r.count;
  for (const r of ledger.publicReports) if (inReportPeriod(r.day)) of(r.organisationId).publicReports += r.count;
  let informationLineCalls = 0;
  for (const r of ledger.calls) if (inReportPeriod(r.day)) informationLineCalls += r.count;
  for (const f of figures.values()) f.adults = f.potentialVictims - f.possibleChildren;

  const byId = new Map(ledger.organisations.map((o) => [o.id, o]));
  const isForce = (id: string) => byId.get(id)?.kind === 'police-force';
  const forceIds = new Set([...ledger.organisations.filter((o) => o.kind === 'police-force' && o.retired_at === null).map((o) => o.id), ...[...figures.keys()].filter(isForce)]);
  const forces: OrganisationFacts[] = [...forceIds].map((id) => {
    const o = byId.get(id);
    return { organisationId: id, name: o?.name ?? id, code: o?.code ?? '', jurisdiction: o?.jurisdiction ?? '', figures: figures.get(id) ?? emptyFigures() };
  }).sort((a, b) => a.name.localeCompare(b.name));
  const others = sumFigures([...figures.entries()].filter(([id]) => !forceIds.has(id)).map(([, f]) => f));

  return {
    scope, countedAt: ledger.countedAt, today: ledger.today, forces, others, days,
    nationality: breakdown(ledger.nationality), exploitationType: breakdown(ledger.exploitationType), premisesType,
    victimCare: ledger.victimCare, estimate: ledger.estimate, informationLineCalls,
  };
}
