import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { systemActor } from '../../access/actor.ts';
import { ValidationError } from '../../access/errors.ts';
import { importRecords } from '../../services/enforcementImport.ts';
import { IMPORT_KINDS, isImportKind } from '../../services/import/kinds.ts';
import { CliError } from '../errors.ts';
import { progressBar } from '../progress.ts';
import { withRuntime } from '../withRuntime.ts';

const OPERATOR = systemActor('cli');

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function registerImportCommand(program: Command): void {
  program
    .command('import <kind> <file>')
    .description(`load a force's ${IMPORT_KINDS.join(', ')} from a CSV file (columns: docs/import.md)`)
    .requiredOption('--force <code>', 'the police force the records belong to (see lifeline org list)')
    .option('--all-or-nothing', 'load nothing unless every row is good')
    .action(async (kind: string, file: string, options: { force: string; allOrNothing?: boolean }) => {
      if (!isImportKind(kind)) throw new CliError(`"${kind}" is not something Lifeline imports: choose ${IMPORT_KINDS.join(', ')}`);
      const fileName = path.resolve(file);
      const text = await readFile(fileName, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new CliError(error.code === 'ENOENT' ? `There is no file ${fileName}` : `${fileName} cannot be read (${error.code ?? error.message})`);
      });
      await withRuntime(async (runtime) => {
        const progress = progressBar(`Importing ${kind}`);
        const report = await importRecords(runtime.services.context, OPERATOR, kind, text, {
          forceCode: options.force, allOrNothing: options.allOrNothing === true, onProgress: (done, total) => progress.update(done, total),
        }).catch((error: unknown) => {
          if (error instanceof ValidationError) throw new CliError(error.fieldErrors.map((e) => e.message).join('\n'));
          throw error;
        }).finally(() => progress.stop());
        const rejected = report.rejected.length;
        const held = options.allOrNothing === true && rejected > 0 ? ' (nothing loaded: --all-or-nothing)' : '';
        process.stdout.write(`Imported ${report.imported} ${kind} for ${report.forceCode}; ${plural(rejected, 'row')} rejected${held}.\n`);
        for (const row of report.rejected) process.stdout.write(`line ${row.line}: ${row.reason}\n`);
        if (rejected > 0) throw new CliError(`${plural(rejected, 'row')} of ${path.basename(fileName)} rejected: correct ${rejected === 1 ? 'it' : 'them'} and import ${rejected === 1 ? 'that row' : 'those rows'} again on their own`, 2);
      });
    });
}
