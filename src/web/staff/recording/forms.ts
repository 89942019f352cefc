// What every recording form shares: the submission id that makes a second post harmless, the
// three boxes of a date input, and error links that land on the first box of a date.
import type { FastifyReply } from 'fastify';
import { rolesOnly } from '../../../access/policies/routes.ts';
import { ValidationError, type FieldError } from '../../../access/errors.ts';
import type { DateParts } from '../../../domain/recording/enteredValues.ts';
import { offenceCategoryTerms, offencesIn } from '../../../domain/vocabularies/offences.ts';
import type { Jurisdiction } from '../../../domain/calendar/jurisdiction.ts';
import { StaleRecordError } from '../../../services/enforcementEditing.ts';
import { newId } from '../../../store/ids.ts';
import { NO_ERRORS, errorView, textField, type ErrorView, type FormBody } from '../../forms.ts';

export const RECORDERS = rolesOnly('officer', 'supervisor');
export const RECORDING_ROUTE = { config: { access: RECORDERS } };

/** A fresh id for a form being shown; a form shown again after an error keeps the one it was posted with. */
export function submissionIdOf(body: FormBody | null): string {
  const posted = body === null ? '' : textField(body, 'submissionId');
  return posted === '' ? newId() : posted;
}

export function dateField(body: FormBody, name: string): DateParts {
  return { day: textField(body, `${name}-day`), month: textField(body, `${name}-month`), year: textField(body, `${name}-year`) };
}

export const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };

/** The error summary links a date problem to the day box, as the GOV.UK date input pattern asks. */
export function recordingErrors(errors: readonly FieldError[], dateFields: readonly string[]): ErrorView {
  const view = errorView(errors);
  return { ...view, errorList: view.errorList.map((e) => (dateFields.some((f) => e.href === `#${f}`) ? { ...e, href: `${e.href}-day` } : e)) };
}

export function renderForm(reply: FastifyReply, template: string, locals: { values: object } & Record<string, unknown>, errors: ErrorView = NO_ERRORS): Promise<FastifyReply> {
  // A submission id that was refused is never sent back: the next post gets a fresh one.
  const values = errors.fieldErrors['submissionId'] === undefined ? locals.values : { ...locals.values, submissionId: newId() };
  // A save refused because the record moved on is a conflict, not bad input.
  const status = errors === NO_ERRORS ? 200 : errors.fieldErrors['version'] === undefined ? 400 : 409;
  return reply.code(status).page(template, { ...errors, ...locals, values });
}

/** What turns a recording form into an edit form: where it posts, what it says, where it goes back to. */
export interface EditView { action: string; heading: string; button: string; recordHref: string }

export function editView(recordHref: string, heading: string): EditView {
  return { action: `${recordHref}/edit`, heading, button: 'Save changes', recordHref };
}

/** The version an edit form was based on, as posted. */
export function versionOf(body: FormBody): string {
  return textField(body, 'version');
}

/** A save refused because the record moved on comes back as the form with a warning, like any other refusal. */
export async function refusingStale<T>(save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (error) {
    if (error instanceof StaleRecordError) throw new ValidationError([{ field: 'version', message: error.message }]);
    throw error;
  }
}

export interface Choice { value: string; text: string; selected?: boolean; checked?: boolean }

export function choices(terms: readonly { id: string; label: string }[], chosen: string, mark: 'selected' | 'checked', placeholder?: string): Choice[] {
  const items: Choice[] = terms.map((t) => ({ value: t.id, text: t.label, [mark]: t.id === chosen }));
  return placeholder === undefined ? items : [{ value: '', text: placeholder }, ...items];
}

export interface OffenceGroup { label: string; offences: Array<{ value: string; text: string; selected: boolean }> }

/** The offences of the force's jurisdiction, grouped by category, each showing its Act and section. */
export function offenceGroups(jurisdiction: Jurisdiction, chosen: string): OffenceGroup[] {
  const offences = offencesIn(jurisdiction);
  return offenceCategoryTerms
    .map((category) => ({
      label: category.label,
      offences: offences.filter((o) => o.category === category.id).map((o) => ({ value: o.id, text: `${o.label} (${o.act}, ${o.section})`, selected: o.id === chosen })),
    }))
    .filter((group) => group.offences.length > 0);
}
