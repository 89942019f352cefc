// Lifeline in this process, on a port of its own, with a database nobody else uses: every
// test file starts from the same known state (roster and demo accounts, and the demo operation
// at a small scale only for a file that asks for it).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { openRuntime, type Runtime } from '../../src/runtime.ts';
import type { Clock } from '../../src/services/context.ts';
import type { MailTransport } from '../../src/services/reminders/mailTransport.ts';
import type { ReminderScheduler } from '../../src/services/reminders/scheduler.ts';
import type { Database } from '../../src/store/database.ts';
import type { Services } from '../../src/services/index.ts';
import { loadDemoOperation } from '../../src/services/demoOperation.ts';
import { ensureDemoAccounts, ensureRoster } from '../../src/services/setup.ts';
import { buildApp } from '../../src/web/app.ts';

export interface LifelineSeed {
  /** Loads the demo operation (seed 1) at this scale: 0.05 is two operations and about 40 visits, loaded in well under a second. */
  demoOperationScale?: number;
  /** Records a journey needs before it starts (other forces' records, an account), made through the services as the pages would. */
  prepare?: (services: Services) => Promise<void>;
}

/** What a journey that plays with time or counts emails controls; both default to production's. */
export interface LifelineControls {
  /** The time Lifeline reads (every instance of the journey reads the same one). */
  clock?: Clock;
  /** Where reminder emails go, for every instance. */
  mailTransport?: MailTransport;
}

export interface RunningLifeline {
  baseUrl: string;
  /** The web server's own reminder scheduler. */
  reminders: ReminderScheduler;
  /** For a journey to check what was stored (read only, by convention). */
  database: Database;
  /** The instance's data directory, holding the SQLite file `e2e.db`. */
  dataDir: string;
  /**
   * A second application instance on the same database, as behind a load balancer, without a
   * web server: its reminder scheduler is started beside the first one's. Stopped with the first.
   */
  startSecondInstance(): Promise<ReminderScheduler>;
  stop(): Promise<void>;
}

/** `environment` adds to or overrides the test configuration, as the same variables would in production. */
export async function startLifeline(environment: Record<string, string> = {}, seed: LifelineSeed = {}, controls: LifelineControls = {}): Promise<RunningLifeline> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'lifeline-e2e-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LIFELINE_DATABASE_URL: `sqlite:${path.join(dataDir, 'e2e.db')}`,
    LIFELINE_DATA_DIR: dataDir,
    LIFELINE_SECURE_COOKIES: 'false',
    LIFELINE_DEMO: 'true',
    // Every journey signs in from 127.0.0.1 several times a minute; the real limit would turn later journeys into 429s.
    LIFELINE_SIGN_IN_RATE_LIMIT: '10000',
    ...environment,
  });
  const options = { ...(controls.clock === undefined ? {} : { clock: controls.clock }), ...(controls.mailTransport === undefined ? {} : { mailTransport: controls.mailTransport }) };
  const runtime = await openRuntime(config, options);
  const others: Runtime[] = [];
  try {
    await ensureRoster(runtime.services.context);
    await ensureDemoAccounts(runtime.services.context);
    if (seed.demoOperationScale !== undefined) await loadDemoOperation(runtime.services.context, { seed: 1, scale: seed.demoOperationScale });
    await seed.prepare?.(runtime.services);
    const app = await buildApp({ config, services: runtime.services, database: runtime.database });
    await app.listen({ port: 0, host: '127.0.0.1' });
    // As `serve` does; LIFELINE_REMINDER_INTERVAL_SECONDS=1 makes reminders arrive within a journey.
    runtime.reminders.start(app.log);
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('Lifeline did not bind a TCP port');
    return {
      baseUrl: `http://127.0.0.1:${address.port}`,
      reminders: runtime.reminders,
      database: runtime.database,
      dataDir,
      startSecondInstance: async () => {
        const other = await openRuntime(config, { ...options, migrate: false });
        others.push(other);
        other.reminders.start(app.log);
        return other.reminders;
      },
      stop: async () => {
        await app.close();
        for (const other of others) await other.close();
        await runtime.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await runtime.close();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
