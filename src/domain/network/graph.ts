// The network an actor may see: entities and dated, sourced relationships. Every relationship
// carries its provenance (which record, of which organisation, on which date, with its grade
// when it came from intelligence), so any step of a path can be justified by the records.
import { formatGrade, type Grade } from '../intelligence/grade.ts';
import { Adjacency, BETWEENNESS_SOURCES, betweenness, connectedComponents, degree, pageRank, shortestPath } from './algorithms.ts';
import type { EntityType, RelationshipType } from './entities.ts';
import { meetsReliability, type ReliabilityLevel } from './reliability.ts';

export interface NetworkEntity {
  readonly key: string;
  readonly type: EntityType;
  readonly label: string;
}

export type RecordType = 'person-found' | 'arrest' | 'visit' | 'intelligence-report';

export interface Provenance {
  readonly recordType: RecordType;
  readonly recordId: string;
  readonly organisationId: string;
  /** When the relationship was observed (ISO date or timestamp). */
  readonly date: string;
  readonly grade: Grade | null;
}

export interface Relationship {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly type: RelationshipType;
  readonly provenance: Provenance;
}

/** Something that happened to an entity without joining it to another one (a visit, a mention). */
export interface EntityEvent {
  readonly key: string;
  readonly description: string;
  readonly provenance: Provenance;
}

export interface NetworkFilter {
  /** Inclusive dates, YYYY-MM-DD. */
  readonly from?: string;
  readonly to?: string;
  readonly organisationIds?: readonly string[];
  readonly relationshipTypes?: readonly RelationshipType[];
  readonly minimumReliability?: ReliabilityLevel;
}

export interface TimelineEntry {
  readonly date: string;
  readonly description: string;
  readonly provenance: Provenance;
}

export interface Neighbour {
  readonly entity: NetworkEntity;
  readonly relationships: readonly Relationship[];
}

export interface PathStep {
  readonly from: NetworkEntity;
  readonly to: NetworkEntity;
  /** Every record that joins the two: the evidence for this step. */
  readonly relationships: readonly Relationship[];
}

export interface Centrality {
  readonly entity: NetworkEntity;
  readonly degree: number;
  readonly betweenness: number;
  readonly pageRank: number;
}

export function gradeLabel(provenance: Provenance): string {
  return provenance.grade === null ? '' : `${formatGrade(provenance.grade)} (${provenance.grade.scheme})`;
}

function restrictsNothing(filter: NetworkFilter): boolean {
  return (filter.from === undefined || filter.from === '') && (filter.to === undefined || filter.to === '')
    && (filter.organisationIds === undefined || filter.organisationIds.length === 0)
    && (filter.relationshipTypes === undefined || filter.relationshipTypes.length === 0)
    && (filter.minimumReliability === undefined || filter.minimumReliability === 'any');
}

function passes(relationship: Relationship, filter: NetworkFilter): boolean {
  const day = relationship.provenance.date.slice(0, 10);
  if (filter.from !== undefined && filter.from !== '' && day < filter.from) return false;
  if (filter.to !== undefined && filter.to !== '' && day > filter.to) return false;
  if (filter.organisationIds !== undefined && filter.organisationIds.length > 0 && !filter.organisationIds.includes(relationship.provenance.organisationId)) return false;
  if (filter.relationshipTypes !== undefined && filter.relationshipTypes.length > 0 && !filter.relationshipTypes.includes(relationship.type)) return false;
  return meetsReliability(relationship.provenance.grade, filter.minimumReliability ?? 'any');
}

export class NetworkGraph {
  readonly entities = new Map<string, NetworkEntity>();
  readonly relationships: Relationship[] = [];
  readonly events: EntityEvent[] = [];
  private readonly byEntity = new Map<string, Relationship[]>();
  private readonly eventsByEntity = new Map<string, EntityEvent[]>();
  /** Each relationship's place in `relationships`, so a selection keeps their order without a scan of all. */
  private readonly position = new Map<Relationship, number>();
  // Worked out on first use and kept: a built network is reused across requests (services/network.ts),
  // so a path search need not index 20,000 relationships again. Any addition forgets them.
  private indexed: { adjacency: Adjacency; byId: Map<string, Relationship> } | undefined;

  addEntity(entity: NetworkEntity): void {
    // The first label wins: enforcement records are added before intelligence mentions.
    if (!this.entities.has(entity.key)) this.entities.set(entity.key, entity);
    this.indexed = undefined;
  }

  addRelationship(relationship: Relationship): void {
    if (!this.entities.has(relationship.from) || !this.entities.has(relationship.to)) throw new Error('A relationship joins two entities of the network');
    this.position.set(relationship, this.relationships.length);
    this.relationships.push(relationship);
    this.indexed = undefined;
    for (const key of new Set([relationship.from, relationship.to])) appendTo(this.byEntity, key, relationship);
  }

  addEvent(event: EntityEvent): void {
    if (!this.entities.has(event.key)) return;
    this.events.push(event);
    appendTo(this.eventsByEntity, event.key, event);
  }

  /** The relationships that pass the filter; the entities stay, so a filtered-out one is still found. */
  filtered(filter: NetworkFilter): NetworkGraph {
    // No filter: the graph itself, which callers never change, rather than a copy of it.
    if (restrictsNothing(filter)) return this;
    const graph = new NetworkGraph();
    for (const entity of this.entities.values()) graph.addEntity(entity);
    for (const relationship of this.relationships) if (passes(relationship, filter)) graph.addRelationship(relationship);
    for (const event of this.events) graph.addEvent(event);
    return graph;
  }

