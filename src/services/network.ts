// The network of people, premises, phones, vehicles and money, built for one actor from only
// the records that actor may read: the enforcement records of their readable forces and the
// intelligence reports the handling codes let them see. An entity named only in a report they
// may not read is therefore absent, not hidden. Potential victims are shown by a pseudonym.
import type { Actor } from '../access/actor.ts';
import { ForbiddenError, NotFoundError } from '../access/errors.ts';
import { readableForces } from '../access/policies/enforcementRecords.ts';
import { canUseIntelligence } from '../access/policies/intelligence.ts';
import { foldName } from '../domain/nameSearch.ts';
import { normalisePhone } from '../domain/phone.ts';
import { RELATIONSHIP_LABELS, isEntityType, isRelationshipType, type EntityType } from '../domain/network/entities.ts';
import {
  NetworkGraph, type Centrality, type NetworkEntity, type NetworkFilter, type Neighbour, type PathStep, type Relationship, type TimelineEntry,
} from '../domain/network/graph.ts';
import { premisesTypeTerms } from '../domain/vocabularies/premisesTypes.ts';
import { recordAudit } from './auditTrail.ts';
import { isoNow, type ServiceContext } from './context.ts';
import type { IntelligenceService } from './intelligence.ts';

export const MAX_SEARCH_RESULTS = 50;

export interface EntityView {
  entity: NetworkEntity;
  neighbours: Neighbour[];
  timeline: TimelineEntry[];
  /** Expanded to two steps: the entities joined to a neighbour but not to the entity, each with the neighbours it is reached through. */
  further: FurtherEntity[];
  /** The entity and everything within the steps asked for, with the relationships among them: what is drawn. */
  reach: NetworkGraph;
}

export interface FurtherEntity {
  entity: NetworkEntity;
  through: NetworkEntity[];
}

/** How far an entity's page expands: its neighbours, or theirs too. */
export const MAX_EXPANSION = 2;

export interface NetworkSelection {
  readonly keys: readonly string[];
  readonly depth: number;
}

export interface NetworkMetrics {
  entities: number;
  relationships: number;
  groups: NetworkEntity[][];
  centrality: Centrality[];
}

function phoneKeys(json: string): Array<{ key: string; label: string }> {
  let written: unknown;
  try {
    written = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(written)) return [];
  return written.filter((w): w is string => typeof w === 'string' && w.trim() !== '').map((w) => {
    const phone = normalisePhone(w);
    return phone.e164 === null ? { key: `phone:written:${w.toUpperCase().replace(/[^A-Z0-9]/g, '')}`, label: w } : { key: `phone:${phone.e164}`, label: phone.e164 };
  });
}

const premisesTypeLabel = (id: string): string => premisesTypeTerms.find((t) => t.id === id)?.label ?? id;

/** A person found who may be a victim is never named in the network: the pseudonym is stable per record. */
function personLabel(person: { id: string; role: string; full_name: string }): string {
  return person.role === 'potential-victim' ? `Potential victim ${person.id.slice(-6).toUpperCase()}` : person.full_name;
}

/** The entities two steps out, by type then label, each with the neighbours that lead to it. */
function furtherOut(graph: NetworkGraph, key: string, neighbours: readonly Neighbour[]): FurtherEntity[] {
  const near = new Set([key, ...neighbours.map((n) => n.entity.key)]);
  const found = new Map<string, FurtherEntity>();
  for (const neighbour of neighbours) {
    for (const next of graph.neighbours(neighbour.entity.key)) {
      if (near.has(next.entity.key)) continue;
      const entry = found.get(next.entity.key) ?? { entity: next.entity, through: [] };
      entry.through.push(neighbour.entity);
      found.set(next.entity.key, entry);
    }
  }
  return [...found.values()].sort((a, b) => a.entity.type.localeCompare(b.entity.type) || a.entity.label.localeCompare(b.entity.label));
}

export function describeRelationship(graph: NetworkGraph, relationship: Relationship): string {
  const label = (key: string) => graph.entities.get(key)?.label ?? key;
  return `${label(relationship.from)} ${RELATIONSHIP_LABELS[relationship.type]} ${label(relationship.to)}`;
}

/** Networks kept in memory: one per access scope recently asked for (a force's officers share one). */
export const NETWORK_CACHE_SIZE = 8;

/**
 * What decides which records a network is built from, and nothing else: the forces whose
 * enforcement records the actor reads, and, when they use intelligence, their organisation (the
 * handling codes and disseminations decide by organisation alone). Two actors with the same scope
 * are shown the same network, so they may share one built copy; any other actor may not.
 */
export function accessScope(actor: Actor): string {
  if (actor.kind === 'system') return 'system';
  const forces = readableForces(actor);
  return `forces:${forces === undefined ? '*' : [...forces].sort().join(',')}|intelligence:${canUseIntelligence(actor) ? actor.organisationId : '-'}`;
}

interface CachedNetwork { readonly signature: string; readonly graph: Promise<NetworkGraph> }

export class NetworkService {
  // Map order is use order: the first entry is the least recently used, evicted first.
  private readonly cache = new Map<string, CachedNetwork>();

