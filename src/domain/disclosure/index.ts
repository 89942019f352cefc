export { attackerIntervals, type Interval } from './attacker.ts';
export {
  SMALLEST_SHOWN, gridCell, gridTable, gridWidth, isSmallCount, neighbours,
  type CellStatus, type GridLayout, type LinearTable, type SumRelation,
} from './linearTable.ts';
export { MIN_RANGE, primarySuppression, protectTable } from './suppress.ts';
export { protectGrid, type ProtectedCell, type ProtectedGrid } from './protectedGrid.ts';
export { protectBreakdowns, type ProtectedBreakdowns } from './breakdowns.ts';
