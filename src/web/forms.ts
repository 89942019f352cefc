// Reading urlencoded form bodies and turning validation errors into what the GOV.UK error
// summary and field error messages need. Values are kept exactly as typed for re-display.
import type { FastifyReply } from 'fastify';
import { ValidationError, type FieldError } from '../access/errors.ts';

export type FormBody = Record<string, string | string[] | undefined>;

export function formBody(body: unknown): FormBody {
  return typeof body === 'object' && body !== null ? (body as FormBody) : {};
}

export function textField(body: FormBody, name: string): string {
  const value = body[name];
  if (Array.isArray(value)) return value[0] ?? '';
  return value ?? '';
}

export function listField(body: FormBody, name: string): string[] {
  const value = body[name];
  if (value === undefined || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

export type ErrorView = {
  errorList: Array<{ text: string; href: string }>;
  fieldErrors: Record<string, string>;
};

export function errorView(errors: readonly FieldError[]): ErrorView {
  const fieldErrors: Record<string, string> = {};
  for (const error of errors) fieldErrors[error.field] ??= error.message;
  return { errorList: errors.map((e) => ({ text: e.message, href: `#${e.field}` })), fieldErrors };
}

export const NO_ERRORS: ErrorView = { errorList: [], fieldErrors: {} };

/** A redirect target from a sign-in form must stay on this site. */
export function safeNextPath(next: string): string {
  return next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

/**
 * Runs a form's save. Input the service refuses comes back as the form with its errors; any
 * other failure goes on to the error handler. Every form page posts through this one path.
 */
export async function withFormErrors(save: () => Promise<FastifyReply>, showErrors: (errors: FieldError[]) => Promise<FastifyReply>): Promise<FastifyReply> {
  try {
    return await save();
  } catch (error) {
    if (error instanceof ValidationError) return showErrors(error.fieldErrors);
    throw error;
  }
}
