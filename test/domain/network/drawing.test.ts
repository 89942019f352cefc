// What the drawing island is given: one line per pair of entities with its relationships named,
// the analyst's positions when there are some, the part nearest the centre when the graph is too
// big to draw whole, and
// JSON that no label can break out of its script element.
import { describe, expect, it } from 'vitest';
import { MAX_DRAWN_ENTITIES, drawingOf, jsonForScriptElement } from '../../../src/domain/network/drawing.ts';
import { NetworkGraph, type Provenance } from '../../../src/domain/network/graph.ts';

const provenance: Provenance = { recordType: 'person-found', recordId: 'r1', organisationId: 'met', date: '2007-01-10', grade: null };

function sample(): NetworkGraph {
  const graph = new NetworkGraph();
  graph.addEntity({ key: 'phone:+447700900123', type: 'phone', label: '+447700900123' });
  graph.addEntity({ key: 'person:a', type: 'person', label: '</script><script>alert(1)</script>' });
  graph.addEntity({ key: 'person:b', type: 'person', label: 'Potential victim 00A1B2' });
  graph.addRelationship({ id: '1', from: 'person:a', to: 'phone:+447700900123', type: 'owns', provenance });
  graph.addRelationship({ id: '2', from: 'phone:+447700900123', to: 'person:a', type: 'called', provenance: { ...provenance, recordId: 'r2' } });
  graph.addRelationship({ id: '3', from: 'person:b', to: 'phone:+447700900123', type: 'owns', provenance });
  return graph;
}

describe('the drawing of a network', () => {
  it('draws every entity, marks the centre, and joins each pair once with all its relationships named', () => {
    const drawing = drawingOf(sample(), { centre: ['phone:+447700900123'], entityHref: '/network/entity?id=' });
    expect(drawing?.entities.map((e) => [e.id, e.kind, e.centre])).toEqual([
      ['phone:+447700900123', 'Phone', true], ['person:a', 'Person', false], ['person:b', 'Person', false],
    ]);
    expect(drawing?.entities.every((e) => /^#[0-9a-f]{6}$/.test(e.colour) && e.x === undefined)).toBe(true);
    expect(drawing?.links.map((l) => [l.source, l.target, l.label, l.records])).toEqual([
      ['person:a', 'phone:+447700900123', 'called, owns', 2], ['person:b', 'phone:+447700900123', 'owns', 1],
    ]);
    expect(drawing?.positioned).toBe(false);
  });

  it('keeps a saved chart’s positions', () => {
    const drawing = drawingOf(sample(), { layout: { 'person:a': { x: 10, y: -20 } }, entityHref: '/network/entity?id=' });
    expect(drawing?.positioned).toBe(true);
    expect(drawing?.entities.find((e) => e.id === 'person:a')).toMatchObject({ x: 10, y: -20 });
  });

  it('draws nothing for an empty graph', () => {
    expect(drawingOf(new NetworkGraph(), { entityHref: '' })).toBeNull();
    expect(drawingOf(sample(), { entityHref: '' })?.omitted).toBe(0);
  });

  it('draws a network too big to read as the entities nearest the centre, and counts the rest', () => {
    // A hub with 400 phones; phone i calls phone i + 400 one step further out; a far chain of 50
    // hangs off phone 0 (p0 - far0 - far1 - …): nearest first means the hub, its 299 best
    // connected phones, and nothing of the chain beyond far0.
    const big = new NetworkGraph();
    big.addEntity({ key: 'person:hub', type: 'person', label: 'Hub' });
    const add = (key: string) => big.addEntity({ key, type: 'phone', label: key });
    for (let i = 0; i < 400; i += 1) {
      add(`phone:${i}`);
      big.addRelationship({ id: `h${i}`, from: 'person:hub', to: `phone:${i}`, type: 'owns', provenance });
    }
    for (let i = 0; i < 50; i += 1) {
      add(`far:${i}`);
      big.addRelationship({ id: `f${i}`, from: i === 0 ? 'phone:0' : `far:${i - 1}`, to: `far:${i}`, type: 'called', provenance });
    }
    const drawing = drawingOf(big, { centre: ['person:hub'], entityHref: '' });
    expect(drawing?.entities).toHaveLength(MAX_DRAWN_ENTITIES);
    expect(drawing?.omitted).toBe(451 - MAX_DRAWN_ENTITIES);
    const drawn = new Set(drawing?.entities.map((e) => e.id));
    expect(drawn.has('person:hub')).toBe(true);
    // phone:0 has two links, every other phone one: it is taken first among the hub's neighbours.
    expect(drawn.has('phone:0')).toBe(true);
    expect([...drawn].filter((key) => key.startsWith('far:'))).toEqual([]);
    // Only links between drawn entities are drawn.
    expect(drawing?.links.every((l) => drawn.has(l.source) && drawn.has(l.target))).toBe(true);
    expect(drawing?.links).toHaveLength(MAX_DRAWN_ENTITIES - 1);
  });

  it('writes JSON no label can close its script element with, that reads back the same', () => {
    const drawing = drawingOf(sample(), { entityHref: '/network/entity?id=' });
    const json = jsonForScriptElement(drawing);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(drawing);
    expect(jsonForScriptElement({ text: 'a\u2028b & c' })).toBe('{"text":"a\\u2028b \\u0026 c"}');
  });
});
