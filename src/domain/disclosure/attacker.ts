// What someone who reads a published table can work out about a withheld cell. They know every
// shown figure exactly, that a cell shown as "fewer than 5" is 1, 2, 3 or 4, that a cell withheld
// for another's sake is 0 or at least 5 (a count from 1 to 4 would have said "fewer than 5"),
// that counts are whole numbers, and that totals add up. The tightest range they can give a
// cell is the minimum and maximum of an integer program over those facts, solved with HiGHS.
import highsPackage from 'highs';
import { SMALLEST_SHOWN, type CellStatus, type LinearTable } from './linearTable.ts';

// The package's types describe its CommonJS build; imported as ESM its default export is the loader itself.
type Loader = typeof highsPackage.default;
const loadHighs: Loader = typeof highsPackage === 'function' ? (highsPackage) : highsPackage.default;
type Highs = Awaited<ReturnType<Loader>>;
let highs: Promise<Highs> | undefined;

/** The solver is WebAssembly, compiled once per process. */
function solver(): Promise<Highs> {
  highs ??= loadHighs();
  return highs;
}

export interface Interval {
  readonly lower: number;
  readonly upper: number;
}

/** The model of the attacker's knowledge, as CPLEX LP text without its objective. */
function constraints(table: LinearTable, status: readonly CellStatus[]): { body: string; unknown: Set<number> } {
  const unknown = new Set(status.flatMap((s, i) => (s === 'shown' ? [] : [i])));
  // A bound on any cell that can never cut off the truth: no cell exceeds the sum of all cells.
  const big = table.values.reduce((s, v) => s + v, 0) + SMALLEST_SHOWN;
  const rows: string[] = [];
  table.relations.forEach((relation, index) => {
    const terms: string[] = [];
    let known = 0;
    for (const [cell, sign] of [[relation.total, -1] as const, ...relation.parts.map((p) => [p, 1] as const)]) {
      if (unknown.has(cell)) terms.push(`${sign < 0 ? '-' : '+'} x${cell}`);
      else known += sign * (table.values[cell] ?? 0);
    }
    if (terms.length > 0) rows.push(` r${index}: ${terms.join(' ')} = ${-known}`);
  });
  const bounds: string[] = [];
  const binaries: string[] = [];
  for (const cell of unknown) {
    if (status[cell] === 'fewer-than-5') {
      bounds.push(` 1 <= x${cell} <= ${SMALLEST_SHOWN - 1}`);
    } else {
      bounds.push(` 0 <= x${cell} <= ${big}`);
      rows.push(` lo${cell}: x${cell} - ${SMALLEST_SHOWN} z${cell} >= 0`, ` hi${cell}: x${cell} - ${big} z${cell} <= 0`);
      binaries.push(`z${cell}`);
    }
  }
  // An empty constraint section is not valid LP text: a harmless row keeps it well-formed.
  if (rows.length === 0) rows.push(` keep: ${[...unknown].map((c) => `x${c}`)[0] ?? 'x0'} >= 0`);
  const body = [
    'Subject To', ...rows, 'Bounds', ...bounds,
    'General', ` ${[...unknown].map((c) => `x${c}`).join(' ')}`,
    ...(binaries.length > 0 ? ['Binary', ` ${binaries.join(' ')}`] : []), 'End',
  ].join('\n');
  return { body, unknown };
}

function optimum(highsSolver: Highs, sense: 'Minimize' | 'Maximize', cell: number, body: string): number {
  const result = highsSolver.solve(`${sense}\n obj: x${cell}\n${body}`, { output_flag: false });
  if (result.Status !== 'Optimal') throw new Error(`The disclosure check could not be solved (${result.Status})`);
  return Math.round(result.ObjectiveValue);
}

/** The attacker's tightest range for each of the given withheld cells. */
export async function attackerIntervals(table: LinearTable, status: readonly CellStatus[], cells: readonly number[]): Promise<Map<number, Interval>> {
  const highsSolver = await solver();
  const { body, unknown } = constraints(table, status);
  const intervals = new Map<number, Interval>();
  for (const cell of cells) {
    if (!unknown.has(cell)) throw new Error(`Cell ${cell} is shown: it has no range to check`);
    intervals.set(cell, { lower: optimum(highsSolver, 'Minimize', cell, body), upper: optimum(highsSolver, 'Maximize', cell, body) });
  }
  return intervals;
}
