// Statistical disclosure control for published counts. Primary suppression: a count from 1 to 4
// is shown as "fewer than 5". Secondary suppression: further cells are withheld until no
// "fewer than 5" cell can be narrowed by the totals to a range of fewer than MIN_RANGE + 1 whole
// numbers (checked by the attacker's integer program in attacker.ts, which knows everything a
// reader knows). Withheld cells are chosen among the failing cell's row and column (the cells it
// shares a sum with): non-zero before zero, inner cells before totals, then the smallest, so the
// least information is lost.
import { attackerIntervals } from './attacker.ts';
import { isSmallCount, isTotalCell, neighbours, type CellStatus, type LinearTable } from './linearTable.ts';

/**
 * The narrowest range a reader may be able to give a "fewer than 5" cell: upper − lower ≥ 2, so
 * the reader is always left with at least three possible values (say 1, 2 or 3).
 */
export const MIN_RANGE = 2;
/** Candidates tried, per failing cell and round, before one is withheld anyway. */
const CANDIDATES_PER_ROUND = 4;

export function primarySuppression(table: LinearTable): CellStatus[] {
  return table.values.map((value) => (isSmallCount(value) ? 'fewer-than-5' : 'shown'));
}

function rank(table: LinearTable, cell: number): [number, number, number] {
  const value = table.values[cell] ?? 0;
  return [value === 0 ? 1 : 0, isTotalCell(table, cell) ? 1 : 0, value];
}

function byRank(table: LinearTable) {
  return (a: number, b: number): number => {
    const [ra, rb] = [rank(table, a), rank(table, b)];
    return ra[0] - rb[0] || ra[1] - rb[1] || ra[2] - rb[2] || a - b;
  };
}

async function range(table: LinearTable, status: readonly CellStatus[], cell: number): Promise<number> {
  const interval = (await attackerIntervals(table, status, [cell])).get(cell);
  return interval === undefined ? 0 : interval.upper - interval.lower;
}

/** Primary and secondary suppression together: the status of every cell of the table. */
export async function protectTable(table: LinearTable): Promise<CellStatus[]> {
  const status = primarySuppression(table);
  // Withholding a cell only ever widens the reader's ranges, so a cell that passes stays passed.
  let pending = status.flatMap((s, i) => (s === 'fewer-than-5' ? [i] : []));
  while (pending.length > 0) {
    const intervals = await attackerIntervals(table, status, pending);
    pending = pending.filter((cell) => {
      const interval = intervals.get(cell);
      return interval === undefined || interval.upper - interval.lower < MIN_RANGE;
    });
    const failing = pending[0];
    if (failing === undefined) break;
    let candidates = neighbours(table, failing).filter((c) => status[c] === 'shown').sort(byRank(table));
    if (candidates.length === 0) {
      // Its row and column are all withheld already: widen the search to every shown cell that
      // shares a sum with any withheld cell.
      const withheld = status.flatMap((s, i) => (s === 'shown' ? [] : [i]));
      candidates = [...new Set(withheld.flatMap((c) => neighbours(table, c)))].filter((c) => status[c] === 'shown').sort(byRank(table));
    }
    if (candidates.length === 0) {
      // Nothing left that could help: withhold everything rather than publish a recoverable cell.
      status.fill('withheld');
      for (const cell of table.values.keys()) if (isSmallCount(table.values[cell] ?? 0)) status[cell] = 'fewer-than-5';
      break;
    }
    const before = await range(table, status, failing);
    let chosen = candidates[0] as number;
    for (const candidate of candidates.slice(0, CANDIDATES_PER_ROUND)) {
      const trial = [...status];
      trial[candidate] = 'withheld';
      if (await range(table, trial, failing) > before) {
        chosen = candidate;
        break;
      }
    }
    status[chosen] = 'withheld';
  }
  return status;
}
