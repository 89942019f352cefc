#!/usr/bin/env node
// The `lifeline` command. Each subcommand prints a clear message and exits non-zero on bad input.
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config.ts';
import { registerAuditCommand } from './commands/audit.ts';
import { registerBackupCommand } from './commands/backup.ts';
import { registerDemoCommand } from './commands/demo.ts';
import { registerEstimateCommand } from './commands/estimate.ts';
import { registerLinkCommand } from './commands/link.ts';
import { registerLinkageCommand } from './commands/linkage.ts';
import { registerImportCommand } from './commands/import.ts';
import { registerMigrateCommand } from './commands/migrate.ts';
import { registerOrgCommand } from './commands/org.ts';
import { registerRemindersCommand } from './commands/reminders.ts';
import { registerServeCommand } from './commands/serve.ts';
import { registerUserCommand } from './commands/user.ts';
import { CliError } from './errors.ts';

export function buildProgram(): Command {
  const program = new Command('lifeline')
    .description('Lifeline: the shared platform of a coordinated operation against human trafficking')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerServeCommand(program);
  registerMigrateCommand(program);
  registerDemoCommand(program);
  registerUserCommand(program);
  registerOrgCommand(program);
  registerAuditCommand(program);
  registerBackupCommand(program);
  registerEstimateCommand(program);
  registerLinkCommand(program);
  registerLinkageCommand(program);
  registerImportCommand(program);
  registerRemindersCommand(program);
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof CliError) {
      process.stderr.write(`lifeline: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 78;
    }
    process.stderr.write(`lifeline: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1] ?? ''}` || process.argv[1]?.endsWith('/cli/main.ts') === true) {
  const code = await runCli(process.argv.slice(2));
  if (code !== 0) process.exitCode = code;
}
