// Stylesheets for our pages: GOV.UK Frontend and MOJ Frontend's compiled CSS with the GDS
// Transport font removed (Lifeline is not a GOV.UK service and may not use it), plus our own.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export const govukFrontendDist = path.dirname(require.resolve('govuk-frontend/package.json')) + '/dist';
export const mojFrontendRoot = path.dirname(require.resolve('@ministryofjustice/frontend/package.json'));
export const ownAssetsDir = path.join(import.meta.dirname, 'assets');

const LIFELINE_FONT_STACK = 'system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif';

export function withoutGdsTransport(css: string): string {
  return css
    .replace(/@font-face\{font-family:GDS Transport;[^}]*\}/g, '')
    .replaceAll('"GDS Transport",arial,sans-serif', LIFELINE_FONT_STACK)
    .replaceAll('GDS Transport,arial,sans-serif', LIFELINE_FONT_STACK);
}

export interface Stylesheet { body: string; path: string }

export function buildStylesheet(): Stylesheet {
  const govuk = readFileSync(path.join(govukFrontendDist, 'govuk/govuk-frontend.min.css'), 'utf8');
  const moj = readFileSync(path.join(mojFrontendRoot, 'moj/moj-frontend.min.css'), 'utf8');
  const own = readFileSync(path.join(ownAssetsDir, 'lifeline.css'), 'utf8');
  const body = [withoutGdsTransport(govuk), withoutGdsTransport(moj), own].join('\n');
  const version = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { body, path: `/static/lifeline-${version}.css` };
}
