// The network filters as a page or the API receives them: dates, forces, relationship types and
// a minimum grade. Unknown values are dropped rather than refused: a filter narrows, never fails.
import { isRelationshipType, type RelationshipType } from '../../domain/network/entities.ts';
import type { NetworkFilter } from '../../domain/network/graph.ts';
import type { NetworkSelection } from '../../services/network.ts';
import { isReliabilityLevel } from '../../domain/network/reliability.ts';

type Query = Record<string, string | string[] | undefined>;

function list(query: Query, name: string): string[] {
  const value = query[name];
  if (value === undefined || value === '') return [];
  return (Array.isArray(value) ? value : [value]).filter((v) => v !== '');
}

function one(query: Query, name: string): string {
  return list(query, name)[0] ?? '';
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function networkFilterOf(query: Query): NetworkFilter {
  const from = one(query, 'from');
  const to = one(query, 'to');
  const minimum = one(query, 'minimumGrade');
  const relationshipTypes: RelationshipType[] = list(query, 'relationship').filter(isRelationshipType);
  return {
    ...(DATE.test(from) ? { from } : {}),
    ...(DATE.test(to) ? { to } : {}),
    organisationIds: list(query, 'forceId'),
    relationshipTypes,
    minimumReliability: isReliabilityLevel(minimum) ? minimum : 'any',
  };
}

export function queryText(query: Query, name: string): string {
  return one(query, name);
}

export const MAX_SELECTION_DEPTH = 3;

/** The entities chosen for an export (`id`, repeated) and how many steps out to take; none chosen means the whole network. */
export function networkSelectionOf(query: Query): NetworkSelection | undefined {
  const keys = list(query, 'id');
  if (keys.length === 0) return undefined;
  const depth = Number.parseInt(one(query, 'depth'), 10);
  return { keys, depth: Number.isInteger(depth) ? Math.min(Math.max(depth, 0), MAX_SELECTION_DEPTH) : 1 };
}
