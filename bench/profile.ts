// Where the time of one page goes: signs in, sends N sequential requests to a path through
// Fastify's inject (no sockets), prints the mean wall-clock and CPU time per request (CPU time is
// the steadier measure on a busy machine) and, with --out, writes a CPU profile of the loop to
// open in Chrome DevTools (Performance → Load profile) or VS Code.
//
//   npx tsx bench/profile.ts [--path /] [--requests 500] [--database sqlite|postgres] [--out /tmp/lifeline-page.cpuprofile]
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import inspector from 'node:inspector/promises';
import { Writable } from 'node:stream';
import { loadConfig } from '../src/config.ts';
import { openRuntime } from '../src/runtime.ts';
import { ensureDemoAccounts, ensureRoster } from '../src/services/setup.ts';
import { buildApp } from '../src/web/app.ts';
import { databaseKind, freshDatabase, parseOptions, positiveInteger, signInThroughForm } from './support.ts';

const options = parseOptions(process.argv.slice(2), { path: '/', requests: '500', database: 'sqlite', out: '' });
const requests = positiveInteger('requests', options.requests);
const database = await freshDatabase(databaseKind(options.database), 'profile');
try {
  const config = loadConfig({
    NODE_ENV: 'production', LIFELINE_DATA_DIR: database.dataDir, LIFELINE_DATABASE_URL: database.url, LIFELINE_LOG_LEVEL: 'info',
    LIFELINE_SESSION_SECRET: randomBytes(48).toString('base64'), LIFELINE_FIELD_KEY: randomBytes(32).toString('base64'),
    LIFELINE_SECURE_COOKIES: 'false', LIFELINE_REQUIRE_SECOND_FACTOR: 'false',
  }, { port: 0, host: '127.0.0.1' });
  const runtime = await openRuntime(config);
  try {
    await ensureRoster(runtime.services.context);
    await ensureDemoAccounts(runtime.services.context);
    const app = await buildApp({ config, services: runtime.services, database: runtime.database, logStream: new Writable({ write: (_chunk, _encoding, callback) => callback() }) });
    try {
      const cookie = await signInThroughForm(await app.listen({ port: 0, host: '127.0.0.1' }));
      const once = async () => {
        const response = await app.inject({ url: options.path, headers: { cookie } });
        if (response.statusCode !== 200) throw new Error(`${options.path} answered ${response.statusCode}`);
      };
      for (let i = 0; i < Math.min(50, requests); i += 1) await once();
      const session = new inspector.Session();
      session.connect();
      if (options.out !== '') {
        await session.post('Profiler.enable');
        await session.post('Profiler.start');
      }
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      for (let i = 0; i < requests; i += 1) await once();
      const cpu = process.cpuUsage(cpuBefore);
      const elapsed = performance.now() - started;
      if (options.out !== '') {
        const { profile } = await session.post('Profiler.stop');
        writeFileSync(options.out, JSON.stringify(profile));
      }
      session.disconnect();
      process.stdout.write(`${options.path}: ${requests} sequential requests, ${(elapsed / requests).toFixed(3)} ms each, ${((cpu.user + cpu.system) / 1000 / requests).toFixed(3)} ms CPU each${options.out === '' ? '' : `; CPU profile in ${options.out}`}\n`);
    } finally {
      await app.close();
    }
  } finally {
    await runtime.close();
  }
} finally {
  await database.dispose();
}
