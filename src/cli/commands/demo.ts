import path from 'node:path';
import type { Command } from 'commander';
import { loadDemoOperation } from '../../services/demoOperation.ts';
import { progressBar } from '../progress.ts';
import { DEMO_ACCOUNTS } from '../../demo/signInAccounts.ts';
import { ensureDemoAccounts, ensureRoster } from '../../services/setup.ts';
import { CliError } from '../errors.ts';
import { printTable } from '../output.ts';
import { withRuntime } from '../withRuntime.ts';

export function registerDemoCommand(program: Command): void {
  const demo = program
    .command('demo')
    .description('load the demo organisations, accounts and operation records (never in production)')
    .option('--seed <n>', 'seed for the generated demo operation', '1')
    .option('--scale <n>', 'volume: 1 is the model operation (~800 visits), 100 is ~80,000 visits for benchmarks', '1')
    .option('--truth-file <file>', 'where to write the ground truth (which records are one real person); default: <data dir>/demo-ground-truth.ndjson')
    .action(async (options: { seed: string; scale: string; truthFile?: string }) => {
      if (process.env['NODE_ENV'] === 'production') throw new CliError('Demo data cannot be loaded when NODE_ENV=production: demo accounts have published passwords.');
      if (!/^\d+$/.test(options.seed)) throw new CliError(`--seed must be a whole number (got "${options.seed}")`);
      const scale = Number(options.scale);
      if (!Number.isFinite(scale) || scale <= 0 || scale > 1000) throw new CliError(`--scale must be a number above 0 and at most 1000 (got "${options.scale}")`);
      await withRuntime(async (runtime) => {
        await ensureRoster(runtime.services.context);
        const added = await ensureDemoAccounts(runtime.services.context);
        process.stdout.write(`${added} demo accounts added (${DEMO_ACCOUNTS.length - added} already present).\n`);
        if ((await runtime.store.repositories.operations.count()) > 0) {
          throw new CliError('This database already holds operation records: load the demo operation into a new database (set LIFELINE_DATABASE_URL or LIFELINE_DATA_DIR).');
        }
        const truthFile = path.resolve(options.truthFile ?? path.join(runtime.config.dataDir, 'demo-ground-truth.ndjson'));
        const progress = progressBar('Generating the demo operation (visits)');
        const report = await loadDemoOperation(runtime.services.context, { seed: Number(options.seed), scale, truthFile, onProgress: (done, total) => progress.update(done, total) });
        progress.stop();
        process.stdout.write(`Loaded ${report.operations} operations, ${report.premises} premises, ${report.visits} visits, ${report.peopleFound} people found and ${report.arrests} arrests. Ground truth: ${truthFile}\n`);
      });
    });

  demo
    .command('accounts')
    .description('list the demo accounts: role, organisation, email and password')
    .option('--json', 'print JSON for scripts')
    .action((options: { json?: boolean }) => {
      const rows = DEMO_ACCOUNTS.map((a) => ({ role: a.role, organisation: a.organisationCode, email: a.email, password: a.password }));
      if (options.json === true) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      else printTable(rows);
    });
}
