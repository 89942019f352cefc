// An attacker written apart from the code under test, so the protection is judged by someone
// else's arithmetic: (1) derivation, solving every sum that has one unknown left, over and over;
// (2) an integer program of its own (through HiGHS) for the tightest range of each withheld cell.
import highsPackage from 'highs';

type Loader = typeof highsPackage.default;
const load: Loader = typeof highsPackage === 'function' ? (highsPackage) : highsPackage.default;
let solver: ReturnType<Loader> | undefined;

export interface AttackTable {
  values: number[];
  /** [total, ...parts] */
  sums: number[][];
  /** What the reader sees: a number, '<5' or 'c' (withheld). */
  shown: Array<number | '<5' | 'c'>;
}

/** Cells pinned by repeatedly solving sums with a single unknown. */
export function derive(table: AttackTable): Map<number, number> {
  const known = new Map<number, number>();
  table.shown.forEach((s, i) => { if (typeof s === 'number') known.set(i, s); });
  const pinned = new Map<number, number>();
  for (let changed = true; changed;) {
    changed = false;
    for (const [total, ...parts] of table.sums) {
      if (total === undefined) continue;
      const members = [total, ...parts];
      const missing = members.filter((m) => !known.has(m));
      if (missing.length !== 1) continue;
      const cell = missing[0] as number;
      const partsKnown = parts.reduce((s, p) => s + (known.get(p) ?? 0), 0);
      const value = cell === total ? partsKnown : (known.get(total) ?? 0) - (partsKnown - 0);
      known.set(cell, value);
      pinned.set(cell, value);
      changed = true;
    }
  }
  return pinned;
}

/** The tightest whole-number range of a cell, given everything the reader knows. */
export async function integerRange(table: AttackTable, cell: number): Promise<[number, number]> {
  solver ??= load();
  const highs = await solver;
  const name = (i: number) => `c_${i}`;
  const hidden = table.shown.flatMap((s, i) => (typeof s === 'number' ? [] : [i]));
  const ceiling = table.values.reduce((a, b) => a + b, 0) + 10;
  const lines: string[] = [];
  table.sums.forEach(([total, ...parts], k) => {
    if (total === undefined) return;
    let rhs = 0;
    const terms: string[] = [];
    for (const p of parts) {
      const s = table.shown[p];
      if (typeof s === 'number') rhs -= s; else terms.push(`+ ${name(p)}`);
    }
    const t = table.shown[total];
    if (typeof t === 'number') rhs += t; else terms.push(`- ${name(total)}`);
    if (terms.length > 0) lines.push(`s${k}: ${terms.join(' ')} = ${rhs}`);
  });
  const bounds: string[] = [];
  const binaries: string[] = [];
  for (const i of hidden) {
    if (table.shown[i] === '<5') bounds.push(`1 <= ${name(i)} <= 4`);
    else {
      bounds.push(`0 <= ${name(i)} <= ${ceiling}`);
      lines.push(`g${i}: ${name(i)} - 5 b_${i} >= 0`, `h${i}: ${name(i)} - ${ceiling} b_${i} <= 0`);
      binaries.push(`b_${i}`);
    }
  }
  if (lines.length === 0) lines.push(`dummy: ${name(cell)} >= 0`);
  const model = (sense: string) => [sense, `obj: ${name(cell)}`, 'Subject To', ...lines, 'Bounds', ...bounds,
    'General', hidden.map(name).join(' '), ...(binaries.length > 0 ? ['Binary', binaries.join(' ')] : []), 'End'].join('\n');
  const low = highs.solve(model('Minimize'), { output_flag: false });
  const high = highs.solve(model('Maximize'), { output_flag: false });
  if (low.Status !== 'Optimal' || high.Status !== 'Optimal') throw new Error(`attack not solved: ${low.Status} ${high.Status}`);
  return [Math.round(low.ObjectiveValue), Math.round(high.ObjectiveValue)];
}
