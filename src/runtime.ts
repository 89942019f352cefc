// Opens everything a process needs (database, store, services) in one place, for the server,
// the command line and the tests alike.
import type { Config } from './config.ts';
import { FieldCipher } from './security/fieldCipher.ts';
import type { Clock } from './services/context.ts';
import { createServices, type Services } from './services/index.ts';
import { mailTransportFor, type MailTransport } from './services/reminders/mailTransport.ts';
import { ReminderScheduler } from './services/reminders/scheduler.ts';
import { migrateToLatest, openDatabase, type Database, type OpenOptions } from './store/database.ts';
import { Store } from './store/store.ts';

export interface Runtime {
  config: Config;
  database: Database;
  store: Store;
  services: Services;
  /** Started by `serve`; `lifeline reminders run-once` runs it once. */
  reminders: ReminderScheduler;
  close(): Promise<void>;
}

export async function openRuntime(config: Config, options: OpenOptions & { clock?: Clock; migrate?: boolean; mailTransport?: MailTransport } = {}): Promise<Runtime> {
  const database = openDatabase(config.database, options);
  try {
    if (options.migrate !== false) await migrateToLatest(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  const store = new Store(database);
  const services = createServices({
    store,
    clock: options.clock ?? (() => new Date()),
    fieldCipher: new FieldCipher(config.fieldEncryptionKey, config.previousFieldEncryptionKeys),
    victimPath: config.victimPath,
    security: { lockoutThreshold: config.lockoutThreshold, lockoutMinutes: config.lockoutMinutes, requireSecondFactor: config.requireSecondFactor },
  });
  const reminders = new ReminderScheduler({
    context: services.context,
    sources: services.reminderSources,
    transport: options.mailTransport ?? mailTransportFor(config.mailTransport),
    email: { from: config.mailFrom, staffBaseUrl: config.staffBaseUrl },
    intervalSeconds: config.reminderIntervalSeconds,
  });
  return {
    config, database, store, services, reminders,
    // Background work writes to the database: it finishes before the database closes.
    close: async () => {
      await reminders.stop();
      await services.linkageRuns.idle();
      await services.hiddenScale.drain();
      await database.close();
    },
  };
}
