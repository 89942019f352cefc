// A first responder's own screenings: the same screening the information line's advisers run,
// done by the first responder themselves, and the list of what became of each (the record and
// where its referrals stand; the alert and what the force's triage made of it).
import type { FastifyInstance } from 'fastify';
import { rolesOnly } from '../../access/policies/routes.ts';
import { callOutcomeTerms } from '../../domain/vocabularies/informationLine.ts';
import { referralKindTerms, referralStatusTerms } from '../../domain/vocabularies/victimCare.ts';
import { EMPTY_CALL } from '../../services/informationLine.ts';
import type { Services } from '../../services/index.ts';
import { errorView, formBody, NO_ERRORS, textField, withFormErrors } from '../forms.ts';
import { actorOf } from '../routeGuard.ts';
import { submissionIdOf } from './recording/forms.ts';
import { screeningFormPage, screeningValuesOf } from './informationLine.ts';
import { TRIAGE_LABELS } from './triage.ts';
import { VICTIM_LABELS } from './victims/labels.ts';

export const SCREENERS = { config: { access: rolesOnly('first-responder') } };

const labelsOf = (terms: readonly { id: string; label: string }[]) => Object.fromEntries(terms.map((t) => [t.id, t.label])) as Record<string, string>;

const SCREENING_LABELS = {
  outcome: labelsOf(callOutcomeTerms), referralKind: labelsOf(referralKindTerms), referralStatus: labelsOf(referralStatusTerms),
  stage: VICTIM_LABELS.stages, triageStatus: TRIAGE_LABELS.status,
};

export async function registerScreeningRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const line = services.informationLine;

  app.get('/screenings', SCREENERS, async (request, reply) => {
    const screenings = await line.ownScreenings(actorOf(request));
    return reply.page('staff/screenings/list.njk', { screenings, labels: SCREENING_LABELS });
  });

  app.get('/screenings/new', SCREENERS, async (request, reply) =>
    screeningFormPage(line, reply, actorOf(request), { ...EMPTY_CALL, submissionId: submissionIdOf(null) }, { selfScreening: true }));

  app.post('/screenings/new', SCREENERS, async (request, reply) => {
    const actor = actorOf(request);
    const body = formBody(request.body);
    const values = screeningValuesOf(body);
    // "Show guidance" saves nothing: it shows the profile for the boxes ticked so far.
    if (textField(body, 'intent') === 'guidance') return screeningFormPage(line, reply, actor, values, { errors: NO_ERRORS, showGuidance: true, selfScreening: true });
    return withFormErrors(async () => {
      await line.screen(actor, values, values.submissionId);
      request.session.flash = { kind: 'success', title: 'Screening saved' };
      return reply.redirect('/screenings', 303);
    }, (errors) => screeningFormPage(line, reply, actor, values, { errors: errorView(errors), showGuidance: true, selfScreening: true }));
  });
}
