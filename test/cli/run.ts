// Runs the real `lifeline` command as a child process, the way an operator would, and captures
// what it prints and how it exits. Each run costs about a second of start-up (tsx), so the test
// files share databases between tests where that does not weaken them.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const MAIN = path.join(REPO_ROOT, 'src/cli/main.ts');
export const BIN = path.join(REPO_ROOT, 'bin/lifeline.js');

/**
 * Per-test limit for the files that start child processes. Each process is killed after 90 s
 * (runLifeline), so a hang still fails; the margin is for a busy machine running tests side by side.
 */
export const CHILD_PROCESS_TEST_TIMEOUT = 180_000;

export interface CliResult {
  /** null when the process was killed (it overran its time). */
  code: number | null;
  stdout: string;
  stderr: string;
}

export type Env = Record<string, string>;

/**
 * Only what a process needs to run, plus the test's own variables: nothing leaks in from the
 * environment of the test runner (vitest sets NODE_ENV=test; a developer may have LIFELINE_* set).
 */
function childEnv(env: Env): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = {};
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'SystemRoot']) {
    const value = process.env[name];
    if (value !== undefined) base[name] = value;
  }
  return { ...base, ...env };
}

function spawnLifeline(args: string[], env: Env, entry: 'main' | 'bin'): ChildProcess {
  const command = entry === 'main' ? ['--import', 'tsx', MAIN, ...args] : [BIN, ...args];
  return spawn(process.execPath, command, { cwd: REPO_ROOT, env: childEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
}

export async function runLifeline(args: string[], env: Env, options: { input?: string; entry?: 'main' | 'bin'; timeoutMs?: number } = {}): Promise<CliResult> {
  const child = spawnLifeline(args, env, options.entry ?? 'main');
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  child.stdin?.end(options.input ?? '');
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 90_000);
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (exitCode) => resolve(exitCode));
    });
    return { code, stdout, stderr };
  } finally {
    clearTimeout(timer);
  }
}

export interface RunningServer {
  url: string;
  /** Resolves with everything printed so far once stdout matches, or rejects after a few seconds. */
  waitForOutput(pattern: RegExp): Promise<string>;
  /** SIGTERM, as a service manager would send, and the exit code. */
  stop(): Promise<number | null>;
}

/** A long-running `lifeline serve`: resolves once it prints the address it listens on. */
export async function startServer(args: string[], env: Env): Promise<RunningServer> {
  const child = spawnLifeline(['serve', ...args], env, 'main');
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stdin?.end();
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; for (const listener of listeners) listener(); });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));

  const waitForOutput = (pattern: RegExp, timeoutMs = 5_000) => new Promise<string>((resolve, reject) => {
    const check = () => {
      if (!pattern.test(stdout)) return;
      cleanUp();
      resolve(stdout);
    };
    const timer = setTimeout(() => { cleanUp(); reject(new Error(`serve never printed ${String(pattern)}.\nstdout: ${stdout}\nstderr: ${stderr}`)); }, timeoutMs);
    const cleanUp = () => { clearTimeout(timer); listeners.delete(check); };
    listeners.add(check);
    void exited.then((code) => { cleanUp(); reject(new Error(`serve exited with ${String(code)}.\nstdout: ${stdout}\nstderr: ${stderr}`)); });
    check();
  });

  try {
    const output = await waitForOutput(/Lifeline is running at http:\/\/\S+/, 90_000);
    const url = /Lifeline is running at (http:\/\/\S+)/.exec(output)?.[1] ?? '';
    return { url, waitForOutput, stop: async () => { child.kill('SIGTERM'); return exited; } };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

export interface DataDir {
  dir: string;
  databaseFile: string;
  env: Env;
  remove(): void;
}

/** Secrets as an operator would make them: openssl rand -base64 48 and -base64 32. */
export function productionSecrets(): Env {
  return { LIFELINE_SESSION_SECRET: randomBytes(48).toString('base64'), LIFELINE_FIELD_KEY: randomBytes(32).toString('base64') };
}

/** A fresh data folder with an SQLite database in it, for development or production (with secrets). */
export function makeDataDir(environment: 'development' | 'production'): DataDir {
  const dir = mkdtempSync(path.join(tmpdir(), 'lifeline-cli-'));
  const databaseFile = path.join(dir, 'lifeline.db');
  const env: Env = {
    NODE_ENV: environment,
    LIFELINE_DATA_DIR: dir,
    LIFELINE_DATABASE_URL: `sqlite:${databaseFile}`,
    ...(environment === 'production' ? productionSecrets() : {}),
  };
  return { dir, databaseFile, env, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
