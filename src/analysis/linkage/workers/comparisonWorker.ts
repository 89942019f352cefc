import type { ComparisonSpec } from '../comparisons/comparison.ts';
import type { FeatureTable } from '../featureTable.ts';
import { compileComparisons, countPatterns, scorePairs, type CompiledComparisons, type ScoringTables } from '../pairComparison.ts';

/** Tasks carry the shared-memory table each time: cloning it copies only the array headers. */
export type ComparisonTask =
  | {
      readonly type: 'patterns';
      readonly table: FeatureTable;
      readonly comparisons: readonly ComparisonSpec[];
      readonly left: Int32Array;
      readonly right: Int32Array;
    }
  | {
      readonly type: 'score';
      readonly table: FeatureTable;
      readonly comparisons: readonly ComparisonSpec[];
      readonly scoring: ScoringTables;
      readonly minWeight: number;
      readonly left: Int32Array;
      readonly right: Int32Array;
    };

const compiledBySpec = new Map<string, CompiledComparisons>();

function compiled(specs: readonly ComparisonSpec[]): CompiledComparisons {
  const key = JSON.stringify(specs);
  let value = compiledBySpec.get(key);
  if (value === undefined) {
    value = compileComparisons(specs);
    compiledBySpec.set(key, value);
  }
  return value;
}

export default function runComparisonTask(task: ComparisonTask): unknown {
  const comparisons = compiled(task.comparisons);
  if (task.type === 'patterns') {
    return countPatterns(task.table, comparisons, task.left, task.right);
  }
  // Results are cloned back: piscina's move() only transfers a top-level value, not nested arrays.
  return scorePairs(task.table, comparisons, task.scoring, task.left, task.right, task.minWeight);
}
