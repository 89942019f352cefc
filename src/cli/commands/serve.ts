import path from 'node:path';
import type { Command } from 'commander';
import { loadDemoOperation } from '../../services/demoOperation.ts';
import { progressBar } from '../progress.ts';
import { loadConfig, type Surface } from '../../config.ts';
import { DEMO_ACCOUNTS } from '../../demo/signInAccounts.ts';
import { openRuntime } from '../../runtime.ts';
import { ensureDemoAccounts, ensureRoster, isEmpty } from '../../services/setup.ts';
import { CliError } from '../errors.ts';
import { printTable } from '../output.ts';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('migrate the database, load the roster (and demo data on an empty development database) and serve Lifeline')
    .option('--surface <surface>', 'public, staff or all')
    .option('--port <port>', 'port to listen on (default PORT or 3000)')
    .option('--host <host>', 'address to listen on (default HOST or 127.0.0.1)')
    .action(async (options: { surface?: string; port?: string; host?: string }) => {
      const started = performance.now();
      // The option is checked here; LIFELINE_SURFACE, when no option is given, by loadConfig, which names the variable.
      if (options.surface !== undefined && !['public', 'staff', 'all'].includes(options.surface)) throw new CliError(`--surface must be public, staff or all (got "${options.surface}")`);
      const port = options.port === undefined ? undefined : Number(options.port);
      if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new CliError(`--port must be a number from 0 to 65535 (got "${options.port ?? ''}")`);
      const config = loadConfig(process.env, {
        ...(options.surface === undefined ? {} : { surface: options.surface as Surface }),
        ...(port === undefined ? {} : { port }),
        ...(options.host === undefined ? {} : { host: options.host }),
      });
      const surface = config.surface;
      const runtime = await openRuntime(config);
      const context = runtime.services.context;
      await ensureRoster(context);
      const empty = await isEmpty(context);
      let demoLoaded = false;
      if (empty && config.loadDemo) {
        await ensureDemoAccounts(context);
        if ((await runtime.store.repositories.operations.count()) === 0) {
          const progress = progressBar('Loading the demo operation (visits)');
          await loadDemoOperation(context, { seed: 1, scale: 1, truthFile: path.join(config.dataDir, 'demo-ground-truth.ndjson'), onProgress: (done, total) => progress.update(done, total) });
          progress.stop();
        }
        demoLoaded = true;
      }
      // Loaded only here, so the other commands start without the web stack.
      const { buildApp } = await import('../../web/app.ts');
      const app = await buildApp({ config, services: runtime.services, database: runtime.database });
      const shutdown = async () => {
        await app.close();
        await runtime.close();
      };
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void shutdown().then(() => process.exit(0)));
      await app.listen({ port: config.port, host: config.host });
      // A public-only instance holds no staff data (on PostgreSQL its role cannot read it): reminders are the staff side's.
      const remindersStarted = surface !== 'public' && runtime.reminders.start(app.log);
      // The dashboards' figures are counted now rather than by the first person to open them.
      if (surface !== 'public') void runtime.services.dashboard.warm();
      const address = app.server.address();
      const boundPort = typeof address === 'object' && address !== null ? address.port : config.port;
      const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${boundPort}`;
      const say = (line = '') => process.stdout.write(`${line}\n`);
      say(`Lifeline is running at ${url} (${surface} surface, ${runtime.database.description}) — ready in ${Math.round(performance.now() - started)} ms`);
      say(remindersStarted
        ? `Reminders are looked for every ${config.reminderIntervalSeconds} s; emails go to ${runtime.reminders.transportDescription}.`
        : `Reminders are not sent by this instance (${surface === 'public' ? 'public surface only' : 'LIFELINE_REMINDER_INTERVAL_SECONDS=0'}).`);
      if (config.loadDemo && (demoLoaded || !empty)) {
        say(demoLoaded ? 'Demo accounts loaded into the new database:' : 'Demo accounts (if this database still has them):');
        printTable(DEMO_ACCOUNTS.map((a) => ({ role: a.role, organisation: a.organisationCode, email: a.email, password: a.password })), say);
        say('List them again with: npm run lifeline -- demo accounts');
      }
      if (empty && !config.loadDemo) {
        say('This database has no users. Create the first system administrator with:');
        say('  npm run lifeline -- user add --organisation national-centre --role system-administrator --email you@example.org --name "Your Name"');
      }
    });
}
