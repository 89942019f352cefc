// The public side of reporting: drafts kept between pages, sending a report, and adding to it
// later. Nobody is signed in and nobody is identified: a draft is found by a digest of the random
// id in the reporter's cookie, and nothing about the client (address, browser) is passed in here,
// so nothing about it can be stored.
import { randomBytes } from 'node:crypto';
import type { LanguageCode } from '../public/i18n/languages.ts';
import { isLanguageCode, sourceLanguage } from '../public/i18n/languages.ts';
import { answersOnPath, isComplete, type AnswerValue, type ReportAnswers } from '../public/report/validation.ts';
import { generateReference, generateSecret, hashSecret, parseReference, verifySecret } from '../public/report/reference.ts';
import { routeToForce } from '../public/routing/routeToForce.ts';
import { digest } from '../security/secrets.ts';
import { newId } from '../store/ids.ts';
import type { PublicReportRow } from '../store/schema.ts';
import { recordAudit } from './auditTrail.ts';
import { isoNow, type ServiceContext } from './context.ts';

/** A draft is forgotten after this long without a page being sent. */
export const DRAFT_IDLE_MINUTES = 120;

export interface PublicDraft {
  token: string;
  language: LanguageCode;
  answers: ReportAnswers;
  /** Set once sent: the reference and secret wait here until the confirmation page shows them. */
  sent: { reference: string; secret: string } | null;
  alreadySent: boolean;
}

export type SubmitResult =
  | { kind: 'sent'; reference: string }
  | { kind: 'incomplete' }
  | { kind: 'no-draft' };

function isAnswerValue(value: unknown): value is AnswerValue {
  return typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
}

