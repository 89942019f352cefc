// What the browser's drawing island is given: the entities and relationships of a graph already
// cut to what the viewer may see, with labels, colours and, for a saved chart, positions. One line
// per pair of entities however many records join them (the tables list every record). Written
// into the page as JSON inside a script element of type application/json, which no browser runs.
import { ENTITY_TYPE_LABELS, RELATIONSHIP_LABELS } from './entities.ts';
import type { NetworkGraph } from './graph.ts';
import type { Layout } from './layout.ts';
import { ENTITY_COLOURS } from './picture.ts';

/** More than this and a drawing is a blur; the server's picture and the tables still show it all. */
export const MAX_DRAWN_ENTITIES = 300;

export interface DrawnEntity { id: string; label: string; kind: string; colour: string; centre: boolean; x?: number; y?: number }
export interface DrawnLink { id: string; source: string; target: string; label: string; records: number }

export interface Drawing {
  entities: DrawnEntity[];
  links: DrawnLink[];
  /** Where a click on an entity leads: this followed by the entity's key, URL-encoded. */
  entityHref: string;
  /** True when the positions are the analyst's (a saved chart); otherwise the browser lays it out. */
  positioned: boolean;
}

export function drawingOf(graph: NetworkGraph, options: { centre?: readonly string[]; layout?: Layout; entityHref: string }): Drawing | null {
  if (graph.entities.size === 0 || graph.entities.size > MAX_DRAWN_ENTITIES) return null;
  const centre = new Set(options.centre ?? []);
  const entities = [...graph.entities.values()].map((e): DrawnEntity => {
    const at = options.layout?.[e.key];
    return { id: e.key, label: e.label, kind: ENTITY_TYPE_LABELS[e.type], colour: ENTITY_COLOURS[e.type], centre: centre.has(e.key), ...(at === undefined ? {} : { x: at.x, y: at.y }) };
  });
  const pairs = new Map<string, { source: string; target: string; types: Set<string>; records: number }>();
  for (const r of graph.relationships) {
    if (r.from === r.to) continue;
    const [source, target] = r.from < r.to ? [r.from, r.to] : [r.to, r.from];
    const id = `${source}\u0000${target}`;
    const pair = pairs.get(id) ?? { source, target, types: new Set<string>(), records: 0 };
    pair.types.add(RELATIONSHIP_LABELS[r.type]);
    pair.records += 1;
    pairs.set(id, pair);
  }
  const links = [...pairs.values()].map((p, index): DrawnLink => ({ id: `link-${index + 1}`, source: p.source, target: p.target, label: [...p.types].sort().join(', '), records: p.records }));
  return { entities, links, entityHref: options.entityHref, positioned: options.layout !== undefined };
}

/**
 * JSON safe inside a script element: "<" is written as an escape so no label can close the
 * element, and the two line separators JavaScript once refused are escaped too.
 */
export function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
