// Public reports sent per second, sustained, through the real public form, against the same walk
// over bare Fastify routes, in one run; then a look in the database that no report was lost or
// made twice.
//
//   npx tsx bench/publicForm.ts [--database sqlite|postgres] [--duration 15] [--reporters 10] [--warmup 2]
//
// Lifeline runs in this process on a random port with a fresh database (roster only), configured
// as in production (NODE_ENV=production, request logs at info to a discarding stream) except that
// cookies are not marked Secure (plain HTTP to 127.0.0.1) and the public form's rate limit is
// raised to its maximum, LIFELINE_PUBLIC_RATE_LIMIT=100000 a minute per client: every reporter
// comes from 127.0.0.1, one client to the limiter, where real reporters are many. The reporters
// (bench/publicFormWalker.ts) run in a child process and walk the form as a browser without
// JavaScript: GET each page, POST its answers with the draft cookie (the public form has no CSRF
// token: its only cookie is SameSite=Lax and carries no authority), send the report twice at once,
// read the reference on the confirmation. The bare target answers the same walk with a route per
// step that parses the form and redirects, and nothing else.
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { loadConfig } from '../src/config.ts';
import { openRuntime, type Runtime } from '../src/runtime.ts';
import { ensureRoster } from '../src/services/setup.ts';
import { buildApp } from '../src/web/app.ts';
import { ANSWERS, type WalkJob, type WalkReply, type WalkResult } from './publicFormWalker.ts';
import { databaseKind, describeMachine, freshDatabase, machine, parseOptions, positiveInteger, type FreshDatabase } from './support.ts';

const options = parseOptions(process.argv.slice(2), { database: 'sqlite', duration: '15', reporters: '10', warmup: '2' });
const kind = databaseKind(options.database);
const durationSeconds = positiveInteger('duration', options.duration);
const reporters = positiveInteger('reporters', options.reporters);
const warmupSeconds = Number(options.warmup);

let database: FreshDatabase | undefined;
let runtime: Runtime | undefined;
let lifeline: FastifyInstance | undefined;
let bare: FastifyInstance | undefined;
let walker: ChildProcess | undefined;
let failed = false;

