import type { FastifyInstance } from 'fastify';
import type { Surface } from '../../src/config.ts';
import { buildApp } from '../../src/web/app.ts';
import type { TestRuntime } from './databases.ts';

export async function buildTestApp(runtime: TestRuntime, options: { surface?: Surface; logStream?: NodeJS.WritableStream } = {}): Promise<FastifyInstance> {
  const app = await buildApp({ config: runtime.config, services: runtime.services, database: runtime.database, ...options });
  await app.ready();
  return app;
}
