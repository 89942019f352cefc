// Opens everything a process needs (database, store, services) in one place, for the server,
// the command line and the tests alike.
import type { Config } from './config.ts';
import { FieldCipher } from './security/fieldCipher.ts';
import type { Clock } from './services/context.ts';
import { createServices, type Services } from './services/index.ts';
import { migrateToLatest, openDatabase, type Database, type OpenOptions } from './store/database.ts';
import { Store } from './store/store.ts';

export interface Runtime {
  config: Config;
  database: Database;
  store: Store;
  services: Services;
  close(): Promise<void>;
}

export async function openRuntime(config: Config, options: OpenOptions & { clock?: Clock; migrate?: boolean } = {}): Promise<Runtime> {
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
    security: { lockoutThreshold: config.lockoutThreshold, lockoutMinutes: config.lockoutMinutes, requireSecondFactor: config.requireSecondFactor },
  });
  // Background estimates write to the database as they end: they finish before it closes.
  return { config, database, store, services, close: async () => { await services.hiddenScale.drain(); await database.close(); } };
}
