// A network drawn as SVG on the server: the same picture for every browser, with or without
// JavaScript, and nothing in it that the graph given to it does not hold (the graph is already
// cut to what the viewer may see). Entities are circles coloured by type with their label;
// relationships are lines, each with a tooltip naming the relationship and how many records
// support it. Text is escaped; the picture has a title and a description for screen readers.
import { ENTITY_TYPE_LABELS, RELATIONSHIP_LABELS, type EntityType } from './entities.ts';
import type { NetworkGraph } from './graph.ts';
import type { Layout, Position } from './layout.ts';
import { escapeXml } from './xml.ts';

// GOV.UK palette colours, distinct enough to tell the types apart.
export const ENTITY_COLOURS: Record<EntityType, string> = {
  person: '#1d70b8', premises: '#d4351c', address: '#f47738', phone: '#00703c', vehicle: '#4c2c92', 'bank-account': '#b58840',
  email: '#28a197', advert: '#d53880', organisation: '#505a5f',
};

const MARGIN = 90;
const RADIUS = 14;


function shorten(label: string): string {
  return label.length > 32 ? `${label.slice(0, 31)}…` : label;
}

export interface PictureOptions {
  readonly title: string;
  /** Entities drawn with a thicker ring: the ones the picture is about. */
  readonly highlighted?: readonly string[];
}

export function networkSvg(graph: NetworkGraph, layout: Layout, options: PictureOptions): string {
  const placed = [...graph.entities.values()].filter((e) => layout[e.key] !== undefined);
  const at = (key: string): Position | undefined => layout[key];
  const xs = placed.map((e) => at(e.key)?.x ?? 0);
  const ys = placed.map((e) => at(e.key)?.y ?? 0);
  const minX = Math.min(0, ...xs) - MARGIN * 2;
  const minY = Math.min(0, ...ys) - MARGIN;
  const width = Math.max(0, ...xs) - minX + MARGIN * 2;
  const height = Math.max(0, ...ys) - minY + MARGIN + 40;
  const highlighted = new Set(options.highlighted ?? []);
  const pairs = new Map<string, { from: string; to: string; types: Map<string, number> }>();
  for (const r of graph.relationships) {
    if (at(r.from) === undefined || at(r.to) === undefined || r.from === r.to) continue;
    const id = r.from < r.to ? `${r.from}\u0000${r.to}` : `${r.to}\u0000${r.from}`;
    const pair = pairs.get(id) ?? { from: r.from, to: r.to, types: new Map<string, number>() };
    pair.types.set(RELATIONSHIP_LABELS[r.type], (pair.types.get(RELATIONSHIP_LABELS[r.type]) ?? 0) + 1);
    pairs.set(id, pair);
  }
  const types = [...new Set(placed.map((e) => e.type))].sort();
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${minX} ${minY} ${width} ${height}" width="${Math.min(width, 960)}" role="img" aria-labelledby="network-title network-description" font-family="Arial, sans-serif" font-size="12">`,
    `<title id="network-title">${escapeXml(options.title)}</title>`,
    `<desc id="network-description">${placed.length} entities and ${pairs.size} links. The same information is in the tables on the page.</desc>`,
    '<g class="links" stroke="#b1b4b6" stroke-width="2">',
  ];
  for (const pair of pairs.values()) {
    const a = at(pair.from);
    const b = at(pair.to);
    if (a === undefined || b === undefined) continue;
    const label = [...pair.types].map(([type, count]) => (count > 1 ? `${type} (${count} records)` : type)).join(', ');
    const width = Math.min(2 + [...pair.types.values()].reduce((s, n) => s + n, 0) - 1, 6);
    out.push(`<line x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}" stroke-width="${width}"><title>${escapeXml(label)}</title></line>`);
  }
  out.push('</g>', '<g class="entities">');
  for (const entity of placed) {
    const p = at(entity.key);
    if (p === undefined) continue;
    const ring = highlighted.has(entity.key) ? ' stroke="#0b0c0c" stroke-width="4"' : ' stroke="#ffffff" stroke-width="2"';
    out.push(`<g><title>${escapeXml(`${ENTITY_TYPE_LABELS[entity.type]}: ${entity.label}`)}</title>`
      + `<circle cx="${p.x}" cy="${p.y}" r="${RADIUS}" fill="${ENTITY_COLOURS[entity.type]}"${ring}/>`
      + `<text x="${p.x}" y="${p.y + RADIUS + 14}" text-anchor="middle" fill="#0b0c0c">${escapeXml(shorten(entity.label))}</text></g>`);
  }
  out.push('</g>', `<g class="legend" transform="translate(${minX + 10} ${minY + height - 20})">`);
  types.forEach((type, index) => {
    out.push(`<circle cx="${index * 120 + 6}" cy="0" r="6" fill="${ENTITY_COLOURS[type]}"/><text x="${index * 120 + 16}" y="4" fill="#0b0c0c">${escapeXml(ENTITY_TYPE_LABELS[type])}</text>`);
  });
  out.push('</g>', '</svg>', '');
  return out.join('\n');
}
