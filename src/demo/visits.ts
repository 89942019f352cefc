// When and where a network's visits happen. Forces coordinated their visits on days of action, so
// a network's visits cluster on a few days, often in several forces at once. Warrant visits start
// early in the morning; other visits (licensing, welfare checks) happen in the day or evening.
import type { NetworkPlan, PlannedForce } from './operationPlan.ts';
import type { Random } from './random.ts';
import type { OperationRecord } from './records.ts';
import type { PremisesType, VisitOutcome } from './vocabulary.ts';

export interface VisitSlot {
  operationIndex: number;
  force: PlannedForce;
  visitedAt: string;
  warrant: boolean;
}

const DAY = 86_400_000;

/** Last Sunday of a month, 01:00 UTC: when UK and Irish clocks change. */
function lastSundayAt1Utc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/** Local wall-clock time in the UK or Ireland to a UTC ISO timestamp. */
export function localTimeToUtc(date: string, hour: number, minute: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const naive = Date.UTC(y, m - 1, d, hour, minute);
  const summer = naive >= lastSundayAt1Utc(y, 2) && naive < lastSundayAt1Utc(y, 9);
  return new Date(naive - (summer ? 3_600_000 : 0)).toISOString();
}

export function scheduleVisits(plan: NetworkPlan, operations: readonly OperationRecord[], random: Random): VisitSlot[] {
  const slots: VisitSlot[] = [];
  plan.visitsPerOperation.forEach((count, operationIndex) => {
    if (count === 0) return;
    const operation = operations[operationIndex];
    if (operation === undefined) throw new Error(`no operation ${operationIndex}`);
    const start = Date.parse(`${operation.starts}T00:00:00Z`);
    const days = Math.round((Date.parse(`${operation.ends}T00:00:00Z`) - start) / DAY);
    const actionDays = Array.from({ length: Math.min(count, 1 + random.geometric(0.5, 3)) }, () =>
      new Date(start + random.integer(0, days) * DAY).toISOString().slice(0, 10));
    const operationSlots: VisitSlot[] = [];
    for (let i = 0; i < count; i++) {
      const warrant = random.chance(0.72);
      const hour = warrant ? random.integer(5, 7) : random.integer(10, 22);
      const day = random.choice(actionDays);
      // The first visit is in the home force: that is how every force is sure to take part.
      const force = i === 0 || plan.linked.length === 0 || random.chance(0.45) ? plan.home : random.choice(plan.linked);
      operationSlots.push({ operationIndex, force, visitedAt: localTimeToUtc(day, hour, random.integer(0, 11) * 5), warrant });
    }
    slots.push(...operationSlots);
  });
  return slots.sort((a, b) => (a.visitedAt < b.visitedAt ? -1 : a.visitedAt > b.visitedAt ? 1 : 0));
}

/** Chance that a visit finds people to safeguard or arrest, by the kind of premises. */
export const PRODUCTIVE_CHANCE: Readonly<Record<PremisesType, number>> = {
  brothel: 0.62, 'massage-parlour': 0.5, sauna: 0.45, 'private-flat': 0.55, hotel: 0.45, 'nail-bar': 0.4,
  'car-wash': 0.45, 'cannabis-farm': 0.7, farm: 0.4, factory: 0.4, other: 0.35,
};

export function visitOutcome(victims: number, arrests: number, random: Random): VisitOutcome {
  if (victims > 0) return 'victims-found';
  if (arrests > 0) return 'arrests-made';
  return random.chance(0.6) ? 'intelligence-only' : 'nothing-found';
}
