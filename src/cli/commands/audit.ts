import type { Command } from 'commander';
import { systemActor } from '../../access/actor.ts';
import { CliError } from '../errors.ts';
import { withRuntime } from '../withRuntime.ts';

export function registerAuditCommand(program: Command): void {
  const audit = program.command('audit').description('the audit trail');
  audit
    .command('verify')
    .description('recompute the hash chain and name the first altered, inserted or deleted event')
    .action(async () => withRuntime(async (runtime) => {
      const verdict = await runtime.services.audit.verifyChain(systemActor('cli'));
      if (!verdict.intact) {
        throw new CliError(`Audit chain BROKEN at event ${verdict.firstBadSeq}: ${verdict.problem === 'altered' ? 'the event was altered' : 'an event is missing or was inserted here'} (${verdict.rows} events read).`);
      }
      process.stdout.write(`Audit chain intact: ${verdict.rows} events. Last hash ${verdict.lastHash} (keep it elsewhere to detect truncation later).\n`);
    }));
}
