// The shape of the whole demo before any record exists: the operations, and a sequence of
// criminal networks, each with the forces it operates in and how many visits it gets in each
// operation. Networks are planned one at a time (never all held at once) so that scale 100 costs
// no more memory than scale 1.
import { type ForceArea, resolveForceArea } from './forceAreas.ts';
import { NETWORK_PROFILES, type NetworkProfile } from './networkProfiles.ts';
import { type Random, WeightedTable } from './random.ts';
import type { ForceInput, OperationRecord, OperationTemplate } from './records.ts';

/**
 * The model operations: a first over a year, a second over seven months. The volumes at scale 1
 * (500 + 300 visits) follow the brief for the demo; the real operations visited 515 and 822.
 */
export const DEFAULT_OPERATIONS: readonly OperationTemplate[] = [
  { name: 'Operation Lifeline I', starts: '2006-02-01', ends: '2007-01-31', visits: 500 },
  { name: 'Operation Lifeline II', starts: '2007-10-01', ends: '2008-04-30', visits: 300 },
];

export interface PlannedForce {
  force: ForceInput;
  area: ForceArea;
}

export interface NetworkPlan {
  /** 0, 1, 2, …: the order in which networks are generated. */
  index: number;
  id: string;
  profile: NetworkProfile;
  home: PlannedForce;
  /** Other forces whose areas the network also works in. */
  linked: PlannedForce[];
  /** Visits in each operation, index-aligned with the operations. */
  visitsPerOperation: number[];
}

export function planOperations(templates: readonly OperationTemplate[], random: Random): OperationRecord[] {
  return templates.map((t) => ({ id: random.uuid(), name: t.name, starts: t.starts, ends: t.ends }));
}

export function visitBudgets(templates: readonly OperationTemplate[], scale: number): number[] {
  return templates.map((t) => Math.max(1, Math.round(t.visits * scale)));
}

function networkSize(random: Random): number {
  // About a quarter of premises stand alone; the rest belong to networks of a few to a dozen or more.
  return random.chance(0.25) ? 1 : 2 + random.geometric(0.7, 24);
}

export function* planNetworks(forces: readonly ForceInput[], budgets: readonly number[], random: Random): Generator<NetworkPlan> {
  if (forces.length === 0) throw new Error('the demo needs at least one participating force');
  const planned: PlannedForce[] = forces.map((force) => ({ force, area: resolveForceArea(force) }));
  const bySize = new WeightedTable(planned.map((p) => ({ value: p, weight: p.area.size })));
  const profiles = new WeightedTable(NETWORK_PROFILES.map((p) => ({ value: p, weight: p.weight })));
  const remaining = budgets.slice();
  // Every force took part: each operation's first networks are homed once in every force.
  const waiting = budgets.map(() => random.shuffle(planned));
  let index = 0;
  while (remaining.some((r) => r > 0)) {
    const open = remaining.flatMap((r, i) => (r > 0 ? [i] : []));
    let active: number[];
    if (open.length > 1 && random.chance(0.15)) active = open;
    else {
      // Spread networks over operations in proportion to what each still needs.
      active = [random.weightedChoice(open.map((i) => ({ value: i, weight: remaining[i] ?? 0 })))];
    }
    const queued = active.find((i) => (waiting[i]?.length ?? 0) > 0);
    let home: PlannedForce;
    if (queued !== undefined) {
      home = waiting[queued]?.shift() ?? bySize.draw(random);
      for (const i of active) waiting[i] = (waiting[i] ?? []).filter((p) => p !== home);
    } else home = bySize.draw(random);
    const visitsPerOperation = budgets.map(() => 0);
    for (const i of active) {
      const size = queued === undefined ? networkSize(random) : Math.min(3, networkSize(random));
      const granted = Math.min(size, remaining[i] ?? 0);
      visitsPerOperation[i] = granted;
      remaining[i] = (remaining[i] ?? 0) - granted;
    }
    const total = visitsPerOperation.reduce((a, b) => a + b, 0);
    const linkedCount = total <= 1 ? 0 : 1 + random.geometric(0.4, 3);
    const linked: PlannedForce[] = [];
    for (let attempt = 0; attempt < linkedCount * 4 && linked.length < linkedCount; attempt++) {
      const candidate = bySize.draw(random);
      if (candidate !== home && !linked.includes(candidate)) linked.push(candidate);
    }
    yield { index, id: random.uuid(), profile: profiles.draw(random), home, linked, visitsPerOperation };
    index++;
  }
}
