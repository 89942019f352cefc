import { hasRole, type Actor } from '../actor.ts';
import { readableResults } from './enforcementRecords.ts';

// Releases count every force's records, so they are prepared and approved by those who may read
// every force's results: the national centre's analysts. Approval needs a second analyst (the
// "two pairs of eyes" of official statistics): the figures become the public record and can then
// only be corrected in the open, so the one who prepared a release cannot also approve it.
export function canManageStatisticsReleases(actor: Actor): boolean {
  if (actor.kind === 'system') return false;
  return actor.organisationKind === 'national-centre' && hasRole(actor, 'analyst') && readableResults(actor) === undefined;
}

export function canApproveStatisticsRelease(actor: Actor, preparedBy: string): boolean {
  return canManageStatisticsReleases(actor) && actor.kind === 'user' && actor.userId !== preparedBy;
}
