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

export interface DayLedger {
  operationId: string | null;
  /** The chosen operation's dates, which bound intelligence, public reports and calls (null: no operation, or not found). */
  operationPeriod: { startsOn: string; endsOn: string } | null;
  countedAt: string;
  today: string;
  organisations: OrganisationRow[];
  visits: VisitDayRow[];
  victims: VictimDayRow[];
  arrests: ArrestDayRow[];
  charges: ChargeDayRow[];
  seizures: SeizureDayRow[];
  intelligence: ReportDayRow[];
  publicReports: ReportDayRow[];
  calls: ReportDayRow[];
  /** Read today, whatever the period: the same for every period of the ledger. */
  victimCare: VictimCareFacts[];
  estimate: LatestEstimate | null;
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
    countedAt, today, organisations, visits, victims, arrests, charges, seizures, intelligence, publicReports, calls, victimCare,
    estimate: await latestEstimate(repositories),
  };
}

type Period = Pick<DashboardScope, 'from' | 'to'>;

const within = (period: Period) => (day: string): boolean => (period.from === undefined || day >= period.from) && (period.to === undefined || day <= period.to);

/** A key's count per organisation, kept in insertion order. */
class Tally<T> {
  private readonly entries = new Map<string, T>();
  constructor(private readonly make: () => T) {}
  of(...key: string[]): T {
    const k = key.join('\u0000');
    let entry = this.entries.get(k);
    if (entry === undefined) {
      entry = this.make();
      this.entries.set(k, entry);
    }
    return entry;
  }
  values(): T[] {
    return [...this.entries.values()];
  }
}

function addMoney(into: Record<string, number>, currency: string, amount: number): void {
  into[currency] = (into[currency] ?? 0) + amount;
}

/** The facts of a period (dates inclusive, either end open), summed over the ledger's days. */
export function factsForPeriod(ledger: DayLedger, period: Period): DashboardFacts {
  const scope: DashboardScope = { ...(ledger.operationId === null ? {} : { operationId: ledger.operationId }), ...period };
  const inPeriod = within(period);
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
  const days = new Tally<DayCountRow>(() => ({ organisationId: '', day: '', visits: 0, potentialVictims: 0, arrests: 0 }));
  const day = (organisationId: string, d: string): DayCountRow => Object.assign(days.of(organisationId, d), { organisationId, day: d });
  const premisesTypes = new Tally<PremisesTypeRow>(() => ({ organisationId: '', premisesType: '', visits: 0, potentialVictims: 0 }));
  const premisesType = (organisationId: string, type: string): PremisesTypeRow => Object.assign(premisesTypes.of(organisationId, type), { organisationId, premisesType: type });
  const nationality = new Tally<BreakdownRow>(() => ({ organisationId: '', key: '', count: 0 }));
  const exploitationType = new Tally<BreakdownRow>(() => ({ organisationId: '', key: '', count: 0 }));
  const breakdown = (tally: Tally<BreakdownRow>, organisationId: string, key: string): BreakdownRow => Object.assign(tally.of(organisationId, key), { organisationId, key });

  const premisesSeen = new Map<string, Set<string>>();
  for (const v of ledger.visits) {
    if (!inPeriod(v.day)) continue;
    const f = of(v.organisationId);
    f.visits += v.visits;
    f.rescues += v.rescues;
    let seen = premisesSeen.get(v.organisationId);
    if (seen === undefined) premisesSeen.set(v.organisationId, (seen = new Set()));
    seen.add(v.premisesId);
    day(v.organisationId, v.day).visits += v.visits;
    if (v.premisesType !== null) premisesType(v.organisationId, v.premisesType).visits += v.visits;
  }
  for (const [organisationId, seen] of premisesSeen) of(organisationId).premisesVisited = seen.size;

  for (const v of ledger.victims) {
    if (!inPeriod(v.day)) continue;
    const f = of(v.organisationId);
    f.potentialVictims += v.potentialVictims;
    f.possibleChildren += v.possibleChildren;
    day(v.organisationId, v.day).potentialVictims += v.potentialVictims;
    breakdown(nationality, v.organisationId, v.nationality ?? '').count += v.potentialVictims;
    breakdown(exploitationType, v.organisationId, v.exploitationType ?? '').count += v.potentialVictims;
    if (v.premisesType !== null) premisesType(v.organisationId, v.premisesType).potentialVictims += v.potentialVictims;
  }

  const peopleSeen = new Map<string, Set<string>>();
  for (const a of ledger.arrests) {
    if (!inPeriod(a.day)) continue;
    of(a.organisationId).arrests += a.arrests;
    let seen = peopleSeen.get(a.organisationId);
    if (seen === undefined) peopleSeen.set(a.organisationId, (seen = new Set()));
    seen.add(a.personFoundId);
    day(a.organisationId, a.day).arrests += a.arrests;
  }
  for (const [organisationId, seen] of peopleSeen) of(organisationId).peopleArrested = seen.size;

  for (const c of ledger.charges) {
    if (!inPeriod(c.day)) continue;
    const f = of(c.organisationId);
    f.charges += c.charges;
    f.convictions += c.convictions;
  }
  for (const s of ledger.seizures) {
    if (!inPeriod(s.day)) continue;
    const f = of(s.organisationId);
    if (s.cash) {
      addMoney(f.cashSeizedMinor, s.currency, s.amountMinor);
    } else {
      f.assetsSeized += s.seized;
      addMoney(f.assetsValueMinor, s.currency, s.amountMinor);
    }
  }
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
    scope, countedAt: ledger.countedAt, today: ledger.today, forces, others, days: days.values(),
    nationality: nationality.values(), exploitationType: exploitationType.values(), premisesType: premisesTypes.values(),
    victimCare: ledger.victimCare, estimate: ledger.estimate, informationLineCalls,
  };
}
