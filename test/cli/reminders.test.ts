// `lifeline reminders run-once` as operators and cron would run it: three processes at once on
// one SQLite file (several instances of Lifeline on one host) create each notification once and
// send each email once, and their logs hold no address.
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { DEMO_ACCOUNTS } from '../../src/demo/signInAccounts.ts';
import { openRuntime } from '../../src/runtime.ts';
import { ensureDemoAccounts, ensureRoster } from '../../src/services/setup.ts';
import { CHILD_PROCESS_TEST_TIMEOUT, makeDataDir, runLifeline, startServer, type DataDir } from './run.ts';

vi.setConfig({ testTimeout: CHILD_PROCESS_TEST_TIMEOUT, hookTimeout: CHILD_PROCESS_TEST_TIMEOUT });

const data: DataDir = makeDataDir('development');
const env = { ...data.env, LIFELINE_MAIL_TRANSPORT: 'console', LIFELINE_LOG_LEVEL: 'info' };
const accounts = DEMO_ACCOUNTS.slice(0, 8);

/** Opened in this process and closed again before any child starts, so the processes meet only over reminders. */
async function tokensExpiringIn3Days(owners: typeof accounts, name: string): Promise<void> {
  const runtime = await openRuntime(loadConfig(env));
  try {
    await ensureRoster(runtime.services.context);
    await ensureDemoAccounts(runtime.services.context, accounts);
    for (const account of owners) {
      const user = await runtime.store.repositories.users.findByEmail(account.email);
      const actor = user === undefined ? null : await runtime.services.authentication.loadActor(user.id, 'session', null);
      if (actor === null) throw new Error(`no actor for ${account.email}`);
      await runtime.services.apiTokens.create(actor, name, 3);
    }
  } finally {
    await runtime.close();
  }
}

beforeAll(async () => tokensExpiringIn3Days(accounts, 'nightly export'));
afterAll(() => data.remove());

describe('lifeline reminders run-once', () => {
  it('run by three processes at once on one database, sends each reminder email exactly once', async () => {
    const runs = await Promise.all([1, 2, 3].map(() => runLifeline(['reminders', 'run-once'], env)));
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const printed = runs.flatMap((run) => [...run.stdout.matchAll(/----- email (\S+) -----/g)].map((match) => match[1]));
    expect(printed).toHaveLength(accounts.length);
    expect(new Set(printed).size).toBe(accounts.length);
    const recipients = runs.flatMap((run) => [...run.stdout.matchAll(/^To: (\S+)$/gm)].map((match) => match[1])).sort();
    expect(recipients).toEqual(accounts.map((account) => account.email).sort());
    const created = runs.map((run) => Number(/(\d+) new notifications/.exec(run.stdout)?.[1] ?? NaN));
    expect(created.reduce((sum, n) => sum + n, 0)).toBe(accounts.length);
    for (const run of runs) {
      expect(run.stdout).toMatch(/^Reminders found: \d+ \(\d+ new notifications, \d+ emails queued\)\.$/m);
      expect(run.stdout).toMatch(/^Emails: \d+ sent, 0 to try again, 0 failed \(console \(printed to standard output\)\)\.$/m);
      expect(run.stderr).not.toContain('@');
    }

    const database = new SQLite(data.databaseFile, { readonly: true });
    try {
      expect(database.prepare("select count(*) as n from notifications where kind = 'api-token-expiring'").get()).toEqual({ n: accounts.length });
      expect(database.prepare("select status, count(*) as n from email_outbox group by status").all()).toEqual([{ status: 'sent', n: accounts.length }]);
    } finally {
      database.close();
    }

    // Run again: everything was done, nothing is sent twice.
    const again = await runLifeline(['reminders', 'run-once'], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe(`Reminders found: ${accounts.length} (0 new notifications, 0 emails queued).\nEmails: 0 sent, 0 to try again, 0 failed (console (printed to standard output)).\n`);
  });

  it('serve runs the scheduler: a new reminder is emailed within the interval, without the address in the log', async () => {
    const owner = accounts.slice(0, 1);
    await tokensExpiringIn3Days(owner, 'weekly figures');
    const server = await startServer(['--port', '0'], { ...env, LIFELINE_REMINDER_INTERVAL_SECONDS: '1' });
    try {
      // The run's log line comes after the email it sent.
      const output = await server.waitForOutput(/"msg":"Reminders run"/);
      expect(output).toContain('Reminders are looked for every 1 s; emails go to console (printed to standard output).');
      expect(output).toContain(`To: ${owner[0]?.email ?? ''}`);
      expect(output).toMatch(/Subject: =\?UTF-8\?Q\?Your_API_token_=E2=80=9Cweekly_figures/);
      // The log (JSON lines on the same standard output) counts, and names no one.
      const logLines = output.split('\n').filter((line) => line.startsWith('{'));
      expect(logLines.find((line) => line.includes('"msg":"Reminders run"'))).toMatch(/"sent":[1-9]\d*,"retrying":0,"failed":0/);
      for (const line of logLines) expect(line).not.toContain(owner[0]?.email ?? '');
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});
