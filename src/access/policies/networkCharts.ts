import type { OrganisationKind } from '../../domain/organisationKinds.ts';
import { isRole } from '../roles.ts';
import type { Actor, UserActor } from '../actor.ts';
import { canUseIntelligence } from './intelligence.ts';

// Saved network charts. A chart belongs to the user who saved it; they may share it with named
// colleagues, of any organisation, who may use the network themselves (the same rights). Anyone
// else is told the chart does not exist. Only the owner changes or shares it. What a chart shows
// is decided per viewer by the network they may see (services/network.ts), not by the chart, so
// a colleague of another force gets the chart without the entities only the owner may see.

export interface ChartFacts { ownerId: string; organisationId: string }

export function canKeepCharts(actor: Actor): actor is UserActor {
  return actor.kind === 'user' && canUseIntelligence(actor);
}

export function canOpenChart(actor: Actor, chart: ChartFacts, sharedWithActor: boolean): boolean {
  if (!canKeepCharts(actor)) return false;
  return actor.userId === chart.ownerId || sharedWithActor;
}

export function canChangeChart(actor: Actor, chart: ChartFacts): boolean {
  return canKeepCharts(actor) && actor.userId === chart.ownerId;
}

/** A colleague may be given a chart: an account in use, with a role that uses the network in its organisation. */
export function canReceiveChart(
  owner: UserActor, colleague: { id: string; organisation_id: string; disabled_at: string | null; roles: readonly string[] }, colleagueOrganisationKind: OrganisationKind,
): boolean {
  if (colleague.id === owner.userId || colleague.disabled_at !== null) return false;
  return canUseIntelligence({ ...owner, userId: colleague.id, organisationId: colleague.organisation_id, organisationKind: colleagueOrganisationKind, roles: new Set(colleague.roles.filter(isRole)) });
}
