// Shared by the benchmarks: a fresh database per run, signing in through the real form, the
// machine description and a few number helpers. Nothing here is used by Lifeline itself.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export type BenchDatabase = 'sqlite' | 'postgres';

export const repoRoot = path.resolve(import.meta.dirname, '..');

/** Where the benchmarks may create (and always drop) a PostgreSQL database of their own. */
const ADMIN_URL = process.env['LIFELINE_BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface FreshDatabase {
  kind: BenchDatabase;
  /** Value for LIFELINE_DATABASE_URL. */
  url: string;
  /** Value for LIFELINE_DATA_DIR: a new temporary directory. */
  dataDir: string;
  /** Drops the database (PostgreSQL) and deletes the data directory. */
  dispose(): Promise<void>;
}

/** A new empty database: a SQLite file in a temporary directory, or a new PostgreSQL database. */
export async function freshDatabase(kind: BenchDatabase, label: string): Promise<FreshDatabase> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `lifeline-bench-${label}-`));
  if (kind === 'sqlite') {
    return { kind, url: `sqlite:${path.join(dataDir, 'lifeline.db')}`, dataDir, dispose: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `lifeline_bench_${label.replace(/[^a-z0-9]/g, '_')}_${process.pid}_${Date.now().toString(36)}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    kind, url: url.toString(), dataDir,
    dispose: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The demo officer every benchmark signs in as (see src/demo/accounts.ts). */
export const BENCH_USER = { email: 'officer.metropolitan@demo.lifeline.example', password: 'demo-password-officer', displayName: 'Priya Shah' };

/**
 * Signs in through the real sign-in form, as a browser would: GET the form (which starts a
 * session and issues a CSRF token), POST it back with the session cookie, keep the new cookie.
 * Returns the Cookie header value for the signed-in session.
 */
export async function signInThroughForm(baseUrl: string, email = BENCH_USER.email, password = BENCH_USER.password): Promise<string> {
  const form = await fetch(`${baseUrl}/sign-in`, { redirect: 'manual' });
  const html = await form.text();
  if (form.status !== 200) throw new Error(`GET /sign-in answered ${form.status}`);
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (token === undefined) throw new Error('GET /sign-in: no CSRF token in the form');
  const formCookie = cookieHeader(form.headers.getSetCookie());
  const body = new URLSearchParams({ _csrf: token, email, password, next: '/' });
  const posted = await fetch(`${baseUrl}/sign-in`, {
    method: 'POST', redirect: 'manual', body,
    headers: { cookie: formCookie, 'content-type': 'application/x-www-form-urlencoded' },
  });
  await posted.arrayBuffer();
  if (posted.status !== 303 || posted.headers.get('location') !== '/') throw new Error(`POST /sign-in answered ${posted.status} (location ${posted.headers.get('location') ?? 'none'}), not 303 to /`);
  const cookie = cookieHeader(posted.headers.getSetCookie());
  if (cookie === '') throw new Error('POST /sign-in set no session cookie');
  return cookie;
}

function cookieHeader(setCookies: string[]): string {
  return setCookies.map((line) => line.split(';')[0] ?? '').filter((pair) => pair !== '').join('; ');
}

/** Polls until /health answers 200 with status UP, or the deadline passes. */
export async function waitForHealth(baseUrl: string, deadlineMs: number, intervalMs = 10): Promise<void> {
  const stopAt = performance.now() + deadlineMs;
  while (performance.now() < stopAt) {
    try {
      const response = await fetch(`${baseUrl}/health`);
      const body = (await response.json()) as { status?: string };
      if (response.status === 200 && body.status === 'UP') return;
    } catch {
      // Not listening yet.
    }
    await sleep(intervalMs);
  }
  throw new Error(`${baseUrl}/health did not answer UP within ${deadlineMs} ms`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface Machine { cpus: number; cpuModel: string; memoryGiB: number; node: string; platform: string; commit: string }

export function machine(): Machine {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (dirty !== '') commit += ' (with uncommitted changes)';
  } catch {
    // Not a git checkout.
  }
  return {
    cpus: os.availableParallelism(), cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version, platform: `${os.platform()} ${os.release()}`, commit,
  };
}

export function describeMachine(m: Machine): string {
  return `${m.cpus} CPU(s) ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}, commit ${m.commit}`;
}

/** Resident set size and peak, in MiB, of a process, from /proc (Linux only). */
export function procMemory(pid: number): { rssMiB: number; hwmMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMiB: kib('VmRSS') / 1024, hwmMiB: kib('VmHWM') / 1024 };
}

export function mib(bytes: number): number {
  return bytes / 2 ** 20;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

/** Reads `--name value` options; unknown options stop the benchmark with a message. */
export function parseOptions<T extends Record<string, string>>(argv: readonly string[], defaults: T): T {
  const options: Record<string, string> = { ...defaults };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const name = arg.startsWith('--') ? arg.slice(2) : '';
    if (!(name in defaults) || i + 1 >= argv.length) throw new Error(`Unknown or incomplete option "${arg}". Options: ${Object.keys(defaults).map((k) => `--${k} (default ${defaults[k] ?? ''})`).join(', ')}`);
    options[name] = argv[i + 1] ?? '';
    i += 1;
  }
  return options as T;
}

export function positiveInteger(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number of at least 1 (got "${value}")`);
  return n;
}

export function databaseKind(value: string): BenchDatabase {
  if (value !== 'sqlite' && value !== 'postgres') throw new Error(`--database must be sqlite or postgres (got "${value}")`);
  return value;
}
