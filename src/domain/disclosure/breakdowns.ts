// One figure published several ways at once: its total, and breakdowns of it (by force, by month)
// that each add up to that total. They are protected together, so a cell withheld in one
// breakdown cannot be worked out through the total it shares with another.
import type { LinearTable } from './linearTable.ts';
import type { ProtectedCell } from './protectedGrid.ts';
import { protectTable } from './suppress.ts';

export interface ProtectedBreakdowns {
  readonly total: ProtectedCell;
  readonly breakdowns: readonly (readonly ProtectedCell[])[];
}

export async function protectBreakdowns(total: number, breakdowns: readonly (readonly number[])[]): Promise<ProtectedBreakdowns> {
  const values = [total];
  const relations = breakdowns.map((parts) => {
    if (parts.reduce((s, v) => s + v, 0) !== total) throw new Error('A breakdown does not add up to its total');
    const cells = parts.map((value) => values.push(value) - 1);
    return { total: 0, parts: cells };
  });
  const table: LinearTable = { values, relations };
  const status = await protectTable(table);
  const cell = (index: number): ProtectedCell => {
    const s = status[index] ?? 'withheld';
    return { value: s === 'shown' ? (values[index] ?? 0) : null, status: s };
  };
  return { total: cell(0), breakdowns: relations.map((r) => r.parts.map(cell)) };
}
