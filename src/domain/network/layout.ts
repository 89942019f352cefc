// Where each entity sits on a drawn chart, computed on the server so a chart can be drawn with no
// JavaScript. Rings around the first chosen entity: its neighbours on the first ring, theirs on
// the second, entities not joined to it on an outer ring; within a ring, by type then label, so
// the same selection always gives the same picture. A saved chart keeps these positions.
import type { NetworkGraph } from './graph.ts';

export interface Position { readonly x: number; readonly y: number }
export type Layout = Readonly<Record<string, Position>>;

export const RING_SPACING = 170;

export function ringLayout(graph: NetworkGraph, centreKeys: readonly string[]): Record<string, Position> {
  const keys = [...graph.entities.keys()];
  if (keys.length === 0) return {};
  const start = centreKeys.find((k) => graph.entities.has(k)) ?? keys[0] ?? '';
  const distance = new Map<string, number>([[start, 0]]);
  let frontier = [start];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const key of frontier) {
      for (const r of graph.relationshipsOf(key)) {
        const other = r.from === key ? r.to : r.from;
        if (!distance.has(other)) {
          distance.set(other, (distance.get(key) ?? 0) + 1);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  const outer = Math.max(0, ...distance.values()) + 1;
  const rings = new Map<number, string[]>();
  for (const key of keys) {
    const ring = distance.get(key) ?? outer;
    rings.set(ring, [...(rings.get(ring) ?? []), key]);
  }
  const positions: Record<string, Position> = {};
  for (const [ring, members] of rings) {
    const sorted = members.sort((a, b) => {
      const ea = graph.entities.get(a);
      const eb = graph.entities.get(b);
      return (ea?.type ?? '').localeCompare(eb?.type ?? '') || (ea?.label ?? '').localeCompare(eb?.label ?? '') || a.localeCompare(b);
    });
    // A ring wide enough that its entities do not overlap, at least one spacing further out than the last.
    const radius = ring === 0 && sorted.length === 1 ? 0 : Math.max(ring * RING_SPACING, (sorted.length * 60) / (2 * Math.PI));
    sorted.forEach((key, index) => {
      const angle = (2 * Math.PI * index) / sorted.length - Math.PI / 2 + ring * 0.3;
      positions[key] = { x: Math.round(radius * Math.cos(angle)), y: Math.round(radius * Math.sin(angle)) };
    });
  }
  return positions;
}
