import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { openRuntime } from '../../runtime.ts';
import { ensureRoster } from '../../services/setup.ts';
import { migrateToLatest } from '../../store/database.ts';
import { createPublicSurfaceRole } from '../../store/roles.ts';
import { CliError } from '../errors.ts';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('bring the database schema up to date and load the organisation roster')
    .option('--with-roles', 'PostgreSQL: also create the restricted database role for the public surface')
    .action(async (options: { withRoles?: boolean }) => {
      const config = loadConfig();
      const runtime = await openRuntime(config, { migrate: false });
      try {
        const report = await migrateToLatest(runtime.database);
        const added = await ensureRoster(runtime.services.context);
        process.stdout.write(`${runtime.database.description}: ${report.applied.length === 0 ? 'schema already up to date' : `applied ${report.applied.join(', ')}`}; ${added} organisations added to the roster.\n`);
        if (options.withRoles === true) {
          if (runtime.database.dialect !== 'postgres') throw new CliError('--with-roles applies to PostgreSQL only: SQLite has no database roles.');
          const statements = await createPublicSurfaceRole(runtime.database);
          process.stdout.write(`Public surface role ready (${statements} statements). Give it a password with: ALTER ROLE lifeline_public LOGIN PASSWORD '…';\n`);
        }
      } finally {
        await runtime.close();
      }
    });
}
