// Victim care for analysts (pseudonymised, and a granted record's identity), and the owning
// organisation's supervisor's page that grants and revokes that access.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../access/actor.ts';
import { ConflictError } from '../../../access/errors.ts';
import { rolesOnly } from '../../../access/policies/routes.ts';
import { VICTIM_CARE_ROLES } from '../../../access/policies/victimCare.ts';
import { MAX_GRANT_DAYS, type AccessGrantInput } from '../../../services/victimCare/analysis.ts';
import type { Services } from '../../../services/index.ts';
import { errorView, formBody, NO_ERRORS, textField, withFormErrors, type ErrorView } from '../../forms.ts';
import { actorOf } from '../../routeGuard.ts';
import { VICTIM_LABELS } from './labels.ts';

const ANALYSTS = { config: { access: rolesOnly('analyst') } };
const EXPORTERS = { config: { access: rolesOnly('analyst', ...VICTIM_CARE_ROLES) } };
const GRANTERS = { config: { access: rolesOnly('supervisor') } };

function victimIdOf(request: FastifyRequest): string {
  return (request.params as { victimId: string }).victimId;
}

function grantIdOf(request: FastifyRequest): string {
  return (request.params as { grantId: string }).grantId;
}

export function registerVictimAnalysisPages(app: FastifyInstance, services: Services): void {
  const names = async (actor: Actor) => Object.fromEntries((await services.organisations.list(actor, { includeRetired: true })).map((o) => [o.id, o.name]));
  const labels = { ...VICTIM_LABELS, ageBands: { ...VICTIM_LABELS.ageBands, 'under-18': 'Under 18' } };

  // The HTCDS case-data file: pseudonymised; every case for analysts, the organisation's own for its staff.
  app.get('/victims/export/htcds.csv', EXPORTERS, async (request, reply) => {
    const result = await services.htcdsExport.exportCsv(actorOf(request));
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${result.fileName}"`)
      // Case data, even pseudonymised: never kept by a browser or a proxy cache.
      .header('cache-control', 'no-store').send(result.csv);
  });

  app.get('/victim-analysis', ANALYSTS, async (request, reply) => {
    const actor = actorOf(request);
    return reply.page('staff/victims/analysis.njk', { records: await services.victimAnalysis.list(actor), names: await names(actor), labels });
  });

  app.get('/victim-access-grants/:grantId', ANALYSTS, async (request, reply) => {
    const actor = actorOf(request);
    return reply.page('staff/victims/granted.njk', { record: await services.victimAnalysis.granted(actor, grantIdOf(request)), names: await names(actor), labels });
  });

  const grantsPage = async (reply: FastifyReply, actor: Actor, victimId: string, values: AccessGrantInput, errors: ErrorView = NO_ERRORS) => {
    const [person, grants, analysts] = await Promise.all([
      services.potentialVictims.get(actor, victimId), services.victimAnalysis.grants(actor, victimId), services.victimAnalysis.analysts(actor, victimId),
    ]);
    return reply.code(errors === NO_ERRORS ? 200 : 400).page('staff/victims/access-grants.njk', {
      person: { id: person.id, name: person.identity?.fullName ?? 'Potential victim' }, grants, values, ...errors, maxDays: MAX_GRANT_DAYS,
      analystItems: [{ value: '', text: 'Select an analyst' }, ...analysts.map((a) => ({ value: a.id, text: a.displayName, selected: a.id === values.analystId }))],
    });
  };

  app.get('/victims/:victimId/access-grants', GRANTERS, async (request, reply) => grantsPage(reply, actorOf(request), victimIdOf(request), { analystId: '', purpose: '', days: '7' }));

  app.post('/victims/:victimId/access-grants', GRANTERS, async (request, reply) => {
    const actor = actorOf(request);
    const body = formBody(request.body);
    const values: AccessGrantInput = { analystId: textField(body, 'analystId'), purpose: textField(body, 'purpose'), days: textField(body, 'days') };
    try {
      return await withFormErrors(async () => {
        const grant = await services.victimAnalysis.grant(actor, victimIdOf(request), values);
        request.session.flash = { kind: 'success', title: `Access granted to ${grant.grantedToName}`, text: `Until ${grant.expiresAt.slice(0, 10)}.` };
        return reply.redirect(`/victims/${victimIdOf(request)}/access-grants`, 303);
      }, (errors) => grantsPage(reply, actor, victimIdOf(request), values, errorView(errors)));
    } catch (error) {
      if (error instanceof ConflictError) return grantsPage(reply, actor, victimIdOf(request), values, errorView([{ field: 'analystId', message: error.message }]));
      throw error;
    }
  });

  app.post('/victim-access-grants/:grantId/revoke', GRANTERS, async (request, reply) => {
    const { potentialVictimId } = await services.victimAnalysis.revoke(actorOf(request), grantIdOf(request));
    request.session.flash = { kind: 'success', title: 'Access revoked' };
    return reply.redirect(`/victims/${potentialVictimId}/access-grants`, 303);
  });
}
