import type { Command } from 'commander';
import { DEMO_ACCOUNTS } from '../../demo/signInAccounts.ts';
import { ensureDemoAccounts, ensureRoster } from '../../services/setup.ts';
import { CliError } from '../errors.ts';
import { printTable } from '../output.ts';
import { withRuntime } from '../withRuntime.ts';

export function registerDemoCommand(program: Command): void {
  const demo = program
    .command('demo')
    .description('load the demo organisations and accounts (never in production)')
    .option('--seed <n>', 'seed for the generated demo data', '1')
    .action(async (options: { seed: string }) => {
      if (process.env['NODE_ENV'] === 'production') throw new CliError('Demo data cannot be loaded when NODE_ENV=production: demo accounts have published passwords.');
      if (!/^\d+$/.test(options.seed)) throw new CliError(`--seed must be a whole number (got "${options.seed}")`);
      await withRuntime(async (runtime) => {
        await ensureRoster(runtime.services.context);
        const added = await ensureDemoAccounts(runtime.services.context);
        process.stdout.write(`${added} demo accounts added (${DEMO_ACCOUNTS.length - added} already present).\n`);
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
