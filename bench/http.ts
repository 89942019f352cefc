// Requests per second and latency of Lifeline's pages against a bare Fastify route, in one run.
//
//   npx tsx bench/http.ts [--database sqlite|postgres] [--duration 10] [--connections 10] [--rounds 1]
//
// Lifeline runs in this process on a random port with a fresh database (roster and demo accounts),
// configured as in production (NODE_ENV=production, request logging at info to a discarding
// stream) except that cookies are not marked Secure and no second factor is asked for, since the
// benchmark speaks plain HTTP to 127.0.0.1. A bare Fastify instance in the same process answers a
// small JSON. autocannon runs in a child process (bench/load.ts) so that it does not take the
// server's event loop. The machine is shared and noisy: read the ratios to the bare route, measured
// in the same run, rather than the absolute numbers.
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { loadConfig } from '../src/config.ts';
import { openRuntime, type Runtime } from '../src/runtime.ts';
import { ensureDemoAccounts, ensureRoster } from '../src/services/setup.ts';
import { buildApp } from '../src/web/app.ts';
import type { LoadJob, LoadReply, LoadResult } from './load.ts';
import {
  BENCH_USER, databaseKind, describeMachine, freshDatabase, machine, median, mib, parseOptions, positiveInteger, signInThroughForm, type FreshDatabase,
} from './support.ts';

const options = parseOptions(process.argv.slice(2), { database: 'sqlite', duration: '10', connections: '10', rounds: '1', warmup: '2' });
const kind = databaseKind(options.database);
const durationSeconds = positiveInteger('duration', options.duration);
const connections = positiveInteger('connections', options.connections);
const rounds = positiveInteger('rounds', options.rounds);
const warmupSeconds = Number(options.warmup);

interface Target { name: string; description: string; url: string; headers: Record<string, string>; expect: string }

let database: FreshDatabase | undefined;
let runtime: Runtime | undefined;
let lifeline: FastifyInstance | undefined;
let bare: FastifyInstance | undefined;
let loader: ChildProcess | undefined;
let failed = false;