  constructor(private readonly context: ServiceContext, private readonly intelligence: IntelligenceService) {}

  /**
   * The whole network the actor may see, before filters. Building it reads every record of the
   * scope, so the built network is kept per access scope and reused until the source tables'
   * signature changes (a new or edited record, a re-grade, a dissemination). The graph returned
   * is shared between requests: callers derive new graphs (filtered, selection) and never change it.
   */
  async build(actor: Actor): Promise<NetworkGraph> {
    const forces = readableForces(actor);
    const usesIntelligence = canUseIntelligence(actor);
    if (forces !== undefined && forces.length === 0 && !usesIntelligence) throw new ForbiddenError('Your role does not include the network');
    const scope = accessScope(actor);
    // Read before building, so a cached graph is never older than the signature it is kept under.
    const signature = await this.context.store.repositories.network.signature();
    const cached = this.cache.get(scope);
    this.cache.delete(scope);
    if (cached !== undefined && cached.signature === signature) {
      this.cache.set(scope, cached);
      return cached.graph;
    }
    // Concurrent requests of one scope share the build; a failed build is not kept.
    const graph = this.buildUncached(actor, forces, usesIntelligence);
    const entry: CachedNetwork = { signature, graph };
    this.cache.set(scope, entry);
    graph.catch(() => { if (this.cache.get(scope) === entry) this.cache.delete(scope); });
    for (const oldest of this.cache.keys()) {
      if (this.cache.size <= NETWORK_CACHE_SIZE) break;
      this.cache.delete(oldest);
    }
    return graph;
  }

  private async buildUncached(actor: Actor, forces: readonly string[] | undefined, usesIntelligence: boolean): Promise<NetworkGraph> {
    const graph = new NetworkGraph();
    if (forces === undefined || forces.length > 0) await this.addEnforcementRecords(graph, forces);
    if (usesIntelligence) await this.addIntelligence(graph, actor);
    return graph;
  }

  private async addEnforcementRecords(graph: NetworkGraph, forces: readonly string[] | undefined): Promise<void> {
    const repository = this.context.store.repositories.network;
    const [premises, visits, people, arrests] = await Promise.all([repository.premises(forces), repository.visits(forces), repository.people(forces), repository.arrests(forces)]);
    for (const p of premises) graph.addEntity({ key: `premises:${p.id}`, type: 'premises', label: `${p.name ?? premisesTypeLabel(p.premises_type)}, ${p.town} ${p.postcode}` });
    const visitById = new Map(visits.map((v) => [v.id, v]));
    for (const visit of visits) {
      graph.addEvent({ key: `premises:${visit.premises_id}`, description: 'Visited', provenance: { recordType: 'visit', recordId: visit.id, organisationId: visit.organisation_id, date: visit.visited_at, grade: null } });
    }
    const personById = new Map(people.map((p) => [p.id, p]));
    for (const person of people) {
      const visit = visitById.get(person.visit_id);
      if (visit === undefined) continue;
      const key = `person:${person.id}`;
      graph.addEntity({ key, type: 'person', label: personLabel(person) });
      const provenance = { recordType: 'person-found' as const, recordId: person.id, organisationId: person.organisation_id, date: visit.visited_at, grade: null };
      if (graph.entities.has(`premises:${visit.premises_id}`)) graph.addRelationship({ id: `found:${person.id}`, from: key, to: `premises:${visit.premises_id}`, type: 'seen-at', provenance });
      for (const [index, phone] of phoneKeys(person.phone_numbers).entries()) {
        graph.addEntity({ key: phone.key, type: 'phone', label: phone.label });
        graph.addRelationship({ id: `phone:${person.id}:${index}`, from: key, to: phone.key, type: 'owns', provenance });
      }
    }
    for (const arrest of arrests) {
      const visit = visitById.get(arrest.visit_id);
      const person = personById.get(arrest.person_found_id);
      if (visit === undefined || person === undefined || !graph.entities.has(`premises:${visit.premises_id}`)) continue;
      graph.addRelationship({
        id: `arrest:${arrest.id}`, from: `person:${person.id}`, to: `premises:${visit.premises_id}`, type: 'seen-at',
        provenance: { recordType: 'arrest', recordId: arrest.id, organisationId: arrest.organisation_id, date: arrest.arrested_at, grade: null },
      });
    }
  }

