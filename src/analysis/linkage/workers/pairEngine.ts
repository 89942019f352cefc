import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { ComparisonSpec } from '../comparisons/comparison.ts';
import type { FeatureTable } from '../featureTable.ts';
import {
  compileComparisons,
  countPatterns,
  inCodeOrder,
  mergePatternCounts,
  scorePairs,
  type PatternCounts,
  type ScoredChunk,
  type ScoredPairs,
  type ScoringTables,
} from '../pairComparison.ts';
import type { ComparisonTask } from './comparisonWorker.ts';

export interface PairChunk {
  readonly left: Int32Array;
  readonly right: Int32Array;
}

export interface ScoreResult {
  readonly pairs: ScoredPairs;
  readonly patterns: Map<number, number>;
}

/** Runs the pair loops either in worker threads or, for small inputs and tests, in this thread. */
export interface PairEngine {
  readonly threads: number;
  patterns(chunks: Iterable<PairChunk>, onChunk?: (pairs: number) => void): Promise<Map<number, number>>;
  /** Pairs with weight ≥ minWeight, and the pattern counts of all pairs scored. */
  score(chunks: Iterable<PairChunk>, scoring: ScoringTables, minWeight: number, onChunk?: (pairs: number) => void): Promise<ScoreResult>;
  close(): Promise<void>;
}

export function defaultThreadCount(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Worker threads run TypeScript through tsx's loader. When this process was itself started by
 * tsx the loader is inherited; otherwise (e.g. under the test runner) it is added explicitly.
 */
function workerExecArgv(): string[] {
  if (process.execArgv.some((a) => a.includes('tsx'))) return process.execArgv;
  const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
  return [...process.execArgv, '--import', pathToFileURL(join(dirname(tsxPackage), 'dist', 'loader.mjs')).href];
}

function concatScored(parts: readonly ScoredPairs[]): ScoredPairs {
  let total = 0;
  for (const p of parts) total += p.left.length;
  const left = new Int32Array(total);
  const right = new Int32Array(total);
  const weights = new Float32Array(total);
  let at = 0;
  for (const p of parts) {
    left.set(p.left, at);
    right.set(p.right, at);
    weights.set(p.weights, at);
    at += p.left.length;
  }
  return { left, right, weights };
}

export function createPairEngine(table: FeatureTable, comparisons: readonly ComparisonSpec[], threads: number): PairEngine {
  if (threads <= 0) return inThreadEngine(table, comparisons);
  const pool = new Piscina<ComparisonTask, unknown>({
    filename: new URL('./comparisonWorker.ts', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    execArgv: workerExecArgv(),
    // The shared table is large; idle workers are kept so the loader is paid for once.
    idleTimeout: 60_000,
  });
  const inFlight = threads * 2;

  async function runAll<R>(chunks: Iterable<PairChunk>, task: (c: PairChunk) => ComparisonTask, onResult: (r: R, c: PairChunk) => void): Promise<void> {
    const running = new Set<Promise<void>>();
    for (const chunk of chunks) {
      const promise: Promise<void> = pool.run(task(chunk)).then((result) => {
        onResult(result as R, chunk);
        running.delete(promise);
      });
      running.add(promise);
      if (running.size >= inFlight) await Promise.race(running);
    }
    await Promise.all(running);
  }

  return {
    threads,
    async patterns(chunks, onChunk) {
      const tally = new Map<number, number>();
      await runAll<PatternCounts>(
        chunks,
        (c) => ({ type: 'patterns', table, comparisons, left: c.left, right: c.right }),
        (r, c) => {
          mergePatternCounts(tally, r);
          onChunk?.(c.left.length);
        },
      );
      return inCodeOrder(tally);
    },
    async score(chunks, scoring, minWeight, onChunk) {
      const parts: ScoredPairs[] = [];
      const patterns = new Map<number, number>();
      await runAll<ScoredChunk>(
        chunks,
        (c) => ({ type: 'score', table, comparisons, scoring, minWeight, left: c.left, right: c.right }),
        (r, c) => {
          parts.push(r);
          mergePatternCounts(patterns, r.patterns);
          onChunk?.(c.left.length);
        },
      );
      return { pairs: concatScored(parts), patterns: inCodeOrder(patterns) };
    },
    close: () => pool.close(),
  };
}

function inThreadEngine(table: FeatureTable, comparisons: readonly ComparisonSpec[]): PairEngine {
  const compiled = compileComparisons(comparisons);
  return {
    threads: 0,
    patterns(chunks, onChunk) {
      const tally = new Map<number, number>();
      for (const c of chunks) {
        mergePatternCounts(tally, countPatterns(table, compiled, c.left, c.right));
        onChunk?.(c.left.length);
      }
      return Promise.resolve(inCodeOrder(tally));
    },
    score(chunks, scoring, minWeight, onChunk) {
      const parts: ScoredPairs[] = [];
      const patterns = new Map<number, number>();
      for (const c of chunks) {
        const scored = scorePairs(table, compiled, scoring, c.left, c.right, minWeight);
        parts.push(scored);
        mergePatternCounts(patterns, scored.patterns);
        onChunk?.(c.left.length);
      }
      return Promise.resolve({ pairs: concatScored(parts), patterns: inCodeOrder(patterns) });
    },
    close: () => Promise.resolve(),
  };
}
