// Loads the shared estimation tables and the R reference values. The repository is cloned next to
// `shared/` in CI, so `../shared` from the repository root is the contract; a git worktree checked
// out under /work/wt-* sits at the same depth.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCaptureTable, type CaptureTable } from '../../../src/analysis/estimate/captureTable.ts';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function findEstimationFolder(): string {
  const candidates = [
    process.env['LIFELINE_ESTIMATION_DATA'],
    path.resolve(repositoryRoot, '../shared/data/estimation'),
    path.resolve(repositoryRoot, 'shared/data/estimation'),
  ].filter((candidate): candidate is string => candidate !== undefined);
  for (const candidate of candidates) if (existsSync(path.join(candidate, 'reference.json'))) return candidate;
  throw new Error(`estimation reference folder not found; looked in ${candidates.join(', ')}`);
}

export const estimationFolder = findEstimationFolder();

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface ReferenceFile {
  readonly datasets: Record<string, { readonly key: Json; readonly computed?: Json }>;
}

export const reference = JSON.parse(readFileSync(path.join(estimationFolder, 'reference.json'), 'utf8')) as ReferenceFile;

export const tableNames: readonly string[] = readdirSync(estimationFolder)
  .filter((file) => file.endsWith('.csv'))
  .map((file) => file.replace(/\.csv$/, ''))
  .sort();

export function readTableText(name: string): string {
  return readFileSync(path.join(estimationFolder, `${name}.csv`), 'utf8');
}

export function loadTable(name: string): CaptureTable {
  return parseCaptureTable(readTableText(name));
}

/** Follows a path of keys into the reference JSON; undefined when any step is missing or null. */
export function lookup(value: Json | undefined, ...keys: (string | number)[]): Json | undefined {
  let current: Json | undefined = value;
  for (const key of keys) {
    if (current === null || current === undefined || typeof current !== 'object') return undefined;
    current = Array.isArray(current) ? current[Number(key)] : current[String(key)];
  }
  return current ?? undefined;
}

export function numberAt(value: Json | undefined, ...keys: (string | number)[]): number | undefined {
  const found = lookup(value, ...keys);
  return typeof found === 'number' ? found : undefined;
}

export function keyOf(name: string): Json | undefined {
  return reference.datasets[name]?.key ?? undefined;
}

export function computedOf(name: string): Json | undefined {
  return reference.datasets[name]?.computed ?? undefined;
}

/** Tables whose reference values are published (the others are held out). */
export const referencedTables = tableNames.filter((name) => keyOf(name) !== undefined);
export const heldOutTables = tableNames.filter((name) => keyOf(name) === undefined);

export function relativeDifference(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
}
