// How fast the dashboards open on a generated operation, first and repeat views.
//
//   npx tsx bench/dashboard.ts [--database sqlite|postgres] [--scale 20] [--views 60] [--first 8] [--seed 1]
//
// A fresh database gets the roster, the demo accounts and the demo operation at the given scale
// (`--scale 100` is about 80,000 visits). Lifeline is built as in production and the demo analyst
// (and the Metropolitan supervisor) sign in through the real form. Requests go through Fastify's
// inject, one after another, so the time is the server's own (no sockets, no client).
// - records read: the facts cache is emptied before each request, so the request reads the
//   operation's records grouped by force and day from the database (what the first view of an
//   operation waits for if the start-up reading has not reached it);
// - new period: each request names a period not viewed before, within the operation's dates, so
//   its figures are summed from the kept days (what the first person to choose a period waits for);
// - repeat view: the same page again with the facts kept (what everyone else waits for); the
//   background signature check runs every 2 s meanwhile, as in production;
// - after a change: one visit recorded, then the time until the background recount shows it.
// Each view is checked to be a 200 with the page's heading in it.
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { loadConfig } from '../src/config.ts';
import { DEMO_ACCOUNTS } from '../src/demo/signInAccounts.ts';
import { openRuntime } from '../src/runtime.ts';
import { loadDemoOperation } from '../src/services/demoOperation.ts';
import { ensureDemoAccounts, ensureRoster } from '../src/services/setup.ts';
import { newId } from '../src/store/ids.ts';
import { buildApp } from '../src/web/app.ts';
import { databaseKind, describeMachine, freshDatabase, machine, parseOptions, positiveInteger, signInThroughForm } from './support.ts';

const options = parseOptions(process.argv.slice(2), { database: 'sqlite', scale: '20', views: '60', first: '8', seed: '1' });
const kind = databaseKind(options.database);
const scale = Number(options.scale);
const views = positiveInteger('views', options.views);
const firstViews = positiveInteger('first', options.first);

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
const ms = (v: number) => v.toFixed(1);

