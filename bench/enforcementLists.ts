// Issue 3's target: with `demo --scale 100` loaded (about 80,000 visits), person search and the
// list pages answer in under 100 ms at the 95th percentile, on SQLite and PostgreSQL.
// Run: npx tsx bench/enforcementLists.ts [--database sqlite|postgres] [--scale 100] [--requests 200]
// Requests go through the whole staff stack in-process (session, guard, query, Nunjucks render)
// as the national analyst, who reads every force's records: the largest lists there are.
import { loadConfig } from '../src/config.ts';
import { openRuntime } from '../src/runtime.ts';
import { loadDemoOperation } from '../src/services/demoOperation.ts';
import { ensureDemoAccounts, ensureRoster } from '../src/services/setup.ts';
import { buildApp } from '../src/web/app.ts';
import { databaseKind, describeMachine, freshDatabase, machine, parseOptions, positiveInteger } from './support.ts';

const options = parseOptions(process.argv.slice(2), { database: 'sqlite', scale: '100', requests: '200' });
const kind = databaseKind(options.database);
const scale = positiveInteger('scale', options.scale);
const requests = positiveInteger('requests', options.requests);

const database = await freshDatabase(kind, 'lists');
try {
  const config = loadConfig({ NODE_ENV: 'test', LIFELINE_DATABASE_URL: database.url, LIFELINE_DATA_DIR: database.dataDir, LIFELINE_LOG_LEVEL: 'silent' });
  const runtime = await openRuntime(config);
  await ensureRoster(runtime.services.context);
  await ensureDemoAccounts(runtime.services.context);
  const loadStarted = performance.now();
  const report = await loadDemoOperation(runtime.services.context, { seed: 1, scale, onProgress: (done, total) => process.stderr.write(`\rloading ${done}/${total} visits`) });
  process.stderr.write('\n');
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const app = await buildApp({ config, services: runtime.services, database: runtime.database });
  await app.ready();

  // Sign in as the analyst through the real form.
  const form = await app.inject({ url: '/sign-in' });
  const cookieOf = (response: { cookies: Array<{ name: string; value: string }> }) => response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
  const signedIn = await app.inject({
    method: 'POST', url: '/sign-in', headers: { cookie: cookieOf(form), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrf, email: 'analyst.national-centre@demo.lifeline.example', password: 'demo-password-analyst', next: '/' }).toString(),
  });
  const cookie = cookieOf(signedIn);

  const surnames = ['nguyen', 'popescu', 'wang', 'hoxha', 'kowalski', 'okafor', 'tran', 'ionescu', 'kazlauskas', 'zhang', 'le thi', 'somchai'];
  const targets: Array<{ name: string; url: (i: number) => string }> = [
    { name: 'person search by name', url: (i) => `/people?name=${encodeURIComponent(surnames[i % surnames.length] ?? 'nguyen')}` },
    { name: 'people list, page 1', url: () => '/people' },
    { name: 'people list, deep page', url: (i) => `/people?page=${100 + (i % 50)}` },
    { name: 'visits list, page 1', url: () => '/visits' },
    { name: 'visits list, filtered', url: () => '/visits?premisesType=brothel&from=2007-10-01&to=2008-04-30' },
    { name: 'arrests list, page 1', url: () => '/arrests' },
    { name: 'premises list', url: () => '/premises' },
    { name: 'operation results (national)', url: () => '/results' },
  ];
  const rows: string[] = [];
  for (const target of targets) {
    // A warm-up pass over the target's distinct addresses: right after a bulk load PostgreSQL's
    // first read of each page writes its hint bits, a one-off cost a running server has long paid.
    const warmUp = new Set(Array.from({ length: Math.min(requests, surnames.length) }, (_, i) => target.url(i)));
    for (const url of warmUp) await app.inject({ url, headers: { cookie } });
    const timings: number[] = [];
    for (let i = 0; i < requests; i += 1) {
      const started = performance.now();
      const response = await app.inject({ url: target.url(i), headers: { cookie } });
      timings.push(performance.now() - started);
      if (response.statusCode !== 200) throw new Error(`${target.name}: status ${response.statusCode}`);
    }
    timings.sort((a, b) => a - b);
    const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))] ?? Number.NaN;
    rows.push(`| ${target.name} | ${at(0.5).toFixed(1)} | ${at(0.95).toFixed(1)} | ${at(0.99).toFixed(1)} | ${at(0.95) < 100 ? 'yes' : 'NO'} |`);
  }
  process.stdout.write(`\n${describeMachine(machine())}; ${kind}; scale ${scale}: ${report.visits} visits, ${report.peopleFound} people found, ${report.arrests} arrests, loaded in ${loadSeconds.toFixed(1)} s\n\n`);
  process.stdout.write('| page | p50 ms | p95 ms | p99 ms | p95 < 100 ms |\n|---|---|---|---|---|\n');
  process.stdout.write(`${rows.join('\n')}\n`);
  await app.close();
  await runtime.close();
} finally {
  await database.dispose();
}
