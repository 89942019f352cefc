import { existsSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { CliError } from '../errors.ts';

export function registerBackupCommand(program: Command): void {
  program
    .command('backup <file>')
    .description('copy the SQLite database to a file while Lifeline keeps running (PostgreSQL: use pg_dump)')
    .action(async (file: string) => {
      const config = loadConfig();
      if (config.database.kind === 'postgres') throw new CliError('This database is PostgreSQL: back it up with pg_dump (for example: pg_dump --format=custom --file=lifeline.dump "$LIFELINE_DATABASE_URL").');
      if (config.database.file === ':memory:') throw new CliError('An in-memory database cannot be backed up.');
      const target = path.resolve(file);
      if (existsSync(target)) throw new CliError(`${target} already exists: choose a new file name so no backup is overwritten.`);
      if (!existsSync(config.database.file)) throw new CliError(`There is no database at ${config.database.file} yet.`);
      const source = new SQLite(config.database.file, { readonly: true, fileMustExist: true });
      try {
        // SQLite's online backup copies a consistent snapshot page by page while writers carry on.
        await source.backup(target, { progress: ({ totalPages, remainingPages }) => {
          process.stderr.write(`\rBacking up: ${totalPages - remainingPages}/${totalPages} pages`);
          return 200;
        } });
        process.stderr.write('\n');
      } finally {
        source.close();
      }
      process.stdout.write(`Backed up ${config.database.file} to ${target}.\n`);
    });
}
