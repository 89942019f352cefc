// Health endpoints come before sessions and authentication so a load balancer can always ask.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { PUBLIC } from '../access/policies/routes.ts';
import { isReachable, type Database } from '../store/database.ts';

interface BuildInfo { name: string; version: string; commit: string }

function buildInfo(): BuildInfo {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
  let commit = process.env['LIFELINE_COMMIT'] ?? 'unknown';
  if (commit === 'unknown') {
    try {
      commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: import.meta.dirname, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      // Installed without git: the commit stays unknown rather than stopping start-up.
    }
  }
  return { name: manifest.name, version: manifest.version, commit };
}

export async function registerHealthRoutes(app: FastifyInstance, database: Database): Promise<void> {
  const info = buildInfo();
  app.get('/ping', { config: { access: PUBLIC }, logLevel: 'warn' }, async (_request, reply) => reply.type('text/plain').send('pong'));
  app.get('/info', { config: { access: PUBLIC } }, async () => info);
  app.get('/health', { config: { access: PUBLIC }, logLevel: 'warn' }, async (_request, reply) => {
    const databaseUp = await isReachable(database);
    const body = { status: databaseUp ? 'UP' : 'DOWN', components: { database: { status: databaseUp ? 'UP' : 'DOWN', dialect: database.dialect } } };
    return reply.code(databaseUp ? 200 : 503).send(body);
  });
  await Promise.resolve();
}
