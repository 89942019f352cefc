// What the drawing island is given: one line per pair of entities with its relationships named,
// the analyst's positions when there are some, nothing when the graph is too big to draw, and
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

  it('draws nothing for an empty graph or one too big to read, leaving the picture and tables', () => {
    expect(drawingOf(new NetworkGraph(), { entityHref: '' })).toBeNull();
    const big = new NetworkGraph();
    for (let i = 0; i <= MAX_DRAWN_ENTITIES; i += 1) big.addEntity({ key: `phone:${i}`, type: 'phone', label: String(i) });
    expect(drawingOf(big, { entityHref: '' })).toBeNull();
  });

  it('writes JSON no label can close its script element with, that reads back the same', () => {
    const drawing = drawingOf(sample(), { entityHref: '/network/entity?id=' });
    const json = jsonForScriptElement(drawing);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(drawing);
    expect(jsonForScriptElement({ text: 'a\u2028b & c' })).toBe('{"text":"a\\u2028b \\u0026 c"}');
  });
});
