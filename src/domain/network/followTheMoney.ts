// FollowTheMoney (FtM) entities for a network, one JSON object a line, as investigative platforms
// (Aleph, OpenSanctions' tools) load them. Each entity type maps to the FtM schema that fits it;
// a relationship becomes the FtM link schema made for it (Ownership, Payment, Associate, Family,
// Call) when both ends fit that schema's ranges, and an UnknownLink with the relationship as its
// role otherwise, so no relationship is dropped. Every link carries its provenance (record,
// organisation, date, grade) in FtM's own Interval properties. The shape is checked against the
// FtM schema data in ../shared/data/followthemoney by test/domain/network/exports.test.ts.
import { createHash } from 'node:crypto';
import type { EntityType, RelationshipType } from './entities.ts';
import { gradeLabel, type NetworkEntity, type NetworkGraph, type Relationship } from './graph.ts';

export interface FtmEntity {
  readonly id: string;
  readonly schema: string;
  readonly properties: Record<string, string[]>;
}

/** A stable FtM id for an entity or relationship key: FtM ids are opaque, so a digest keeps names out of them. */
export function ftmId(key: string): string {
  return `lifeline-${createHash('sha1').update(key).digest('hex')}`;
}

const SCHEMA_OF: Record<EntityType, string> = {
  person: 'Person', premises: 'RealEstate', address: 'Address', phone: 'UserAccount', vehicle: 'Vehicle', 'bank-account': 'BankAccount',
  email: 'UserAccount', advert: 'UserAccount', organisation: 'Organization',
};

// FtM's abstract LegalEntity (people and organisations) and Asset (premises, vehicles, accounts).
const LEGAL_ENTITY: ReadonlySet<EntityType> = new Set(['person', 'organisation']);
const ASSET: ReadonlySet<EntityType> = new Set(['premises', 'vehicle', 'bank-account']);

function entityProperties(entity: NetworkEntity): Record<string, string[]> {
  const value = entity.key.slice(entity.key.indexOf(':') + 1);
  switch (entity.type) {
    case 'person':
    case 'organisation':
      return { name: [entity.label] };
    case 'premises':
      return { name: [entity.label], address: [entity.label] };
    case 'address':
      return { name: [entity.label], full: [entity.label] };
    case 'phone':
      // An E.164 number is FtM's phone type; a number that could not be read stays its written form only.
      return { name: [entity.label], username: [entity.label], service: ['Telephone'], ...(entity.label.startsWith('+') ? { number: [entity.label] } : {}) };
    case 'vehicle':
      return { name: [entity.label], registrationNumber: [value] };
    case 'bank-account':
      return { name: [entity.label], accountNumber: [value] };
    case 'email':
      return { name: [entity.label], username: [entity.label], email: [entity.label], service: ['Email'] };
    case 'advert':
      return { name: [entity.label], username: [entity.label], service: ['Online advert'] };
  }
}

type LinkShape = { schema: string; source: string; target: string };

/** The FtM link schema for a relationship between two entity types, with its source and target properties. */
function linkShape(type: RelationshipType, from: EntityType, to: EntityType): LinkShape {
  const bothLegal = LEGAL_ENTITY.has(from) && LEGAL_ENTITY.has(to);
  if (type === 'owns' && LEGAL_ENTITY.has(from) && ASSET.has(to)) return { schema: 'Ownership', source: 'owner', target: 'asset' };
  if (type === 'paid' && bothLegal) return { schema: 'Payment', source: 'payer', target: 'beneficiary' };
  if (type === 'called' && bothLegal) return { schema: 'Call', source: 'caller', target: 'receiver' };
  if (type === 'associate-of' && from === 'person' && to === 'person') return { schema: 'Associate', source: 'person', target: 'associate' };
  if (type === 'family-of' && from === 'person' && to === 'person') return { schema: 'Family', source: 'person', target: 'relative' };
  return { schema: 'UnknownLink', source: 'subject', target: 'object' };
}

function linkEntity(relationship: Relationship, graph: NetworkGraph, organisationNames: ReadonlyMap<string, string>): FtmEntity | null {
  const from = graph.entities.get(relationship.from);
  const to = graph.entities.get(relationship.to);
  if (from === undefined || to === undefined) return null;
  const shape = linkShape(relationship.type, from.type, to.type);
  const p = relationship.provenance;
  const grade = gradeLabel(p);
  const properties: Record<string, string[]> = {
    [shape.source]: [ftmId(from.key)], [shape.target]: [ftmId(to.key)],
    date: [p.date.slice(0, 10)], recordId: [`${p.recordType}:${p.recordId}`],
    publisher: [organisationNames.get(p.organisationId) ?? p.organisationId],
    summary: [grade === '' ? `Lifeline ${p.recordType}` : `Lifeline ${p.recordType}, graded ${grade}`],
  };
  // Interest links (Ownership, UnknownLink) name the relationship in their role; the others are the relationship.
  if (shape.schema === 'Ownership' || shape.schema === 'UnknownLink') properties['role'] = [relationship.type.replace(/-/g, ' ')];
  return { id: ftmId(`relationship:${relationship.id}`), schema: shape.schema, properties };
}

/** The entities and links of the graph as FtM entities: nodes first, so a loader meets an id before it is referred to. */
export function toFollowTheMoney(graph: NetworkGraph, organisationNames: ReadonlyMap<string, string>): FtmEntity[] {
  const nodes = new Map<string, FtmEntity>();
  for (const entity of graph.entities.values()) nodes.set(entity.key, { id: ftmId(entity.key), schema: SCHEMA_OF[entity.type], properties: entityProperties(entity) });
  // A person owning a phone also carries the number, which is how FtM platforms cross-reference people by phone.
  for (const r of graph.relationships) {
    const owner = nodes.get(r.from);
    const phone = graph.entities.get(r.to);
    if (r.type === 'owns' && owner !== undefined && LEGAL_ENTITY.has(graph.entities.get(r.from)?.type ?? 'phone') && phone?.type === 'phone' && phone.label.startsWith('+')) {
      const numbers = owner.properties['phone'] ?? [];
      if (!numbers.includes(phone.label)) owner.properties['phone'] = [...numbers, phone.label];
    }
  }
  const links = graph.relationships.map((r) => linkEntity(r, graph, organisationNames)).filter((e): e is FtmEntity => e !== null);
  return [...nodes.values(), ...links];
}

export function toFollowTheMoneyLines(graph: NetworkGraph, organisationNames: ReadonlyMap<string, string>): string {
  return toFollowTheMoney(graph, organisationNames).map((e) => `${JSON.stringify(e)}\n`).join('');
}
