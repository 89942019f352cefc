// Start-up time and memory at rest of the real server process.
//
//   npx tsx bench/startup.ts [--database sqlite|postgres] [--runs 1] [--requests 1000]
//
// Each run makes a fresh empty database and data directory, then:
//  1. first start: `npx tsx src/cli/main.ts serve --port P` (as `npm start` does, in development
//     mode), timed from spawn until GET /health answers UP: migrations, roster, demo accounts;
//  2. second start of the same command on the same database, timed the same way;
//  3. a third start on the same database, launched as `node --expose-gc --import tsx --import
//     ./bench/memoryProbe.ts src/cli/main.ts serve` so that the server process is our direct child
//     and can report its heap over IPC. Memory is read 1 s after /health answers UP, and again 1 s
//     after N signed-in requests to the home page (10 at a time): RSS from /proc/<pid>/status
//     (VmRSS, and VmHWM for the peak), heap from the server's own process.memoryUsage().
// Every server is stopped with SIGTERM to its process group (this benchmark started it).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import type { MemoryReport } from './memoryProbe.ts';
import {
  databaseKind, describeMachine, freshDatabase, machine, median, mib, parseOptions, positiveInteger, procMemory, repoRoot, signInThroughForm, sleep,
  waitForHealth, type FreshDatabase,
} from './support.ts';

const options = parseOptions(process.argv.slice(2), { database: 'sqlite', runs: '1', requests: '1000' });
const kind = databaseKind(options.database);
const runs = positiveInteger('runs', options.runs);
const requestCount = positiveInteger('requests', options.requests);
const START_DEADLINE_MS = 180_000;

interface Started { child: ChildProcess; ms: number; readyLine: string }
interface MemorySample { rssMiB: number; hwmMiB: number; heapUsedMiB: number; heapTotalMiB: number; heapUsedAfterGcMiB: number; externalMiB: number }
interface RunResult { first: number; firstReady: string; second: number; secondReady: string; direct: number; atStart: MemorySample; afterRequests: MemorySample; requestsMs: number }

const running = new Set<ChildProcess>();
let failed = false;
const results: RunResult[] = [];
const info = machine();

try {
  process.stderr.write(`Start-up benchmark on ${describeMachine(info)}; ${kind}; ${runs} run(s)\n`);
  for (let run = 1; run <= runs; run += 1) {
    const database = await freshDatabase(kind, 'startup');
    try {
      results.push(await oneRun(database, run));
    } finally {
      await database.dispose();
    }
  }
  report();
} catch (error) {
  failed = true;
  process.stderr.write(`\nBENCHMARK FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
} finally {
  for (const child of running) await stop(child);
}
process.exitCode = failed ? 1 : 0;

async function oneRun(database: FreshDatabase, run: number): Promise<RunResult> {
  const env: NodeJS.ProcessEnv = {
    ...process.env, NODE_ENV: 'development', LIFELINE_DATA_DIR: database.dataDir, LIFELINE_DATABASE_URL: database.url,
    LIFELINE_DEMO: 'true', LIFELINE_LOG_LEVEL: 'info', LIFELINE_SURFACE: 'all',
  };
  const npx = (port: number) => ({ command: 'npx', args: ['tsx', 'src/cli/main.ts', 'serve', '--port', String(port)] });

  process.stderr.write(`  run ${run}: first start (empty database)…\n`);
  const first = await start(npx(await freePort()), env);
  await stop(first.child);
  process.stderr.write(`  run ${run}: second start…\n`);
  const second = await start(npx(await freePort()), env);
  await stop(second.child);

  process.stderr.write(`  run ${run}: memory (node --import tsx, direct child)…\n`);
  const port = await freePort();
  const direct = await start({
    command: process.execPath,
    args: ['--expose-gc', '--import', 'tsx', '--import', './bench/memoryProbe.ts', 'src/cli/main.ts', 'serve', '--port', String(port)],
  }, env, true);
  try {
    await sleep(1000);
    const atStart = await memoryOf(direct.child);
    const baseUrl = `http://127.0.0.1:${port}`;
    const cookie = await signInThroughForm(baseUrl, 'officer.metropolitan@demo.lifeline.example', 'demo-password-officer');
    const began = performance.now();
    await signedInRequests(baseUrl, cookie, requestCount, 10);
    const requestsMs = performance.now() - began;
    await sleep(1000);
    const afterRequests = await memoryOf(direct.child);
    return { first: first.ms, firstReady: first.readyLine, second: second.ms, secondReady: second.readyLine, direct: direct.ms, atStart, afterRequests, requestsMs };
  } finally {
    await stop(direct.child);
  }
}

