import type { Command } from 'commander';
import { systemActor } from '../../access/actor.ts';
import { printTable } from '../output.ts';
import { withRuntime } from '../withRuntime.ts';
import { explain } from './user.ts';

const OPERATOR = systemActor('cli');

export function registerOrgCommand(program: Command): void {
  const org = program.command('org').description('the roster of organisations');

  org
    .command('list')
    .description('list organisations')
    .option('--json', 'print JSON for scripts')
    .option('--all', 'include retired organisations')
    .action(async (options: { json?: boolean; all?: boolean }) => withRuntime(async (runtime) => {
      const organisations = await runtime.services.organisations.list(OPERATOR, { includeRetired: options.all === true });
      if (options.json === true) process.stdout.write(`${JSON.stringify(organisations, null, 2)}\n`);
      else printTable(organisations.map((o) => ({ code: o.code, kind: o.kind, jurisdiction: o.jurisdiction, name: o.name, retired: o.retiredAt === null ? '' : o.retiredAt.slice(0, 10) })));
    }));

  org
    .command('add')
    .description('add an organisation')
    .requiredOption('--code <code>', 'short code: lower-case letters, numbers and hyphens')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--kind <kind>', 'police-force, national-centre, competent-authority, support-charity, immigration, local-authority or public-line')
    .requiredOption('--jurisdiction <jurisdiction>', 'england-and-wales, scotland, northern-ireland, ireland or uk-wide')
    .action(async (options: { code: string; name: string; kind: string; jurisdiction: string }) => withRuntime(async (runtime) => {
      const organisation = await runtime.services.organisations.add(OPERATOR, options).catch(explain);
      process.stdout.write(`Added ${organisation.name} (${organisation.code}).\n`);
    }));
}
