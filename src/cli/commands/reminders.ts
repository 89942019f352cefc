import type { Command } from 'commander';
import pino from 'pino';
import { loggerOptions } from '../../web/logging.ts';
import { withRuntime } from '../withRuntime.ts';

export function registerRemindersCommand(program: Command): void {
  const reminders = program.command('reminders').description('reminders: the notifications list and the emails');
  reminders
    .command('run-once')
    .description('find due reminders, add them to the notifications lists, and send the emails due (safe beside running servers)')
    .action(async () => withRuntime(async (runtime) => {
      // Warnings go to standard error as JSON lines, like the server's log.
      const summary = await runtime.reminders.runOnce(pino(loggerOptions(runtime.config), pino.destination(2)));
      const say = (line: string) => process.stdout.write(`${line}\n`);
      say(`Reminders found: ${summary.found} (${summary.notificationsCreated} new notifications, ${summary.emailsQueued} emails queued${summary.refused > 0 ? `, ${summary.refused} refused` : ''}).`);
      say(`Emails: ${summary.sent} sent, ${summary.retrying} to try again, ${summary.failed} failed (${runtime.reminders.transportDescription}).`);
      if (summary.failedSources.length > 0) say(`Sources that failed: ${summary.failedSources.join(', ')} (see the log).`);
    }));
}
