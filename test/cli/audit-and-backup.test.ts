// `lifeline backup <file>` (SQLite online backup) and `lifeline audit verify` (the hash chain),
// on one development database with the demo accounts loaded, so there are users and audit events.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/signInAccounts.ts';
import { CHILD_PROCESS_TEST_TIMEOUT, makeDataDir, runLifeline, type DataDir } from './run.ts';

vi.setConfig({ testTimeout: CHILD_PROCESS_TEST_TIMEOUT, hookTimeout: CHILD_PROCESS_TEST_TIMEOUT });

const data: DataDir = makeDataDir('development');

function count(file: string, table: 'users' | 'audit_events'): number {
  const database = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    return (database.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  } finally {
    database.close();
  }
}

beforeAll(async () => {
  const loaded = await runLifeline(['demo'], data.env);
  expect(loaded.code, loaded.stderr).toBe(0);
});
afterAll(() => data.remove());

describe.concurrent('backup, and audit verify on the intact chain, at once', () => {
  describe('lifeline backup', () => {
    it('copies the database to a new file that opens and holds the same users and audit events', async () => {
      const target = path.join(data.dir, 'copy.db');
      const result = await runLifeline(['backup', target], data.env);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toBe(`Backed up ${data.databaseFile} to ${target}.\n`);
      expect(count(target, 'users')).toBe(DEMO_ACCOUNTS.length);
      expect(count(target, 'audit_events')).toBe(count(data.databaseFile, 'audit_events'));
      const copy = new SQLite(target, { readonly: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        copy.close();
      }

      // The copy is a working Lifeline database: its audit chain verifies.
      const verified = await runLifeline(['audit', 'verify'], { ...data.env, LIFELINE_DATABASE_URL: `sqlite:${target}` });
      expect(verified.code, verified.stderr).toBe(0);
      expect(verified.stdout).toContain('Audit chain intact');
    });

    it('refuses to overwrite an existing file, leaving it as it was', async () => {
      const target = path.join(data.dir, 'precious.db');
      writeFileSync(target, 'an older backup');
      const result = await runLifeline(['backup', target], data.env);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toBe(`lifeline: ${target} already exists: choose a new file name so no backup is overwritten.\n`);
      expect(readFileSync(target, 'utf8')).toBe('an older backup');
    });

    it('says so when there is no database yet, and makes no file', async () => {
      const empty = makeDataDir('development');
      try {
        const target = path.join(empty.dir, 'copy.db');
        const result = await runLifeline(['backup', target], empty.env);
        expect(result.code).not.toBe(0);
        expect(result.stderr).toBe(`lifeline: There is no database at ${empty.databaseFile} yet.\n`);
        expect(existsSync(target)).toBe(false);
      } finally {
        empty.remove();
      }
    });
  });

  describe('lifeline audit verify', () => {
    it('reports an intact chain with its length and last hash, exit 0', async () => {
      const events = count(data.databaseFile, 'audit_events');
      expect(events).toBeGreaterThan(DEMO_ACCOUNTS.length);
      const result = await runLifeline(['audit', 'verify'], data.env);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Audit chain intact: ${events} events\\. Last hash [0-9a-f]{64} `));
    });
  });
});

describe('lifeline audit verify after the database file was tampered with', () => {
  it('exits non-zero naming the event whose details were altered in the database file', async () => {
    const database = new SQLite(data.databaseFile);
    try {
      const changed = database.prepare("update audit_events set details = '{\"roles\":[\"system-administrator\"]}' where seq = 3").run();
      expect(changed.changes).toBe(1);
    } finally {
      database.close();
    }
    const result = await runLifeline(['audit', 'verify'], data.env);
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^lifeline: Audit chain BROKEN at event 3: the event was altered \(3 events read\)\.\n$/);
  });
});
