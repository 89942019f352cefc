// A second application instance on the same database as a test runtime (the same SQLite file,
// the same PostgreSQL schema) and the same test clock: what two servers behind a load balancer are.
import { openRuntime, type Runtime } from '../../src/runtime.ts';
import type { MailTransport } from '../../src/services/reminders/mailTransport.ts';
import type { TestRuntime } from './databases.ts';

export async function openSiblingRuntime(runtime: TestRuntime, options: { mailTransport?: MailTransport } = {}): Promise<Runtime> {
  return openRuntime(runtime.config, {
    clock: runtime.testClock.clock,
    ...(runtime.database.schema === undefined ? {} : { searchPath: runtime.database.schema, poolSize: 4 }),
    ...(options.mailTransport === undefined ? {} : { mailTransport: options.mailTransport }),
  });
}
