import type { FastifyInstance } from 'fastify';
import { hasRole } from '../../access/actor.ts';
import { SIGNED_IN } from '../../access/policies/routes.ts';
import { ROLE_LABELS, type Role } from '../../access/roles.ts';
import type { Services } from '../../services/index.ts';
import { staffNavigation } from './navigation.ts';
import { userActorOf } from '../routeGuard.ts';

interface HomeSection { title: string; description: string; links: Array<{ href: string; text: string }> }

/** What each role is here to do, in its own words; links only to pages the role can open. */
const ROLE_SECTIONS: Record<Role, HomeSection> = {
  officer: { title: 'Your force’s operation work', description: 'Record premises visits, the people found, rescues, arrests and intelligence for your force.', links: [{ href: '/visits', text: 'Premises visits' }, { href: '/people', text: 'People found' }, { href: '/arrests', text: 'Arrests' }, { href: '/premises', text: 'Premises' }] },
  supervisor: { title: 'Supervision', description: 'Assign and review your organisation’s work, and check its audit trail.', links: [{ href: '/results', text: 'Your force’s results' }, { href: '/visits', text: 'Premises visits' }, { href: '/audit', text: 'Audit trail of your organisation' }] },
  analyst: { title: 'The national picture', description: 'Every force’s results, cross-force record linkage, the network and the hidden-scale estimate.', links: [{ href: '/results', text: 'National results' }, { href: '/people', text: 'People found by every force' }, { href: '/organisations', text: 'Organisations taking part' }] },
  'information-line-adviser': { title: 'The information line', description: 'Take calls from immigration staff and social workers who think they have met a potential victim.', links: [] },
  'first-responder': { title: 'Screening and referral', description: 'Screen a person you are worried about, refer them, and follow what became of your referrals.', links: [{ href: '/screenings', text: 'Your screenings' }, { href: '/screenings/new', text: 'Screen a person' }] },
  'charity-case-worker': { title: 'Care for the people referred to you', description: 'Accept referrals, record consent and support, and track each person’s reflection period.', links: [] },
  'decision-maker': { title: 'Decisions', description: 'Make reasonable-grounds and conclusive-grounds decisions within their time limits.', links: [] },
  'organisation-administrator': { title: 'Your organisation’s users', description: 'Add people, set their roles, reset passwords and second factors, disable accounts.', links: [{ href: '/users', text: 'Manage users' }] },
  'system-administrator': { title: 'System administration', description: 'Manage the roster of organisations and their administrators. Case data is not visible to this role.', links: [{ href: '/organisations', text: 'Organisations' }, { href: '/users', text: 'All users' }, { href: '/audit', text: 'Audit trail and chain verification' }] },
};

/** Made once: building an Intl.DateTimeFormat costs far more than formatting with one. */
const LONDON_HOUR = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone: 'Europe/London' });

export async function registerHomeRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get('/', { config: { access: SIGNED_IN } }, async (request, reply) => {
    const actor = userActorOf(request);
    const user = await services.context.store.repositories.users.findById(actor.userId);
    const organisation = await services.organisations.get(actor, actor.organisationId);
    const roles = [...actor.roles].sort();
    const sections = roles.map((role) => ROLE_SECTIONS[role]);
    const hour = Number(LONDON_HOUR.format(services.context.clock()));
    const greeting = hour < 12 ? 'Good morning' : hour < 18 ? 'Good afternoon' : 'Good evening';
    return reply.page('staff/home.njk', {
      user: { displayName: user?.display_name ?? '' }, organisation, sections, greeting,
      roleLabels: roles.map((role) => ROLE_LABELS[role]), navigation: staffNavigation(actor, '/'),
      isSupervisor: hasRole(actor, 'supervisor'),
    });
  });
}
