import type { Actor } from '../../access/actor.ts';
import { readableForces, readableResults } from '../../access/policies/enforcementRecords.ts';
import { canUseLinkage } from '../../access/policies/linkage.ts';
import { canListOrganisations } from '../../access/policies/organisations.ts';
import { canReadAudit } from '../../access/policies/audit.ts';
import { dashboardForces } from '../../access/policies/dashboard.ts';
import { canUseIntelligence } from '../../access/policies/intelligence.ts';
import { canEstimateHiddenScale } from '../../access/policies/hiddenScale.ts';
import { canUseTriage } from '../../access/policies/publicReports.ts';
import { canReadCalls, canScreenThemselves } from '../../access/policies/informationLine.ts';
import { canManageStatisticsReleases } from '../../access/policies/statisticsReleases.ts';
import { canAssignFollowUps, canSeeFollowUps } from '../../access/policies/followUps.ts';
import { manageableOrganisationIds } from '../../access/policies/users.ts';
import { canAnalyseVictimCare, canWorkOnVictimCare } from '../../access/policies/victimCare.ts';

export interface NavigationItem { href: string; text: string; active?: boolean }

/** The menu shows only what the actor may open, decided by the same policies as the pages. */
export function staffNavigation(actor: Actor | null, currentPath: string): NavigationItem[] {
  if (actor === null) return [];
  const items: NavigationItem[] = [{ href: '/', text: 'Home' }];
  const forces = readableForces(actor);
  if (forces === undefined || forces.length > 0) items.push({ href: '/visits', text: 'Visits' }, { href: '/people', text: 'People' }, { href: '/arrests', text: 'Arrests' });
  if (actor.kind === 'user' && canWorkOnVictimCare(actor)) items.push({ href: '/victims', text: 'Victim care' });
  if (canAnalyseVictimCare(actor)) items.push({ href: '/victim-analysis', text: 'Victim care (pseudonymised)' });
  if (canUseIntelligence(actor)) items.push({ href: '/intelligence', text: 'Intelligence' }, { href: '/network', text: 'Network' });
  const results = readableResults(actor);
  if (results === undefined || results.length > 0) items.push({ href: '/results', text: 'Results' });
  if ((dashboardForces(actor)?.length ?? 1) > 0) items.push({ href: '/dashboard', text: 'Dashboard' });
  if (canUseLinkage(actor)) items.push({ href: '/linkage', text: 'Linkage' });
  if (actor.kind === 'user' && canEstimateHiddenScale(actor)) items.push({ href: '/hidden-scale', text: 'The hidden scale' });
  if (canManageStatisticsReleases(actor)) items.push({ href: '/statistics-releases', text: 'Statistics releases' });
  if (canUseTriage(actor)) items.push({ href: '/triage', text: 'Public reports' });
  if (actor.kind === 'user' && canReadCalls(actor)) items.push({ href: '/information-line', text: 'Information line' });
  if (canScreenThemselves(actor)) items.push({ href: '/screenings', text: 'My screenings' });
  if (actor.kind === 'user' && canSeeFollowUps(actor, actor.organisationId)) items.push({ href: '/follow-ups', text: 'My follow-ups' });
  if (actor.kind === 'user' && canAssignFollowUps(actor, actor.organisationId)) items.push({ href: '/follow-ups/force', text: 'Force follow-ups' });
  if (canListOrganisations(actor)) items.push({ href: '/organisations', text: 'Organisations' });
  const manageable = manageableOrganisationIds(actor);
  if (manageable === undefined || manageable.length > 0) items.push({ href: '/users', text: 'Users' });
  if (canReadAudit(actor)) items.push({ href: '/audit', text: 'Audit trail' });
  if (actor.kind === 'user') items.push({ href: '/notifications', text: 'Notifications' }, { href: '/account', text: 'Your account' });
  // The longest matching entry is the current one, so /follow-ups/force is not also "My follow-ups".
  const matches = (href: string) => (href === '/' ? currentPath === '/' : currentPath === href || currentPath.startsWith(`${href}/`) || currentPath.startsWith(`${href}.`));
  const current = items.filter((item) => matches(item.href)).sort((a, b) => b.href.length - a.href.length)[0];
  return items.map((item) => ({ ...item, active: item === current }));
}
