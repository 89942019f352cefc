// Network answers at scale: the national analyst's neighbourhood of an entity and shortest path
// between two entities (each builds the analyst's network from the database, as a request does),
// and the whole-network measures on a worker thread.
//   npx tsx bench/network.ts --database sqlite --scale 10 --requests 40
import { loadConfig } from '../src/config.ts';
import { openRuntime } from '../src/runtime.ts';
import { loadDemoOperation } from '../src/services/demoOperation.ts';
import { ensureDemoAccounts, ensureRoster } from '../src/services/setup.ts';
import { databaseKind, describeMachine, freshDatabase, machine, parseOptions, positiveInteger } from './support.ts';

const options = parseOptions(process.argv.slice(2), { database: 'sqlite', scale: '10', requests: '40' });
const kind = databaseKind(options.database);
const scale = positiveInteger('scale', options.scale);
const requests = positiveInteger('requests', options.requests);

const database = await freshDatabase(kind, 'network');
try {
  const config = loadConfig({ NODE_ENV: 'test', LIFELINE_DATABASE_URL: database.url, LIFELINE_DATA_DIR: database.dataDir, LIFELINE_LOG_LEVEL: 'silent' });
  const runtime = await openRuntime(config);
  const services = runtime.services;
  await ensureRoster(services.context);
  await ensureDemoAccounts(services.context);
  const report = await loadDemoOperation(services.context, { seed: 1, scale });
  const user = await services.context.store.repositories.users.findByEmail('analyst.national-centre@demo.lifeline.example');
  const analyst = user === undefined ? null : await services.authentication.loadActor(user.id, 'session', 'bench');
  if (analyst === null) throw new Error('no analyst');
  const graph = await services.network.build(analyst);
  // Start points: the best-connected entities, so each answer has work to do.
  const busy = [...graph.entities.keys()].sort((a, b) => graph.relationshipsOf(b).length - graph.relationshipsOf(a).length).slice(0, 50);
  const time = async (name: string, work: (i: number) => Promise<unknown>) => {
    const timings: number[] = [];
    for (let i = 0; i < requests; i += 1) {
      const started = performance.now();
      await work(i);
      timings.push(performance.now() - started);
    }
    timings.sort((a, b) => a - b);
    const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))] ?? Number.NaN;
    return `| ${name} | ${at(0.5).toFixed(1)} | ${at(0.95).toFixed(1)} | ${at(0.95) < 200 ? 'yes' : 'NO'} |`;
  };
  const rows = [
    await time('neighbourhood of an entity', (i) => services.network.entity(analyst, busy[i % busy.length] ?? '')),
    await time('shortest path between two entities', (i) => services.network.path(analyst, busy[i % busy.length] ?? '', busy[(i * 7 + 3) % busy.length] ?? '')),
  ];
  const started = performance.now();
  const measured = await services.networkMeasures.measures(analyst);
  await measured.done;
  const final = await services.networkMeasures.measures(analyst);
  const measuresSeconds = (performance.now() - started) / 1000;
  const inWorker = final.state.status === 'ready' ? final.state.measures.milliseconds : Number.NaN;
  process.stdout.write(`\n${describeMachine(machine())}; ${kind}; scale ${scale}: ${report.visits} visits; analyst's network ${graph.entities.size} entities, ${graph.relationships.length} relationships\n\n`);
  process.stdout.write('| answer | p50 ms | p95 ms | p95 < 200 ms |\n|---|---|---|---|\n');
  process.stdout.write(`${rows.join('\n')}\n\nWhole-network measures in the background: ${measuresSeconds.toFixed(2)} s from request to ready (${inWorker} ms of computation in the worker).\n`);
  await services.networkMeasures.close();
  await runtime.close();
} finally {
  await database.dispose();
}