const database = await freshDatabase(kind, 'dashboard');
try {
  const config = loadConfig({
    NODE_ENV: 'production', LIFELINE_DATA_DIR: database.dataDir, LIFELINE_DATABASE_URL: database.url, LIFELINE_LOG_LEVEL: 'info',
    LIFELINE_SESSION_SECRET: randomBytes(48).toString('base64'), LIFELINE_FIELD_KEY: randomBytes(32).toString('base64'),
    LIFELINE_SECURE_COOKIES: 'false', LIFELINE_REQUIRE_SECOND_FACTOR: 'false',
  }, { port: 0, host: '127.0.0.1' });
  const runtime = await openRuntime(config);
  try {
    const context = runtime.services.context;
    await ensureRoster(context);
    await ensureDemoAccounts(context);
    const loadStarted = performance.now();
    const report = await loadDemoOperation(context, { seed: Number(options.seed), scale });
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const visitCount = Number((await runtime.database.db.selectFrom('visits').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const app = await buildApp({ config, services: runtime.services, database: runtime.database, logStream: new Writable({ write: (_chunk, _encoding, callback) => callback() }) });
    try {
      const base = await app.listen({ port: 0, host: '127.0.0.1' });
      const account = (role: string, code: string) => DEMO_ACCOUNTS.find((a) => a.role === role && a.organisationCode === code);
      const analyst = account('analyst', 'national-centre');
      const supervisor = account('supervisor', 'metropolitan');
      if (analyst === undefined || supervisor === undefined) throw new Error('No demo analyst or supervisor');
      const analystCookie = await signInThroughForm(base, analyst.email, analyst.password);
      const supervisorCookie = await signInThroughForm(base, supervisor.email, supervisor.password);
      const operation = (await runtime.store.repositories.operations.list())[0];
      if (operation === undefined) throw new Error('No demo operation');
      const facts = runtime.services.dashboard.facts;

      const view = async (url: string, cookie: string, heading: string): Promise<number> => {
        const started = performance.now();
        const response = await app.inject({ url, headers: { cookie } });
        const elapsed = performance.now() - started;
        if (response.statusCode !== 200 || !response.body.includes(heading)) throw new Error(`${url} answered ${response.statusCode}`);
        return elapsed;
      };
      const national = `/dashboard?operationId=${operation.id}`;
      const force = `/dashboard/force?operationId=${operation.id}`;
      const chart = `/dashboard/chart/forces-england-and-wales.svg?operationId=${operation.id}`;

      const first: number[] = [];
      for (let i = 0; i < firstViews; i += 1) {
        await facts.settled();
        facts.clear();
        first.push(await view(national, analystCookie, 'National dashboard'));
      }
      // Periods nobody has viewed: random whole-day spans inside the operation, each different.
      let state = Number(options.seed) >>> 0;
      const next = () => {
        state = (state * 1_664_525 + 1_013_904_223) >>> 0;
        return state / 2 ** 32;
      };
      const spanDays = Math.round((Date.parse(operation.ends_on) - Date.parse(operation.starts_on)) / 86_400_000);
      const dayAt = (offset: number) => new Date(Date.parse(operation.starts_on) + offset * 86_400_000).toISOString().slice(0, 10);
      const periods = new Set<string>();
      while (periods.size < views) {
        const [a = 0, b = 0] = [Math.floor(next() * (spanDays + 1)), Math.floor(next() * (spanDays + 1))].sort((x, y) => x - y);
        periods.add(`&from=${dayAt(a)}&to=${dayAt(b)}`);
      }
      const newPeriod: number[] = [];
      for (const period of periods) newPeriod.push(await view(`${national}${period}`, analystCookie, 'National dashboard'));
      const repeat: number[] = [];
      for (let i = 0; i < views; i += 1) repeat.push(await view(national, analystCookie, 'National dashboard'));
      const forceRepeat: number[] = [];
      await view(force, supervisorCookie, 'Force dashboard');
      for (let i = 0; i < views; i += 1) forceRepeat.push(await view(force, supervisorCookie, 'Force dashboard'));
      const charts: number[] = [];
      for (let i = 0; i < views; i += 1) charts.push(await view(chart, analystCookie, '<svg'));

      // A change: one more visit. Time until a view shows it (the background recount included).
      const before = (await runtime.services.dashboard.national({ kind: 'system', label: 'bench', requestId: null }, { operationId: operation.id })).headline.visits;
      const sample = await runtime.database.db.selectFrom('visits').selectAll().where('operation_id', '=', operation.id).limit(1).executeTakeFirstOrThrow();
      const at = new Date().toISOString();
      await runtime.database.db.insertInto('visits').values({ ...sample, id: newId(), created_at: at, updated_at: at }).execute();
      const changed = performance.now();
      facts.expireChecks();
      let seen = before;
      while (seen === before) {
        seen = (await runtime.services.dashboard.national({ kind: 'system', label: 'bench', requestId: null }, { operationId: operation.id })).headline.visits;
        if (seen === before) await facts.settled();
        if (performance.now() - changed > 60_000) throw new Error('The change never showed');
      }
      const recount = performance.now() - changed;

      const m = machine();
      process.stdout.write([
        `dashboard benchmark, ${kind}, demo --scale ${scale} --seed ${options.seed}: ${visitCount} visits, ${report.peopleFound} people found, ${report.arrests} arrests, loaded in ${loadSeconds.toFixed(0)} s`,
        describeMachine(m),
        '| view | requests | median ms | p95 ms | max ms |',
        '|---|---|---|---|---|',
        ...([['national, records read (cache emptied)', first], ['national, first view of a new period', newPeriod], ['national, repeat view', repeat], ['force (supervisor), repeat view', forceRepeat], ['chart by force (SVG), repeat', charts]] as const)
          .map(([name, values]) => `| ${name} | ${values.length} | ${ms(percentile(values, 50))} | ${ms(percentile(values, 95))} | ${ms(Math.max(...values))} |`),
        `after one visit was recorded, the recount showed it in ${ms(recount)} ms (views meanwhile were served the kept figures)`,
        '',
      ].join('\n'));
    } finally {
      await app.close();
    }
  } finally {
    await runtime.close();
  }
} finally {
  await database.dispose();
}
