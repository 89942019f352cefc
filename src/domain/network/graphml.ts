// GraphML (read by Gephi and yEd) for a network: one node per entity, one edge per relationship,
// each edge carrying its provenance so the chart keeps its evidence.
import { gradeLabel, type NetworkGraph } from './graph.ts';
import { escapeXml } from './xml.ts';


const NODE_KEYS = [['label', 'label'], ['type', 'type']] as const;
const EDGE_KEYS = [['relationship', 'relationship'], ['recordType', 'record_type'], ['recordId', 'record_id'], ['organisation', 'organisation'], ['date', 'date'], ['grade', 'grade']] as const;

export function toGraphML(graph: NetworkGraph, organisationNames: ReadonlyMap<string, string>): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...NODE_KEYS.map(([id, name]) => `  <key id="n_${id}" for="node" attr.name="${name}" attr.type="string"/>`),
    ...EDGE_KEYS.map(([id, name]) => `  <key id="e_${id}" for="edge" attr.name="${name}" attr.type="string"/>`),
    '  <graph id="lifeline" edgedefault="directed">',
  ];
  for (const entity of graph.entities.values()) {
    lines.push(`    <node id="${escapeXml(entity.key)}"><data key="n_label">${escapeXml(entity.label)}</data><data key="n_type">${entity.type}</data></node>`);
  }
  for (const r of graph.relationships) {
    const p = r.provenance;
    const data: Record<(typeof EDGE_KEYS)[number][0], string> = {
      relationship: r.type, recordType: p.recordType, recordId: p.recordId, organisation: organisationNames.get(p.organisationId) ?? p.organisationId, date: p.date, grade: gradeLabel(p),
    };
    lines.push(`    <edge id="${escapeXml(r.id)}" source="${escapeXml(r.from)}" target="${escapeXml(r.to)}">${EDGE_KEYS.map(([id]) => `<data key="e_${id}">${escapeXml(data[id])}</data>`).join('')}</edge>`);
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
