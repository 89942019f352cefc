// Setting up an authenticator app, shared by the forced enrolment at sign-in and the account page.
import type { FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { ValidationError } from '../../access/errors.ts';
import type { Services } from '../../services/index.ts';
import { NO_ERRORS, errorView, formBody, textField, type ErrorView } from '../forms.ts';

export class TotpEnrolmentPages {
  constructor(private readonly services: Services) {}

  async show(request: FastifyRequest, reply: FastifyReply, userId: string, formAction: string, required: boolean, errors: ErrorView = NO_ERRORS): Promise<FastifyReply> {
    const user = await this.services.context.store.repositories.users.findById(userId);
    if (user === undefined) return reply.redirect('/sign-in', 303);
    // The secret waits in the session, not the database, until a first code proves the app has it.
    const enrolment = request.session.pendingTotpSecret === undefined ? this.services.authentication.beginEnrolment(user.email) : null;
    if (enrolment !== null) request.session.pendingTotpSecret = enrolment.secret;
    const secret = request.session.pendingTotpSecret ?? '';
    const uri = this.services.authentication.enrolmentUri(secret, user.email);
    const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    return reply.code(errors === NO_ERRORS ? 200 : 400).page('staff/enrol.njk', { ...errors, qrSvg, secret, formAction, required });
  }

  /** Returns the recovery codes to reveal, or the reply already sent (the form again, with errors). */
  async confirm(request: FastifyRequest, reply: FastifyReply, userId: string, formAction: string, required: boolean): Promise<string[] | FastifyReply> {
    const secret = request.session.pendingTotpSecret;
    if (secret === undefined) return reply.redirect(formAction, 303);
    try {
      const recoveryCodes = await this.services.authentication.confirmEnrolment(userId, secret, textField(formBody(request.body), 'code'), request.id);
      request.session.pendingTotpSecret = undefined;
      return recoveryCodes;
    } catch (error) {
      if (error instanceof ValidationError) return this.show(request, reply, userId, formAction, required, errorView(error.fieldErrors));
      throw error;
    }
  }
}
