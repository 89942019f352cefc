import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { registerEstimateCommand } from '../../../src/cli/commands/estimate.ts';
import { computedOf, estimationFolder, keyOf, lookup, numberAt } from './referenceData.ts';

interface RunResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number | undefined;
}

async function runCli(...args: string[]): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const program = new Command('lifeline');
  program.exitOverride();
  program.configureOutput({ writeOut: (text) => (stdout += text), writeErr: (text) => (stderr += text) });
  registerEstimateCommand(program);
  process.exitCode = undefined;
  try {
    await program.parseAsync(['node', 'lifeline', 'estimate', ...args]);
  } catch (error) {
    // exitOverride turns commander's own usage errors into exceptions; they are reported on stderr.
    if (!(error instanceof Error && 'exitCode' in error)) throw error;
    return { stdout, stderr, exitCode: Number(error.exitCode) };
  }
  const exitCode = typeof process.exitCode === 'number' ? process.exitCode : undefined;
  process.exitCode = undefined;
  return { stdout, stderr, exitCode };
}

afterEach(() => {
  process.exitCode = undefined;
});

const table = (name: string): string => path.join(estimationFolder, `${name}.csv`);

function writeTemporary(text: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'lifeline-estimate-'));
  const file = path.join(folder, 'table.csv');
  writeFileSync(file, text);
  return file;
}

describe('lifeline estimate --json', () => {
  it('prints the stepwise estimate with the contract fields', async () => {
    const result = await runCli(table('UKdat_4'), '--json');
    expect(result.exitCode).toBeUndefined();
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['observed', 'estimate', 'darkFigure', 'interval', 'model', 'method', 'warnings']));
    expect(json['observed']).toBe(2428);
    const expected = numberAt(keyOf('UKdat_4'), 'sparsemse_stepwise', 'popest') ?? 0;
    expect(Math.abs((json['estimate'] as number) / expected - 1)).toBeLessThan(1e-6);
    expect(json['darkFigure']).toBeCloseTo((json['estimate'] as number) - 2428, 6);
    expect(json['method']).toBe('stepwise');
    expect((json['model'] as { terms: string[] }).terms).toEqual(lookup(keyOf('UKdat_4'), 'sparsemse_stepwise', 'terms'));
    const interval = json['interval'] as { lower: number; upper: number; level: number; kind: string };
    expect(interval.kind).toBe('wald-log');
    expect(interval.level).toBe(0.95);
    expect(interval.lower).toBeLessThan(expected);
    expect(interval.upper).toBeGreaterThan(expected);
    expect(Array.isArray(json['warnings'])).toBe(true);
  });

  it('fits a fixed model given by --terms', async () => {
    const result = await runCli(table('UKdat_4'), '--method', 'main', '--terms', 'LA:NG,LA:PFNCA', '--json');
    const json = JSON.parse(result.stdout) as { method: string; model: { terms: string[] }; estimate: number };
    expect(json.method).toBe('fixed');
    expect(json.model.terms).toEqual(['LA:NG', 'LA:PFNCA']);
    // Same model as modslavmse's p < 0.001 run: its Poisson estimate is the profile one's neighbour.
    expect(json.estimate).toBeGreaterThan(11000);
  });

  it('gives a BCa interval with --bootstrap and --seed, reproducibly', async () => {
    const first = JSON.parse((await runCli(table('Korea'), '--bootstrap', '40', '--seed', '7', '--threads', '0', '--json')).stdout) as {
      interval: { kind: string; lower: number; upper: number };
    };
    const second = JSON.parse((await runCli(table('Korea'), '--bootstrap', '40', '--seed', '7', '--threads', '0', '--json')).stdout) as {
      interval: { kind: string; lower: number; upper: number };
    };
    expect(first.interval.kind).toBe('bootstrap-bca');
    expect(second.interval).toEqual(first.interval);
  });

  it('passes --threshold to the forward AIC selection (modslavmse, p < 0.001)', async () => {
    const json = JSON.parse((await runCli(table('UKdat_4'), '--method', 'aic', '--threshold', '0.001', '--json')).stdout) as {
      estimate: number;
      model: { terms: string[] };
      interval: { kind: string; lower: number };
    };
    expect(json.model.terms).toEqual(lookup(keyOf('UKdat_4'), 'BHS_modslavmse_p0.001', 'terms'));
    expect(Math.abs(json.estimate / (numberAt(keyOf('UKdat_4'), 'BHS_modslavmse_p0.001', 'point') ?? 0) - 1)).toBeLessThan(1e-6);
    expect(json.interval.kind).toBe('profile-likelihood');
  });

  it('passes --max-order to the BIC search (MultipleSystemsEstimation, maxorder = 2)', async () => {
    const json = JSON.parse((await runCli(table('Kosovo'), '--method', 'bic', '--max-order', '2', '--json')).stdout) as {
      estimate: number;
      model: { hierarchy: string };
    };
    const expected = lookup(computedOf('Kosovo'), 'MultipleSystemsEstimation', 'estimate_population_bic_maxorder2');
    expect(json.model.hierarchy).toBe(lookup(expected, 'model'));
    expect(Math.abs(json.estimate / (numberAt(expected, 'popest') ?? 0) - 1)).toBeLessThan(1e-6);
  });

  it.each(['main', 'aic', 'bic'])('runs --method %s', async (method) => {
    const result = await runCli(table('Rcapture_HIV'), '--method', method, '--json');
    expect(result.exitCode).toBeUndefined();
    const json = JSON.parse(result.stdout) as { method: string; estimate: number };
    expect(json.method).toBe(method);
    expect(Number.isFinite(json.estimate)).toBe(true);
  });
});