try {
  const info = machine();
  database = await freshDatabase(kind, 'http');
  const config = loadConfig({
    NODE_ENV: 'production', LIFELINE_DATA_DIR: database.dataDir, LIFELINE_DATABASE_URL: database.url, LIFELINE_LOG_LEVEL: 'info',
    LIFELINE_SESSION_SECRET: randomBytes(48).toString('base64'), LIFELINE_FIELD_KEY: randomBytes(32).toString('base64'),
    LIFELINE_SECURE_COOKIES: 'false', LIFELINE_REQUIRE_SECOND_FACTOR: 'false',
  }, { port: 0, host: '127.0.0.1' });
  runtime = await openRuntime(config);
  await ensureRoster(runtime.services.context);
  await ensureDemoAccounts(runtime.services.context);

  // Request logs are written as in production, to a stream that throws them away.
  const discard = new Writable({ write: (_chunk, _encoding, callback) => callback() });
  lifeline = await buildApp({ config, services: runtime.services, database: runtime.database, logStream: discard });
  const lifelineUrl = await lifeline.listen({ port: 0, host: '127.0.0.1' });

  bare = Fastify({ logger: false });
  bare.get('/', async () => ({ hello: 'world' }));
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

  const cookie = await signInThroughForm(lifelineUrl);
  const user = await runtime.store.repositories.users.findByEmail(BENCH_USER.email);
  const actor = user === undefined ? null : await runtime.services.authentication.loadActor(user.id, 'session', null);
  if (actor === null) throw new Error(`The demo account ${BENCH_USER.email} could not act`);
  const { secret: apiToken } = await runtime.services.apiTokens.create(actor, 'benchmark', 1);

  const targets: Target[] = [
    { name: 'bare', description: 'bare Fastify GET / (JSON, no plugins, no logging)', url: `${bareUrl}/`, headers: {}, expect: '"hello":"world"' },
    { name: 'ping', description: 'Lifeline GET /ping (public, plugins and hooks, no database)', url: `${lifelineUrl}/ping`, headers: {}, expect: 'pong' },
    { name: 'home', description: 'Lifeline GET / signed in (session lookup and renewal, actor, guard, Nunjucks page)', url: `${lifelineUrl}/`, headers: { cookie }, expect: BENCH_USER.displayName },
    { name: 'api-me', description: 'Lifeline GET /api/v1/me with a personal API token (token lookup, actor, JSON schema)', url: `${lifelineUrl}/api/v1/me`, headers: { authorization: `Bearer ${apiToken}` }, expect: BENCH_USER.email },
  ];
  for (const target of targets) await checkOnce(target);

  loader = fork(new URL('./load.ts', import.meta.url), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const child = loader;
  // The server's CPU time per request (this process, user + system) is far less disturbed by other
  // work on a shared machine than requests per second: only one target is under load at a time.
  const load = async (target: Target, seconds: number) => {
    const before = process.cpuUsage();
    const result = await runLoad(child, { url: target.url, headers: target.headers, connections, durationSeconds: seconds });
    const used = process.cpuUsage(before);
    return { ...result, cpuMsPerRequest: (used.user + used.system) / 1000 / Math.max(1, result.completed) };
  };

  const memoryBefore = process.memoryUsage();
  const results = new Map<string, Array<LoadResult & { cpuMsPerRequest: number }>>(targets.map((t) => [t.name, []]));
  process.stderr.write(`Benchmarking on ${describeMachine(info)}; ${kind}; ${connections} connections, ${durationSeconds} s per target, ${rounds} round(s)\n`);
  if (warmupSeconds > 0) {
    for (const target of targets) accept(target, await load(target, warmupSeconds), 'warm-up');
  }
  for (let round = 1; round <= rounds; round += 1) {
    for (const target of targets) {
      process.stderr.write(`  round ${round}: ${target.name}…\n`);
      const result = await load(target, durationSeconds);
      accept(target, result, `round ${round}`);
      results.get(target.name)?.push(result);
    }
  }
  const memoryAfter = process.memoryUsage();

  const summary = targets.map((target) => {
    const runs = results.get(target.name) ?? [];
    return {
      target,
      rps: median(runs.map((r) => r.requestsPerSecond)),
      p50: median(runs.map((r) => r.latencyMs.p50)), p95: median(runs.map((r) => r.latencyMs.p95)), p99: median(runs.map((r) => r.latencyMs.p99)),
      cpu: median(runs.map((r) => r.cpuMsPerRequest)),
      completed: runs.reduce((sum, r) => sum + r.completed, 0),
    };
  });
  const baseline = summary[0];
  if (baseline === undefined) throw new Error('no baseline');
  const ratio = (value: number, base: number) => (base > 0 ? value / base : NaN);
  const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

  const lines = [
    `HTTP benchmark — ${new Date().toISOString()} — ${kind} — ${describeMachine(info)}`,
    `${connections} connections, ${durationSeconds} s per target after a ${warmupSeconds} s warm-up, ${rounds} round(s) (medians); every response was 200.`,
    '',
    '| target | requests/s | × bare | p50 ms | p95 ms | p99 ms | p50 × bare | p99 × bare | server CPU ms/request | CPU × bare | requests |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...summary.map((s) => `| ${s.target.name} | ${fixed(s.rps, 0)} | ${fixed(ratio(s.rps, baseline.rps), 3)} | ${fixed(s.p50, 2)} | ${fixed(s.p95, 2)} | ${fixed(s.p99, 2)} | ${fixed(ratio(s.p50, baseline.p50), 1)} | ${fixed(ratio(s.p99, baseline.p99), 1)} | ${fixed(s.cpu, 3)} | ${fixed(ratio(s.cpu, baseline.cpu), 1)} | ${s.completed} |`),
    '',
    ...targets.map((t) => `- ${t.name}: ${t.description}`),
    `- server CPU ms/request: user + system CPU time of this process (Lifeline and the bare instance; not the load generator${kind === 'postgres' ? ', not PostgreSQL' : ''}) during the run, divided by the requests completed.`,
    '',
    `This process (Lifeline + bare Fastify, not the load generator): before load rss ${fixed(mib(memoryBefore.rss), 1)} MiB, heap used ${fixed(mib(memoryBefore.heapUsed), 1)} MiB; after load rss ${fixed(mib(memoryAfter.rss), 1)} MiB, heap used ${fixed(mib(memoryAfter.heapUsed), 1)} MiB.`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} catch (error) {
  failed = true;
  process.stderr.write(`\nBENCHMARK FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
} finally {
  if (loader?.connected === true) loader.disconnect();
  await bare?.close();
  await lifeline?.close();
  await runtime?.close();
  await database?.dispose();
}
process.exitCode = failed ? 1 : 0;

/** One request before the load, checking status and body, so a broken target fails before it is measured. */
async function checkOnce(target: Target): Promise<void> {
  const response = await fetch(target.url, { headers: target.headers, redirect: 'manual' });
  const body = await response.text();
  if (response.status !== 200 || !body.includes(target.expect)) {
    throw new Error(`${target.name}: ${target.url} answered ${response.status}${body.includes(target.expect) ? '' : ` without "${target.expect}"`}`);
  }
}

/** Every response under load must be a 200; anything else (or a socket error or timeout) fails the benchmark. */
function accept(target: Target, result: LoadResult, phase: string): void {
  const others = Object.entries(result.statuses).filter(([status]) => status !== '200');
  const problems = [
    ...others.map(([status, count]) => `${count} × HTTP ${status}`),
    ...(result.non2xx > 0 ? [`${result.non2xx} non-2xx`] : []),
    ...(result.errors > 0 ? [`${result.errors} errors`] : []),
    ...(result.timeouts > 0 ? [`${result.timeouts} timeouts`] : []),
    ...(result.completed === 0 ? ['no completed requests'] : []),
  ];
  if (problems.length > 0) throw new Error(`${target.name} (${phase}): ${problems.join(', ')} — every response must be 200`);
}

function runLoad(child: ChildProcess, job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the load generator exited (${code ?? 'signal'})`));
    child.once('exit', onExit);
    child.once('message', (reply: LoadReply) => {
      child.off('exit', onExit);
      if (reply.ok) resolve(reply.result);
      else reject(new Error(`load generator: ${reply.error}`));
    });
    child.send(job);
  });
}