function textOf(answers: Readonly<Record<string, AnswerValue>>, name: string): string | undefined {
  const value = answers[name];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function listOf(answers: Readonly<Record<string, AnswerValue>>, name: string): string[] {
  const value = answers[name];
  return Array.isArray(value) ? [...(value as readonly string[])] : [];
}

/** A dummy hash to verify against when a reference is unknown, so both failures take as long. */
let decoyHash: Promise<string> | undefined;

export class PublicReportingService {
  constructor(private readonly context: ServiceContext) {}

  private now(): string {
    return isoNow(this.context.clock);
  }

  private expiry(): string {
    return new Date(this.context.clock().getTime() + DRAFT_IDLE_MINUTES * 60_000).toISOString();
  }

  private openAnswers(sealed: string): ReportAnswers {
    const parsed: unknown = JSON.parse(this.context.fieldCipher.open(sealed));
    const answers: Record<string, AnswerValue> = {};
    if (typeof parsed === 'object' && parsed !== null) {
      for (const [name, value] of Object.entries(parsed)) if (isAnswerValue(value)) answers[name] = value;
    }
    return answers;
  }

  /** The draft behind a cookie's token, or null when there is none (or it has expired). */
  async draft(token: string | undefined): Promise<PublicDraft | null> {
    if (token === undefined || token === '') return null;
    const row = await this.context.store.repositories.publicReports.findDraft(digest(token), this.now());
    if (row === undefined) return null;
    let sent: PublicDraft['sent'] = null;
    if (row.confirmation !== null) {
      const parsed = JSON.parse(this.context.fieldCipher.open(row.confirmation)) as { reference?: unknown; secret?: unknown };
      if (typeof parsed.reference === 'string' && typeof parsed.secret === 'string') sent = { reference: parsed.reference, secret: parsed.secret };
    }
    return {
      token, language: isLanguageCode(row.language) ? row.language : sourceLanguage, answers: this.openAnswers(row.answers), sent, alreadySent: row.report_id !== null,
    };
  }

  /**
   * Keeps a page's answers with those already given, starting a draft when there is none.
   * Returns the token for the cookie (a new one when the draft is new). A sent draft takes no
   * more answers: a new report starts a new draft.
   */
  async saveAnswers(token: string | undefined, values: Readonly<Record<string, AnswerValue>>, language: LanguageCode): Promise<string> {
    const existing = await this.draft(token);
    const usable = existing !== null && !existing.alreadySent ? existing : null;
    const draftToken = usable?.token ?? randomBytes(32).toString('base64url');
    const answers = { ...(usable?.answers ?? {}), ...values };
    const repositories = this.context.store.repositories.publicReports;
    const now = this.now();
    if (usable === null) await repositories.purgeExpiredDrafts(now);
    await repositories.saveDraft({
      id: digest(draftToken), language, answers: this.context.fieldCipher.seal(JSON.stringify(answers)), report_id: null, confirmation: null,
      expires_at: this.expiry(), updated_at: now,
    });
    return draftToken;
  }

  /**
   * Sends the draft as a report: only the answers on the reporter's path, sealed; routed to a
   * force by the place given, or to the national centre when it cannot be placed. A second post
   * of the same draft (a double click, a resend) finds the first report and makes no other.
   */
  async submit(token: string | undefined, language: LanguageCode, requestId: string | null): Promise<SubmitResult> {
    const draft = await this.draft(token);
    if (draft === null || token === undefined) return { kind: 'no-draft' };
    const submissionKey = digest(token);
    const repositories = this.context.store.repositories.publicReports;
    if (draft.alreadySent) {
      const report = await repositories.findBySubmissionKey(submissionKey);
      return report === undefined ? { kind: 'no-draft' } : { kind: 'sent', reference: report.reference };
    }
    if (!isComplete(draft.answers)) return { kind: 'incomplete' };
    const answers = answersOnPath(draft.answers);
    const route = routeToForce({ postcode: textOf(answers, 'postcode'), town: textOf(answers, 'town'), address: textOf(answers, 'address') });
    const force = route === null ? undefined : await this.context.store.repositories.organisations.findByCode(route.forceCode);
    const placed = force !== undefined && force.kind === 'police-force' && force.retired_at === null;
    const secret = generateSecret();
    const secretHash = await hashSecret(secret);
    const now = this.now();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const reference = generateReference();
      if ((await repositories.findByReference(reference)) !== undefined) continue;
      const row: PublicReportRow = {
        id: newId(), reference, secret_hash: secretHash, submission_key: submissionKey, language,
        danger: textOf(answers, 'danger') ?? '', signs: JSON.stringify(listOf(answers, 'signs')), how_you_know: textOf(answers, 'howYouKnow') ?? '',
        contact_preference: textOf(answers, 'contactPreference') ?? '', answers: this.context.fieldCipher.seal(JSON.stringify(answers)),
        routed_organisation_id: placed ? force.id : null, routing_basis: placed && route !== null ? route.basis : null,
        status: 'new', received_at: now, last_addition_at: null, updated_at: now, source: 'public',
      };
      try {
        await this.context.store.transaction(async (tx) => {
          await tx.publicReports.insert(row);
          await tx.publicReports.saveDraft({
            id: submissionKey, language, answers: this.context.fieldCipher.seal('{}'), report_id: row.id,
            confirmation: this.context.fieldCipher.seal(JSON.stringify({ reference, secret })), expires_at: this.expiry(), updated_at: now,
          });
          // The audit trail says a report arrived and where it went; nothing of what it says.
          await recordAudit(tx, { kind: 'anonymous', requestId }, now, {
            action: 'public-report.create', subjectType: 'public-report', subjectId: row.id, subjectOrganisationId: row.routed_organisation_id,
            details: { language: row.language, routingBasis: row.routing_basis, danger: row.danger },
          });
        });
        return { kind: 'sent', reference };
      } catch (error) {
        // A racing second post of the same draft lost to the first: answer as the first did.
        const first = await repositories.findBySubmissionKey(submissionKey);
        if (first !== undefined) return { kind: 'sent', reference: first.reference };
        if ((await repositories.findByReference(reference)) === undefined) throw error;
      }
    }
    throw new Error('Could not find an unused reference');
  }

  /** The reference and secret, once: the draft is gone after this, so a reload cannot show them again. */
  async takeConfirmation(token: string | undefined): Promise<{ reference: string; secret: string } | null> {
    const draft = await this.draft(token);
    if (draft?.sent === null || draft === null || token === undefined) return null;
    await this.context.store.repositories.publicReports.deleteDraft(digest(token));
    return draft.sent;
  }

  /**
   * Adds information to a report for whoever holds its reference and secret. Answers only
   * whether they matched: never what the report said, nor whether the reference exists.
   */
  async addInformation(input: { reference: string; secret: string; information: string }, language: LanguageCode, requestId: string | null): Promise<boolean> {
    const reference = parseReference(input.reference);
    const report = reference === null ? undefined : await this.context.store.repositories.publicReports.findByReference(reference);
    decoyHash ??= hashSecret(randomBytes(16).toString('hex'));
    const matched = await verifySecret(input.secret, report?.secret_hash ?? (await decoyHash));
    if (report === undefined || !matched) return false;
    const now = this.now();
    await this.context.store.transaction(async (tx) => {
      const id = newId();
      await tx.publicReports.insertAddition({ id, report_id: report.id, language, information: this.context.fieldCipher.seal(input.information), received_at: now });
      // New information reopens a report that was closed: someone must read it.
      await tx.publicReports.update(report.id, { last_addition_at: now, status: 'new', updated_at: now });
      await recordAudit(tx, { kind: 'anonymous', requestId }, now, {
        action: 'public-report.add-information', subjectType: 'public-report', subjectId: report.id, subjectOrganisationId: report.routed_organisation_id,
        details: { additionId: id, language, statusBefore: report.status },
      });
    });
    return true;
  }
}
