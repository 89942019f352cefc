import { readFile } from 'node:fs/promises';
import { SingleBar, Presets } from 'cli-progress';
import { InvalidArgumentError, Option, type Command } from 'commander';
import {
  CaptureTableError,
  EstimateRefusedError,
  estimatePopulation,
  parseCaptureTable,
  parseTerms,
  type BootstrapScheme,
  type EstimateMethod,
  type PopulationEstimate,
  type PopulationInterval,
} from '../../analysis/estimate/index.ts';

const METHODS: readonly EstimateMethod[] = ['main', 'stepwise', 'aic', 'bic', 'lcmcr'];
const DEFAULT_BOOTSTRAP_SEED = 1234;

interface EstimateCommandOptions {
  readonly method: EstimateMethod;
  readonly terms?: string;
  readonly bootstrap?: number;
  readonly bootstrapScheme: BootstrapScheme;
  readonly seed?: number;
  readonly threads?: number;
  readonly threshold?: number;
  readonly maxOrder?: number;
  readonly level: number;
  readonly json?: boolean;
}

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new InvalidArgumentError('expected a whole number of 0 or more');
  return parsed;
}

function integer(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) throw new InvalidArgumentError('expected a whole number');
  return parsed;
}

function probability(value: string): number {
  const parsed = Number(value);
  if (!(parsed > 0 && parsed < 1)) throw new InvalidArgumentError('expected a number between 0 and 1, e.g. 0.95');
  return parsed;
}

/** `lifeline estimate <table.csv>`: multiple systems estimation of the hidden population. */
export function registerEstimateCommand(program: Command): void {
  program
    .command('estimate')
    .description('estimate the hidden population from a table of counts by capture pattern (multiple systems estimation)')
    .argument('<table.csv>', 'CSV with one 0/1 column per list and a count column, one row per observed pattern')
    .addOption(new Option('--method <method>', 'how the model is chosen').choices(METHODS).default('stepwise'))
    .option('--terms <terms>', 'interaction terms of a fixed model, lists joined by ":" and terms by "," (e.g. A:B,C:D)')
    .option('--bootstrap <replicates>', 'BCa bootstrap interval over the whole procedure, with this many replicates', positiveInteger)
    .option('--seed <seed>', `seed for the bootstrap (default ${DEFAULT_BOOTSTRAP_SEED}) or the LCMCR sampler`, integer)
    .addOption(
      new Option('--bootstrap-scheme <scheme>', 'resample the observed people (SparseMSE) or draw from the fitted model')
        .choices(['multinomial', 'parametric'])
        .default('multinomial'),
    )
    .option('--threads <threads>', 'worker threads for the bootstrap (default: all cores)', positiveInteger)
    .option('--threshold <p>', 'p-value threshold of the stepwise (default 0.02) or forward-AIC (default 0.05) selection', probability)
    .option('--max-order <order>', 'highest interaction order searched by --method bic (default by number of lists)', positiveInteger)
    .option('--level <level>', 'interval coverage', probability, 0.95)
    .option('--json', 'print one JSON object instead of a table')
    .action(async (file: string, options: EstimateCommandOptions, command: Command) => {
      const root = rootOf(command);
      const output = root.configureOutput();
      const writeOut = (text: string): void => (output.writeOut ?? ((chunk: string) => process.stdout.write(chunk)))(text);
      const writeErr = (text: string): void => (output.writeErr ?? ((chunk: string) => process.stderr.write(chunk)))(text);
      try {
        const result = await runEstimate(file, options);
        writeOut(options.json === true ? `${JSON.stringify(toJson(result), null, 2)}\n` : formatForPerson(result, options));
      } catch (error) {
        if (error instanceof CaptureTableError || error instanceof EstimateRefusedError || error instanceof InputError || error instanceof RangeError) {
          writeErr(`lifeline estimate: ${error.message}\n`);
          process.exitCode = 1;
          return;
        }
        throw error;
      }
    });
}

class InputError extends Error {}

function rootOf(command: Command): Command {
  let current = command;
  while (current.parent !== null) current = current.parent;
  return current;
}

