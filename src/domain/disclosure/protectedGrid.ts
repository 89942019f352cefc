// A grid of counts made safe to publish: each cell either its value or why it is not shown. The
// values of cells not shown are dropped here, so nothing downstream can publish them by mistake.
import { gridCell, gridTable, type CellStatus } from './linearTable.ts';
import { protectTable } from './suppress.ts';

export interface ProtectedCell {
  /** null when the cell is not shown. */
  readonly value: number | null;
  readonly status: CellStatus;
}

export interface ProtectedGrid {
  /** Each row's cells, then its total when the grid has row totals. */
  readonly rows: readonly (readonly ProtectedCell[])[];
  /** The column totals (and the grand total last when the grid has row totals); absent without column totals. */
  readonly totals: readonly ProtectedCell[] | null;
}

export async function protectGrid(counts: readonly (readonly number[])[], options: { rowTotals: boolean; columnTotals: boolean }): Promise<ProtectedGrid> {
  const { table, layout } = gridTable(counts, options);
  const status = await protectTable(table);
  const width = layout.columns + (layout.rowTotals ? 1 : 0);
  const cellAt = (row: number, column: number): ProtectedCell => {
    const index = gridCell(layout, row, column);
    const s = status[index] ?? 'withheld';
    return { value: s === 'shown' ? (table.values[index] ?? 0) : null, status: s };
  };
  const rows = [...Array(layout.rows).keys()].map((r) => [...Array(width).keys()].map((c) => cellAt(r, c)));
  const totals = layout.columnTotals ? [...Array(width).keys()].map((c) => cellAt(layout.rows, c)) : null;
  return { rows, totals };
}
