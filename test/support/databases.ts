// Every store and service test runs on SQLite and, when LIFELINE_TEST_DATABASE_URL is set,
// on PostgreSQL too, each test getting an empty database (a schema of its own on PostgreSQL).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';
import { loadConfig, type Config } from '../../src/config.ts';
import { openRuntime, type Runtime } from '../../src/runtime.ts';
import type { Clock } from '../../src/services/context.ts';

export type DialectName = 'sqlite' | 'postgres';

const postgresUrl = process.env['LIFELINE_TEST_DATABASE_URL'];
export const testDialects: DialectName[] = postgresUrl === undefined || postgresUrl === '' ? ['sqlite'] : ['sqlite', 'postgres'];

let warned = false;
function warnOnce(): void {
  if (warned || testDialects.includes('postgres')) return;
  warned = true;
  process.stderr.write('\n[lifeline tests] PostgreSQL tier NOT RUN: set LIFELINE_TEST_DATABASE_URL=postgres://… to run every store test on PostgreSQL too.\n');
}

/** A clock the test moves by hand, so time limits and lockouts are tested without waiting. */
export class TestClock {
  private now: number;
  constructor(start = '2026-03-02T09:00:00.000Z') {
    this.now = Date.parse(start);
  }
  readonly clock: Clock = () => new Date(this.now);
  advanceMinutes(minutes: number): void {
    this.now += minutes * 60_000;
  }
}

export interface TestRuntime extends Runtime {
  dialect: DialectName;
  testClock: TestClock;
  dispose(): Promise<void>;
}

export function testConfig(databaseUrl: string, dataDir: string, overrides: Partial<Config> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LIFELINE_DATABASE_URL: databaseUrl, LIFELINE_DATA_DIR: dataDir }, overrides);
}

export async function openTestRuntime(dialect: DialectName, overrides: Partial<Config> = {}): Promise<TestRuntime> {
  const testClock = new TestClock();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lifeline-test-'));
  if (dialect === 'sqlite') {
    const config = testConfig(`sqlite:${path.join(dataDir, 'test.db')}`, dataDir, overrides);
    const runtime = await openRuntime(config, { clock: testClock.clock });
    return { ...runtime, dialect, testClock, dispose: async () => { await runtime.close(); rmSync(dataDir, { recursive: true, force: true }); } };
  }
  const url = postgresUrl ?? '';
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const config = testConfig(url, dataDir, overrides);
  const runtime = await openRuntime(config, { clock: testClock.clock, searchPath: schema, poolSize: 4 });
  return {
    ...runtime, dialect, testClock,
    dispose: async () => {
      await runtime.close();
      const cleaner = new pg.Client({ connectionString: url });
      await cleaner.connect();
      await cleaner.query(`drop schema ${schema} cascade`);
      await cleaner.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Declares the same tests once per database dialect. */
export function describeEachDatabase(title: string, body: (dialect: DialectName) => void): void {
  warnOnce();
  for (const dialect of testDialects) describe(`${title} [${dialect}]`, () => body(dialect));
}