  private async addIntelligence(graph: NetworkGraph, actor: Actor): Promise<void> {
    const reports = await this.intelligence.readable(actor);
    const byId = new Map(reports.map((r) => [r.row.id, r]));
    const ids = reports.map((r) => r.row.id);
    const repository = this.context.store.repositories.intelligence;
    const [entities, links] = await Promise.all([repository.entities(ids), repository.links(ids)]);
    for (const entity of entities) {
      const report = byId.get(entity.report_id);
      if (report === undefined || !isEntityType(entity.entity_type)) continue;
      graph.addEntity({ key: entity.entity_key, type: entity.entity_type, label: entity.label });
      graph.addEvent({
        key: entity.entity_key, description: `Named in an intelligence report graded ${report.row.grade.slice(6)}`,
        provenance: { recordType: 'intelligence-report', recordId: report.row.id, organisationId: report.row.organisation_id, date: report.row.refers_to_on, grade: report.grade },
      });
    }
    for (const link of links) {
      const report = byId.get(link.report_id);
      if (report === undefined || !isRelationshipType(link.relationship) || !graph.entities.has(link.from_key) || !graph.entities.has(link.to_key)) continue;
      graph.addRelationship({
        id: `intelligence:${link.id}`, from: link.from_key, to: link.to_key, type: link.relationship,
        provenance: { recordType: 'intelligence-report', recordId: report.row.id, organisationId: report.row.organisation_id, date: link.observed_on, grade: report.grade },
      });
    }
  }

  /** Entities whose label or key contains the text; a phone number matches however it is written. */
  async search(actor: Actor, text: string, type?: EntityType): Promise<NetworkEntity[]> {
    const graph = await this.build(actor);
    const query = text.trim();
    if (query === '') return [];
    const phone = normalisePhone(query);
    const folded = foldName(query);
    const compact = query.toUpperCase().replace(/[^A-Z0-9]/g, '');
    return [...graph.entities.values()]
      .filter((entity) => type === undefined || entity.type === type)
      .filter((entity) => (phone.e164 !== null && entity.key === `phone:${phone.e164}`)
        || (folded !== '' && foldName(entity.label).includes(folded))
        || (entity.type === 'vehicle' && compact !== '' && entity.key === `vehicle:${compact}`))
      .sort((a, b) => a.type.localeCompare(b.type) || a.label.localeCompare(b.label))
      .slice(0, MAX_SEARCH_RESULTS);
  }

  /** One entity: its neighbours by type and its timeline, under the filters. Audited (no personal data in the audit). */
  async entity(actor: Actor, key: string, filter: NetworkFilter = {}, steps = 1): Promise<EntityView> {
    const graph = (await this.build(actor)).filtered(filter);
    const entity = graph.entities.get(key);
    if (entity === undefined) throw new NotFoundError('Entity');
    const depth = Math.min(Math.max(Math.trunc(steps), 1), MAX_EXPANSION);
    await this.audit(actor, 'network.entity.read', depth === 1 ? { entityType: entity.type } : { entityType: entity.type, depth });
    const neighbours = graph.neighbours(key);
    return {
      entity, neighbours, timeline: graph.timeline(key, (r) => describeRelationship(graph, r)),
      further: depth < 2 ? [] : furtherOut(graph, key, neighbours), reach: graph.selection([key], depth),
    };
  }

  /** An entity and its neighbours to `depth` steps under the filters, for a picture. Audited like reading the entity. */
  async neighbourhood(actor: Actor, key: string, depth: number, filter: NetworkFilter = {}): Promise<NetworkGraph> {
    const graph = (await this.build(actor)).filtered(filter);
    const entity = graph.entities.get(key);
    if (entity === undefined) throw new NotFoundError('Entity');
    await this.audit(actor, 'network.entity.read', { entityType: entity.type, picture: true, depth });
    return graph.selection([key], depth);
  }

  async path(actor: Actor, fromKey: string, toKey: string, filter: NetworkFilter = {}): Promise<{ from: NetworkEntity; to: NetworkEntity; steps: PathStep[] | null }> {
    const graph = (await this.build(actor)).filtered(filter);
    const from = graph.entities.get(fromKey);
    const to = graph.entities.get(toKey);
    if (from === undefined || to === undefined) throw new NotFoundError('Entity');
    await this.audit(actor, 'network.path.read', { fromType: from.type, toType: to.type });
    return { from, to, steps: graph.path(fromKey, toKey) };
  }

  async metrics(actor: Actor, filter: NetworkFilter = {}): Promise<NetworkMetrics> {
    const graph = (await this.build(actor)).filtered(filter);
    return { entities: graph.entities.size, relationships: graph.relationships.length, groups: graph.groups(), centrality: graph.centrality() };
  }

  /**
   * The actor's network under the filters, for an export: the whole of it, or a selection (chosen
   * entities and their neighbours to `depth` steps). Built from what the actor may read, so an
   * entity or relationship they may not see is absent from the file. Each export is audited with
   * its format and size, never its content.
   */
  async exportGraph(actor: Actor, format: string, filter: NetworkFilter = {}, selection?: NetworkSelection): Promise<NetworkGraph> {
    const whole = (await this.build(actor)).filtered(filter);
    const graph = selection === undefined ? whole : whole.selection(selection.keys, selection.depth);
    await this.audit(actor, 'network.export', {
      format, entities: graph.entities.size, relationships: graph.relationships.length, selected: selection === undefined ? null : selection.keys.length,
    });
    return graph;
  }

  private async audit(actor: Actor, action: string, details: Record<string, unknown>): Promise<void> {
    await this.context.store.transaction((tx) => recordAudit(tx, actor, isoNow(this.context.clock), { action, subjectType: 'network', subjectId: null, subjectOrganisationId: null, details }));
  }
}