async function runEstimate(file: string, options: EstimateCommandOptions): Promise<PopulationEstimate> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${(error as Error).message}`);
  }
  const table = parseCaptureTable(text);
  const terms = options.terms === undefined ? undefined : parseTerms(options.terms, table.listNames);
  if (terms !== undefined && options.method !== 'main') {
    throw new InputError(`--terms fixes the model, so it cannot be combined with --method ${options.method} (use --method main)`);
  }
  if (options.bootstrap !== undefined && options.bootstrap > 0 && options.method === 'lcmcr') {
    throw new InputError('--bootstrap does not apply to --method lcmcr, which gives a Bayesian credible interval');
  }
  const progress = new SingleBar(
    { stream: process.stderr, format: ' {task} [{bar}] {percentage}% | {value}/{total}', hideCursor: true, clearOnComplete: true },
    Presets.shades_classic,
  );
  let started = false;
  const onProgress = (task: string) => (completed: number, total: number): void => {
    if (!started) {
      progress.start(total, 0, { task });
      started = true;
    }
    progress.update(completed);
  };
  try {
    return await estimatePopulation(table, {
      method: options.method,
      ...(terms === undefined ? {} : { terms }),
      ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
      ...(options.maxOrder === undefined ? {} : { maxOrder: options.maxOrder }),
      level: options.level,
      ...(options.bootstrap !== undefined && options.bootstrap > 0
        ? {
            bootstrap: {
              replicates: options.bootstrap,
              seed: options.seed ?? DEFAULT_BOOTSTRAP_SEED,
              scheme: options.bootstrapScheme,
              ...(options.threads === undefined ? {} : { threads: options.threads }),
              onProgress: onProgress('bootstrap'),
            },
          }
        : {}),
      ...(options.method === 'lcmcr'
        ? { lcmcr: { ...(options.seed === undefined ? {} : { seed: options.seed }), onProgress: onProgress('sampler') } }
        : {}),
    });
  } finally {
    if (started) progress.stop();
  }
}

function jsonNumber(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

function intervalJson(interval: PopulationInterval): Record<string, number | string | null> {
  return { lower: jsonNumber(interval.lower), upper: jsonNumber(interval.upper), level: interval.level, kind: interval.kind };
}

/** The --json contract: the fields listed in issue 8, then `details` with everything else. */
export function toJson(result: PopulationEstimate): Record<string, unknown> {
  return {
    observed: result.observed,
    estimate: jsonNumber(result.estimate),
    darkFigure: jsonNumber(result.darkFigure),
    interval: intervalJson(result.interval),
    model: {
      terms: result.model.terms,
      emptyTerms: result.model.emptyTerms,
      hierarchy: result.model.hierarchy,
    },
    method: result.method,
    warnings: result.warnings,
    details: {
      otherIntervals: result.otherIntervals.map(intervalJson),
      ...(result.model.deviance === undefined
        ? {}
        : {
            deviance: result.model.deviance,
            residualDegreesOfFreedom: result.model.residualDegreesOfFreedom,
            aic: result.model.aic,
            bic: result.model.bic,
          }),
      ...(result.bootstrap === undefined ? {} : { bootstrap: result.bootstrap }),
      ...(result.lcmcr === undefined ? {} : { lcmcr: result.lcmcr }),
    },
  };
}

const INTERVAL_NAMES: Record<PopulationInterval['kind'], string> = {
  'wald-log': 'Wald, log scale',
  'profile-likelihood': 'profile likelihood',
  'bootstrap-bca': 'bootstrap BCa, model selection included',
  'bayesian-credible': 'Bayesian credible interval',
};

const METHOD_NAMES: Record<PopulationEstimate['method'], string> = {
  main: 'main effects (lists independent)',
  fixed: 'fixed log-linear model',
  stepwise: 'stepwise two-list interactions (SparseMSE, p < 0.02)',
  aic: 'forward AIC with Wald stop (modslavmse, UK 2014)',
  bic: 'best BIC over hierarchical models (MultipleSystemsEstimation)',
  lcmcr: 'Bayesian latent classes (LCMCR)',
};

function whole(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-GB') : 'unbounded';
}

function formatInterval(interval: PopulationInterval): string {
  return `${whole(interval.lower)} to ${whole(interval.upper)} (${INTERVAL_NAMES[interval.kind]})`;
}

export function formatForPerson(result: PopulationEstimate, options: Pick<EstimateCommandOptions, 'level'>): string {
  const level = `${Math.round(options.level * 100)}% interval`;
  const rows: [string, string][] = [
    ['Method', METHOD_NAMES[result.method]],
    ['Observed', whole(result.observed)],
    ['Estimate', whole(result.estimate)],
    ['Dark figure', `${whole(result.darkFigure)} (on no list)`],
    [level, formatInterval(result.interval)],
    ...result.otherIntervals.map((interval): [string, string] => ['Also', formatInterval(interval)]),
  ];
  if (result.method !== 'lcmcr') {
    const interactions = [...result.model.terms, ...result.model.emptyTerms.map((term) => `${term} (never together)`)];
    rows.push(['Model', interactions.length === 0 ? 'main effects only' : `main effects + ${interactions.join(', ')}`]);
  }
  if (result.bootstrap !== undefined) {
    rows.push(['Bootstrap', `${result.bootstrap.replicates} replicates (${result.bootstrap.scheme}), seed ${result.bootstrap.seed}`]);
  }
  if (result.lcmcr !== undefined) {
    rows.push([
      'Sampler',
      `seed ${result.lcmcr.seed}, effective sample size ${result.lcmcr.diagnostics.effectiveSampleSize.toFixed(0)}`,
    ]);
  }
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`);
  if (result.warnings.length > 0) {
    lines.push('', 'Warnings:');
    for (const warning of result.warnings) lines.push(`  - ${warning}`);
  }
  return `${lines.join('\n')}\n`;
}
