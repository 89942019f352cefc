import view from '@fastify/view';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import nunjucks from 'nunjucks';
import path from 'node:path';
import { govukFrontendDist, mojFrontendRoot } from './assets.ts';

export const viewsDir = path.join(import.meta.dirname, 'views');

export interface PageGlobals {
  stylesheetPath: string;
  demo: boolean;
  serviceName: string;
  /** The network's drawing island (cytoscape.js and our script), at versioned addresses. */
  cytoscapeScriptPath: string;
  networkScriptPath: string;
}

declare module 'fastify' {
  interface FastifyReply {
    page(template: string, values?: Record<string, unknown>): Promise<FastifyReply>;
  }
  interface FastifyRequest {
    /** Set by a surface: what its pages add (CSRF token, flash message, menu, unread count). Called only when a page renders. */
    pageLocals: ((reply: FastifyReply) => Record<string, unknown> | Promise<Record<string, unknown>>) | null;
  }
}

/** Our filters and globals, added to the environment @fastify/view makes. */
export function configureNunjucks(environment: nunjucks.Environment, globals: PageGlobals): void {
  for (const [key, value] of Object.entries(globals)) environment.addGlobal(key, value);
  environment.addFilter('date', (iso: unknown) => (typeof iso === 'string' && iso.length >= 10 ? formatDateTime(iso) : ''));
  environment.addFilter('label', (value: unknown, labels: unknown) =>
    typeof value === 'string' && typeof labels === 'object' && labels !== null ? ((labels as Record<string, string>)[value] ?? value) : value);
}

/** For the few places that build HTML in code (summary-list values with line breaks): escape first. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** Made once: building an Intl.DateTimeFormat costs far more than formatting with one, and pages format many dates. */
const LONDON_DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return LONDON_DATE_TIME.format(date);
}

/**
 * Registers Nunjucks and a `reply.page()` that adds what every page needs: the CSP nonce for
 * the one inline script, the CSRF token, the acting user and the demo flag.
 */
export const viewsPlugin = fastifyPlugin(async (app: FastifyInstance, options: { globals: PageGlobals }) => {
  await app.register(view, {
    engine: { nunjucks },
    templates: [viewsDir, govukFrontendDist, mojFrontendRoot],
    options: { autoescape: true, trimBlocks: true, lstripBlocks: true, onConfigure: (environment: nunjucks.Environment) => configureNunjucks(environment, options.globals) },
  });
  app.decorateRequest('pageLocals', null);
  app.decorateReply('page', async function page(this: FastifyReply, template: string, values: Record<string, unknown> = {}) {
    const request = this.request;
    const nonce = (this as FastifyReply & { cspNonce?: { script: string } | null }).cspNonce?.script ?? '';
    const base = { cspNonce: nonce, actor: request.actor, currentPath: request.url.split('?')[0] ?? '/' };
    const extra = (await request.pageLocals?.(this)) ?? {};
    const html = await this.viewAsync(template, { ...base, ...extra, ...values });
    return this.type('text/html; charset=utf-8').send(html);
  });
});