try {
  const info = machine();
  database = await freshDatabase(kind, 'publicform');
  const config = loadConfig({
    NODE_ENV: 'production', LIFELINE_DATA_DIR: database.dataDir, LIFELINE_DATABASE_URL: database.url, LIFELINE_LOG_LEVEL: 'info',
    LIFELINE_SESSION_SECRET: randomBytes(48).toString('base64'), LIFELINE_FIELD_KEY: randomBytes(32).toString('base64'),
    LIFELINE_SECURE_COOKIES: 'false', LIFELINE_REQUIRE_SECOND_FACTOR: 'false', LIFELINE_PUBLIC_RATE_LIMIT: '100000',
  }, { port: 0, host: '127.0.0.1' });
  runtime = await openRuntime(config);
  await ensureRoster(runtime.services.context);
  const discard = new Writable({ write: (_chunk, _encoding, callback) => callback() });
  lifeline = await buildApp({ config, services: runtime.services, database: runtime.database, logStream: discard });
  const lifelineUrl = await lifeline.listen({ port: 0, host: '127.0.0.1' });
  bare = bareForm();
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

  walker = fork(new URL('./publicFormWalker.ts', import.meta.url), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const child = walker;
  const run = async (name: string, baseUrl: string, seconds: number) => {
    const before = process.cpuUsage();
    const result = await runWalk(child, { baseUrl, reporters, durationSeconds: seconds });
    const used = process.cpuUsage(before);
    if (result.failureCount > 0) throw new Error(`${name}: ${result.failureCount} reports failed, first: ${result.failures.join(' | ')}`);
    if (result.references.length === 0) throw new Error(`${name}: no report was sent`);
    return { ...result, cpuMsPerReport: (used.user + used.system) / 1000 / result.references.length };
  };

  process.stderr.write(`Public form benchmark on ${describeMachine(info)}; ${kind}; ${reporters} reporters, ${durationSeconds} s per target\n`);
  // The warm-up sends reports too: they are counted in the database check below.
  const warmup = warmupSeconds > 0 ? [await run('bare warm-up', bareUrl, warmupSeconds), await run('lifeline warm-up', lifelineUrl, warmupSeconds)] : [];
  process.stderr.write('  bare…\n');
  const bareResult = await run('bare', bareUrl, durationSeconds);
  process.stderr.write('  lifeline…\n');
  const lifelineResult = await run('lifeline', lifelineUrl, durationSeconds);

  // Nothing lost, nothing twice: every confirmed reference is in the database once, and the
  // database holds no report that no reporter was shown.
  const shown = [...(warmup[1]?.references ?? []), ...lifelineResult.references];
  const rows = await runtime.database.db.selectFrom('public_reports').select(['reference', 'submission_key']).where('source', '=', 'public').execute();
  const stored = new Map<string, number>();
  for (const row of rows) stored.set(row.reference, (stored.get(row.reference) ?? 0) + 1);
  const missing = shown.filter((reference) => !stored.has(reference));
  const unshown = rows.length - new Set(shown).size;
  const doubled = new Set(shown).size !== shown.length || [...stored.values()].some((count) => count > 1) || new Set(rows.map((r) => r.submission_key)).size !== rows.length;
  if (missing.length > 0 || unshown !== 0 || doubled) {
    throw new Error(`database check: ${missing.length} confirmed reports missing, ${unshown} reports nobody was shown (double posts made twice?), duplicates ${doubled ? 'found' : 'none'}`);
  }

  const rate = (r: WalkResult) => r.references.length / r.elapsedSeconds;
  const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
  const pagesPerReport = 2 + ANSWERS.length * 2 + 3 + 1;
  const line = (name: string, r: WalkResult & { cpuMsPerReport: number }) =>
    `| ${name} | ${r.references.length} | ${fixed(rate(r), 1)} | ${fixed(rate(r) / rate(bareResult), 3)} | ${fixed(r.requests / r.elapsedSeconds, 0)} | ${fixed(r.reportMs.p50, 0)} | ${fixed(r.reportMs.p95, 0)} | ${fixed(r.reportMs.p99, 0)} | ${fixed(r.cpuMsPerReport, 2)} | ${fixed(r.cpuMsPerReport / bareResult.cpuMsPerReport, 1)} |`;
  const lines = [
    `Public form benchmark — ${new Date().toISOString()} — ${kind} — ${describeMachine(info)}`,
    `${reporters} reporters at once, ${durationSeconds} s per target after a ${warmupSeconds} s warm-up; ${pagesPerReport - 1} requests per report (${ANSWERS.length} questions GET + POST, start, check page, the send posted twice, confirmation).`,
    '',
    '| target | reports | reports/s | × bare | requests/s | report p50 ms | p95 ms | p99 ms | server CPU ms/report | CPU × bare |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    line('bare', bareResult),
    line('lifeline', lifelineResult),
    '',
    `Database check: ${shown.length} reports confirmed to the reporters (${warmup[1]?.references.length ?? 0} in the warm-up), ${rows.length} public reports stored, ${stored.size} distinct references, ${new Set(rows.map((r) => r.submission_key)).size} distinct drafts: none lost, none made twice by the double posts.`,
    '- bare: Fastify with a form-body parser, a route per page answering a small HTML page or a 303 to the next one, and a made-up reference; no plugins, no logging, no database.',
    '- lifeline: the public form as deployed: rate limiting (keyed hash), draft cookie, validation, the draft saved at each step, routing to a force, the sealed answers, the one-time secret hashed with scrypt, the confirmation.',
    '- server CPU ms/report: user + system CPU time of this process (not the reporters\' process' + (kind === 'postgres' ? ', not PostgreSQL' : '') + ') during the target\'s run, divided by the reports sent.',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} catch (error) {
  failed = true;
  process.stderr.write(`\nBENCHMARK FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
} finally {
  if (walker?.connected === true) walker.disconnect();
  await bare?.close();
  await lifeline?.close();
  await runtime?.close();
  await database?.dispose();
}
process.exitCode = failed ? 1 : 0;

/** The same walk over bare Fastify: GET answers a small page, POST parses the form and redirects to the next step. */
function bareForm(): FastifyInstance {
  const app = Fastify({ logger: false });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
  const order = [...ANSWERS.map(([step]) => step), 'check-your-answers', 'report-sent'];
  let sent = 0;
  const page = (title: string) => `<!DOCTYPE html><html lang="en"><head><title>${title}</title></head><body><main><h1>${title}</h1></main></body></html>`;
  app.get('/report', async (_request, reply) => reply.type('text/html').send(page('Report')));
  app.get('/report/:step', async (request, reply) => {
    const { step } = request.params as { step: string };
    if (step === 'report-sent') {
      sent += 1;
      return reply.type('text/html').send(page(`Report sent LL-${sent.toString(36).toUpperCase().padStart(4, '0').slice(-4)}-BARE`));
    }
    return reply.type('text/html').send(page(step));
  });
  app.post('/report/:step', async (request, reply) => {
    const { step } = request.params as { step: string };
    const next = order[order.indexOf(step) + 1] ?? 'report';
    return reply.redirect(`/report/${next}?lang=en`, 303);
  });
  return app;
}

function runWalk(child: ChildProcess, job: WalkJob): Promise<WalkResult> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the reporters' process exited (${code ?? 'signal'})`));
    child.once('exit', onExit);
    child.once('message', (reply: WalkReply) => {
      child.off('exit', onExit);
      if (reply.ok) resolve(reply.result);
      else reject(new Error(`reporters: ${reply.error}`));
    });
    child.send(job);
  });
}