/** Spawns a server in its own process group and times it until /health answers UP. */
async function start(command: { command: string; args: string[] }, env: NodeJS.ProcessEnv, ipc = false): Promise<Started> {
  const portArg = command.args[command.args.indexOf('--port') + 1] ?? '';
  const began = performance.now();
  const child = spawn(command.command, command.args, { cwd: repoRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe', ...(ipc ? ['ipc' as const] : [])] });
  running.add(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
  child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
  const exited = once(child, 'exit').then(([code]) => { throw new Error(`the server exited (${String(code)}) before answering:\n${output.slice(-2000)}`); });
  exited.catch(() => undefined);
  await Promise.race([waitForHealth(`http://127.0.0.1:${portArg}`, START_DEADLINE_MS), exited]);
  const ms = performance.now() - began;
  // The server's own measure, from the start of `serve` (after Node, tsx and module loading) to listening.
  await sleep(50);
  const readyLine = /ready in (\d+) ms/.exec(output)?.[1] ?? '?';
  return { child, ms, readyLine };
}

async function stop(child: ChildProcess): Promise<void> {
  if (!running.has(child)) return;
  running.delete(child);
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = once(child, 'exit');
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // The group has already gone.
    }
  };
  signalGroup('SIGTERM');
  const timer = setTimeout(() => signalGroup('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function memoryOf(child: ChildProcess): Promise<MemorySample> {
  if (child.pid === undefined) throw new Error('no server process');
  const fromProc = procMemory(child.pid);
  const reply = new Promise<MemoryReport>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the memory probe did not answer')), 10_000);
    child.once('message', (message: MemoryReport) => { clearTimeout(timer); resolve(message); });
  });
  child.send('memory');
  const { asIs, afterGc } = await reply;
  return {
    rssMiB: fromProc.rssMiB, hwmMiB: fromProc.hwmMiB, heapUsedMiB: mib(asIs.heapUsed), heapTotalMiB: mib(asIs.heapTotal),
    heapUsedAfterGcMiB: afterGc === null ? NaN : mib(afterGc.heapUsed), externalMiB: mib(asIs.external),
  };
}

/** `count` GETs of the signed-in home page, `concurrency` at a time; any status but 200 fails. */
async function signedInRequests(baseUrl: string, cookie: string, count: number, concurrency: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      const response = await fetch(`${baseUrl}/`, { headers: { cookie }, redirect: 'manual' });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`GET / answered ${response.status} under the memory run`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (typeof address !== 'object' || address === null) throw new Error('no free port');
  return address.port;
}

function report(): void {
  const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '–');
  const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
  const pick = (select: (r: RunResult) => number) => median(results.map(select));
  const lines = [
    `Start-up benchmark — ${new Date().toISOString()} — ${kind} — ${describeMachine(info)}`,
    `${runs} run(s), medians; each run on a fresh empty ${kind === 'sqlite' ? 'SQLite file' : 'PostgreSQL database'}.`,
    '',
    '| start | spawn → /health UP (ms) | server\'s own "ready in" (ms) |',
    '|---|---:|---:|',
    `| first (npx tsx; migrations, roster, 11 demo accounts) | ${f0(pick((r) => r.first))} | ${results.map((r) => r.firstReady).join(', ')} |`,
    `| second (npx tsx; same database) | ${f0(pick((r) => r.second))} | ${results.map((r) => r.secondReady).join(', ')} |`,
    `| third (node --import tsx, no npx; same database) | ${f0(pick((r) => r.direct))} | |`,
    '',
    `| memory of the server process (third start) | RSS MiB | peak RSS MiB | heap used MiB | heap used after GC MiB | heap total MiB | external MiB |`,
    '|---|---:|---:|---:|---:|---:|---:|',
    ...(['atStart', 'afterRequests'] as const).map((when) => {
      const m = (select: (s: MemorySample) => number) => f1(pick((r) => select(r[when])));
      return `| ${when === 'atStart' ? 'at rest after start' : `at rest after ${requestCount} signed-in GET /`} | ${m((s) => s.rssMiB)} | ${m((s) => s.hwmMiB)} | ${m((s) => s.heapUsedMiB)} | ${m((s) => s.heapUsedAfterGcMiB)} | ${m((s) => s.heapTotalMiB)} | ${m((s) => s.externalMiB)} |`;
    }),
    '',
    `RSS from /proc/<pid>/status (VmRSS, VmHWM); heap from the server's process.memoryUsage() via bench/memoryProbe.ts. The ${requestCount} requests took ${f0(pick((r) => r.requestsMs))} ms (10 at a time).`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