describe('lifeline estimate for a person', () => {
  it('prints a readable table with the warnings', async () => {
    const result = await runCli(table('Ned'));
    expect(result.stdout).toMatch(/Observed\s+8,234/);
    expect(result.stdout).toMatch(/Estimate\s+111,139/);
    expect(result.stdout).toMatch(/Dark figure/);
    expect(result.stdout).toMatch(/95% interval/);
    expect(result.stdout).toMatch(/K:R \(never together\)/);
    expect(result.stdout).toMatch(/Warnings:/);
    expect(result.stdout).toMatch(/sensitive to the method/);
  });
});

describe('lifeline estimate refuses bad input with a clear message and a non-zero exit', () => {
  it.each([
    ['a non-binary column', 'A,B,count\n1,2,4\n0,1,3\n', /column "B" must be 0 or 1/],
    ['a negative count', 'A,B,count\n1,0,-4\n0,1,3\n', /negative/],
    ['an all-zero row', 'A,B,count\n0,0,4\n0,1,3\n', /no list at all/],
    ['a single list', 'A,count\n1,4\n', /at least 2 lists/],
  ])('%s', async (_, text, message) => {
    const result = await runCli(writeTemporary(text), '--json');
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^lifeline estimate: /);
    expect(result.stderr).toMatch(message);
  });

  it('an unknown term', async () => {
    const result = await runCli(table('Artificial_3'), '--method', 'main', '--terms', 'A:Z');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/lifeline estimate: unknown list "Z"/);
  });

  it('a model whose estimate does not exist (Artificial_3 [12,3])', async () => {
    const result = await runCli(table('Artificial_3'), '--method', 'main', '--terms', 'A:B');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/does not exist/);
  });

  it('a model that is not identifiable (Artificial_3 all two-list terms)', async () => {
    const result = await runCli(table('Artificial_3'), '--method', 'main', '--terms', 'A:B,A:C,B:C');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/not identifiable/);
  });

  it('a missing file', async () => {
    const result = await runCli('/nonexistent/table.csv');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/no such file/);
  });

  it('an unknown method', async () => {
    const result = await runCli(table('Korea'), '--method', 'magic');
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toMatch(/magic/);
  });
});
