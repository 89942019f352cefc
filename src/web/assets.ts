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

export interface Script { body: Buffer; path: string }

// Its package.json is not among the package's exports; the dist file is, and sits one folder down.
const cytoscapeDist = require.resolve('cytoscape/dist/cytoscape.min.js');

/**
 * The network's drawing island: cytoscape.js from its own dist file, named by its version, and our
 * small script that draws the data a page embeds, named by a hash of its content. Both are served
 * from our origin (the CSP allows scripts from nowhere else) and cached for good: a new version is
 * a new address.
 */
export function buildNetworkScripts(): { cytoscape: Script; drawing: Script } {
  const { version } = JSON.parse(readFileSync(path.join(path.dirname(cytoscapeDist), '..', 'package.json'), 'utf8')) as { version: string };
  const drawing = readFileSync(path.join(ownAssetsDir, 'network.js'));
  return {
    cytoscape: { body: readFileSync(cytoscapeDist), path: `/static/cytoscape-${version}.min.js` },
    drawing: { body: drawing, path: `/static/network-${createHash('sha256').update(drawing).digest('hex').slice(0, 12)}.js` },
  };
}
