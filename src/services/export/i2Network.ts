// Entity and link tables in the shape i2 Analyst's Notebook imports (an import specification maps
// each column once): the entity table gives each entity its identity, i2 type and label; the link
// table gives each relationship both ends (identity, type and label, so it can be imported on
// its own) and its provenance as link attributes. Cells go through the spreadsheet-safe writer.
import type { EntityType } from '../../domain/network/entities.ts';
import { gradeLabel, type NetworkGraph } from '../../domain/network/graph.ts';
import { csvLine } from './csvWriter.ts';

/** i2's standard semantic entity types, which give each entity its usual icon. */
export const I2_ENTITY_TYPES: Record<EntityType, string> = {
  person: 'Person', premises: 'Building', address: 'Address', phone: 'Telephone', vehicle: 'Vehicle', 'bank-account': 'Account',
  email: 'Email Address', advert: 'Web Site', organisation: 'Organisation',
};

export const I2_ENTITY_COLUMNS = ['Entity ID', 'Entity Type', 'Label', 'Lifeline Type'] as const;
export const I2_LINK_COLUMNS = [
  'Link ID', 'From Entity ID', 'From Entity Type', 'From Label', 'To Entity ID', 'To Entity Type', 'To Label',
  'Link Type', 'Direction', 'Date', 'Source Record Type', 'Source Record ID', 'Organisation', 'Grade',
] as const;

export function i2EntityTable(graph: NetworkGraph): string {
  let out = csvLine(I2_ENTITY_COLUMNS);
  for (const e of graph.entities.values()) out += csvLine([e.key, I2_ENTITY_TYPES[e.type], e.label, e.type]);
  return out;
}

export function i2LinkTable(graph: NetworkGraph, organisationNames: ReadonlyMap<string, string>): string {
  let out = csvLine(I2_LINK_COLUMNS);
  for (const r of graph.relationships) {
    const from = graph.entities.get(r.from);
    const to = graph.entities.get(r.to);
    if (from === undefined || to === undefined) continue;
    const p = r.provenance;
    out += csvLine([
      r.id, from.key, I2_ENTITY_TYPES[from.type], from.label, to.key, I2_ENTITY_TYPES[to.type], to.label,
      r.type.replace(/-/g, ' '), 'Directed', p.date.slice(0, 10), p.recordType, p.recordId, organisationNames.get(p.organisationId) ?? p.organisationId, gradeLabel(p),
    ]);
  }
  return out;
}
