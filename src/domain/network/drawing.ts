// What the browser's drawing island is given: the entities and relationships of a graph already
// cut to what the viewer may see, with labels, colours and, for a saved chart, positions. One line
// per pair of entities however many records join them (the tables list every record). Written
// into the page as JSON inside a script element of type application/json, which no browser runs.
import { ENTITY_TYPE_LABELS, RELATIONSHIP_LABELS } from './entities.ts';
import type { NetworkGraph } from './graph.ts';
import type { Layout } from './layout.ts';
import { ENTITY_COLOURS } from './picture.ts';

/**
 * More than this and a drawing is a blur: a larger network is drawn as the entities nearest the
 * centre (or, without one, the most connected), and the drawing says how many were left out; the
 * server's picture and the tables still show it all.
 */
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
  /** Entities of the graph not drawn, beyond MAX_DRAWN_ENTITIES. */
  omitted: number;
}

export function drawingOf(graph: NetworkGraph, options: { centre?: readonly string[]; layout?: Layout; entityHref: string }): Drawing | null {
  if (graph.entities.size === 0) return null;
  const centre = new Set(options.centre ?? []);
  const drawn = entitiesToDraw(graph, [...centre]);
  const entities = [...graph.entities.values()].filter((e) => drawn.has(e.key)).map((e): DrawnEntity => {
    const at = options.layout?.[e.key];
    return { id: e.key, label: e.label, kind: ENTITY_TYPE_LABELS[e.type], colour: ENTITY_COLOURS[e.type], centre: centre.has(e.key), ...(at === undefined ? {} : { x: at.x, y: at.y }) };
  });
  const pairs = new Map<string, { source: string; target: string; types: Set<string>; records: number }>();
  for (const r of graph.relationships) {
    if (r.from === r.to || !drawn.has(r.from) || !drawn.has(r.to)) continue;
    const [source, target] = r.from < r.to ? [r.from, r.to] : [r.to, r.from];
    const id = `${source}\u0000${target}`;
    const pair = pairs.get(id) ?? { source, target, types: new Set<string>(), records: 0 };
    pair.types.add(RELATIONSHIP_LABELS[r.type]);
    pair.records += 1;
    pairs.set(id, pair);
  }
  const links = [...pairs.values()].map((p, index): DrawnLink => ({ id: `link-${index + 1}`, source: p.source, target: p.target, label: [...p.types].sort().join(', '), records: p.records }));
  return { entities, links, entityHref: options.entityHref, positioned: options.layout !== undefined, omitted: graph.entities.size - entities.length };
}

/**
 * Every entity when they fit; otherwise MAX_DRAWN_ENTITIES of them, breadth first from the centre
 * so that what is drawn stays joined to it, each step's entities taken most connected first.
 * Without a centre (a chart), the search starts from the most connected entity.
 */
function entitiesToDraw(graph: NetworkGraph, centre: readonly string[]): Set<string> {
  if (graph.entities.size <= MAX_DRAWN_ENTITIES) return new Set(graph.entities.keys());
  const links = (key: string) => graph.relationshipsOf(key).length;
  const byConnection = (keys: Iterable<string>) => [...keys].sort((a, b) => links(b) - links(a) || a.localeCompare(b));
  const drawn = new Set<string>();
  const starts = [...centre.filter((key) => graph.entities.has(key)), ...byConnection(graph.entities.keys())];
  for (const start of starts) {
    if (drawn.size >= MAX_DRAWN_ENTITIES) break;
    if (drawn.has(start)) continue;
    drawn.add(start);
    let frontier = [start];
    while (frontier.length > 0 && drawn.size < MAX_DRAWN_ENTITIES) {
      const next = new Set<string>();
      for (const key of frontier) {
        for (const r of graph.relationshipsOf(key)) {
          const other = r.from === key ? r.to : r.from;
          if (!drawn.has(other)) next.add(other);
        }
      }
      frontier = byConnection(next).slice(0, MAX_DRAWN_ENTITIES - drawn.size);
      for (const key of frontier) drawn.add(key);
    }
  }
  return drawn;
}

/**
 * JSON safe inside a script element: "<" is written as an escape so no label can close the
 * element, and the two line separators JavaScript once refused are escaped too.
 */
export function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