  /**
   * The entities within `depth` steps of the chosen ones, with the relationships among them: what
   * an analyst has selected for an export or a chart. Keys the graph does not hold are left out,
   * so a selection made by someone who sees more reveals nothing extra to this graph's viewer.
   */
  selection(keys: readonly string[], depth = 0): NetworkGraph {
    const chosen = new Set(keys.filter((k) => this.entities.has(k)));
    let frontier = [...chosen];
    for (let step = 0; step < depth; step += 1) {
      const next: string[] = [];
      for (const key of frontier) {
        for (const r of this.relationshipsOf(key)) {
          const other = r.from === key ? r.to : r.from;
          if (!chosen.has(other)) {
            chosen.add(other);
            next.push(other);
          }
        }
      }
      frontier = next;
    }
    const graph = new NetworkGraph();
    for (const key of chosen) {
      const entity = this.entities.get(key);
      if (entity !== undefined) graph.addEntity(entity);
    }
    // From the chosen entities' own relationships and events, not a pass over the whole network:
    // a neighbourhood of a national network is a few dozen of its hundreds of thousands.
    const among = new Set<Relationship>();
    for (const key of chosen) for (const r of this.relationshipsOf(key)) if (chosen.has(r.from) && chosen.has(r.to)) among.add(r);
    for (const r of [...among].sort((a, b) => (this.position.get(a) ?? 0) - (this.position.get(b) ?? 0))) graph.addRelationship(r);
    for (const key of chosen) for (const event of this.eventsByEntity.get(key) ?? []) graph.addEvent(event);
    return graph;
  }

  private index(): { adjacency: Adjacency; byId: Map<string, Relationship> } {
    this.indexed ??= { adjacency: new Adjacency(this.entities.keys(), this.relationships), byId: new Map(this.relationships.map((r) => [r.id, r])) };
    return this.indexed;
  }

  private adjacency(): Adjacency {
    return this.index().adjacency;
  }

  relationshipsOf(key: string): readonly Relationship[] {
    return this.byEntity.get(key) ?? [];
  }

  /** The entities joined to `key`, each with the relationships that join them, by type then label. */
  neighbours(key: string): Neighbour[] {
    const grouped = new Map<string, Relationship[]>();
    for (const relationship of this.relationshipsOf(key)) {
      const other = relationship.from === key ? relationship.to : relationship.from;
      if (other === key) continue;
      grouped.set(other, [...(grouped.get(other) ?? []), relationship]);
    }
    return [...grouped]
      .map(([other, relationships]) => ({ entity: this.entities.get(other) ?? { key: other, type: 'person' as const, label: other }, relationships }))
      .sort((a, b) => a.entity.type.localeCompare(b.entity.type) || a.entity.label.localeCompare(b.entity.label));
  }

  /** What happened to the entity, oldest first: its relationships and its own events. */
  timeline(key: string, describe: (relationship: Relationship) => string): TimelineEntry[] {
    const entries: TimelineEntry[] = [
      ...this.relationshipsOf(key).map((r) => ({ date: r.provenance.date, description: describe(r), provenance: r.provenance })),
      ...(this.eventsByEntity.get(key) ?? []).map((e) => ({ date: e.provenance.date, description: e.description, provenance: e.provenance })),
    ];
    return entries.sort((a, b) => a.date.localeCompare(b.date) || a.provenance.recordId.localeCompare(b.provenance.recordId));
  }

  /** The fewest steps between two entities, each with its evidence; null when they are not connected. */
  path(fromKey: string, toKey: string): PathStep[] | null {
    const adjacency = this.adjacency();
    const nodes = shortestPath(adjacency, fromKey, toKey);
    if (nodes === null) return null;
    const byId = this.index().byId;
    const steps: PathStep[] = [];
    for (let i = 0; i + 1 < nodes.length; i += 1) {
      const a = nodes[i] ?? '';
      const b = nodes[i + 1] ?? '';
      const relationships = adjacency.edgeIds(a, b).map((id) => byId.get(id)).filter((r): r is Relationship => r !== undefined);
      const from = this.entities.get(a);
      const to = this.entities.get(b);
      if (from !== undefined && to !== undefined) steps.push({ from, to, relationships });
    }
    return steps;
  }

  /** Connected groups of more than one entity, largest first: possible networks. */
  groups(): NetworkEntity[][] {
    return connectedComponents(this.adjacency())
      .filter((component) => component.length > 1)
      .map((component) => component.map((key) => this.entities.get(key)).filter((e): e is NetworkEntity => e !== undefined));
  }

  /** Degree, betweenness (normalised; estimated from a sample above BETWEENNESS_SOURCES entities) and PageRank of every entity, most between first. */
  centrality(): Centrality[] {
    const adjacency = this.adjacency();
    const degrees = degree(adjacency);
    const between = betweenness(adjacency, { normalised: true, sources: BETWEENNESS_SOURCES });
    const ranks = pageRank(adjacency);
    return [...this.entities.values()]
      .map((entity) => ({ entity, degree: degrees.get(entity.key) ?? 0, betweenness: between.get(entity.key) ?? 0, pageRank: ranks.get(entity.key) ?? 0 }))
      .sort((a, b) => b.betweenness - a.betweenness || b.degree - a.degree || b.pageRank - a.pageRank || a.entity.key.localeCompare(b.entity.key));
  }
}

function appendTo<T>(lists: Map<string, T[]>, key: string, value: T): void {
  const list = lists.get(key);
  if (list === undefined) lists.set(key, [value]);
  else list.push(value);
}
