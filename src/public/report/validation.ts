// Checking answers against the journey. What people typed is stored exactly as typed — no
// trimming, no "sanitising" — and escaped when it is shown; trimming happens only inside checks,
// so that a field of spaces counts as empty.
import type { LanguageCode } from '../i18n/languages.ts';
import { translator } from '../i18n/translate.ts';
import { reportJourney, stepById, type Field, type PageId, type Step, type StepId } from './journey.ts';
import { parseReference } from './reference.ts';

export type AnswerValue = string | readonly string[];

/** Answers gathered so far, by field name; a field present with '' was seen and left empty. */
export type ReportAnswers = Readonly<Record<string, AnswerValue | undefined>>;

/** What a form post carries: a field may arrive once, many times, or not at all. */
export type SubmittedFields = Readonly<Record<string, unknown>>;

export interface FieldError {
  readonly field: string;
  readonly messageKey: string;
  /** The message in the page's language, for the error summary and the field. */
  readonly message: string;
}

export interface StepValidation {
  /** This step's fields only, as typed; anything else in the post is dropped. */
  readonly values: Readonly<Record<string, AnswerValue>>;
  readonly errors: readonly FieldError[];
}

export function characterCount(value: string): number {
  // Code points, so an emoji or a Chinese character counts once, as people count them.
  let count = 0;
  for (const _ of value) count += 1;
  return count;
}

function isBlank(value: AnswerValue | undefined): boolean {
  if (value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  return value.length === 0;
}

function readSubmitted(field: Field, submitted: unknown): AnswerValue {
  const asStrings = (Array.isArray(submitted) ? submitted : [submitted]).filter(
    (item): item is string => typeof item === 'string',
  );
  if (field.type === 'checkboxes') return asStrings.filter((item) => item !== '');
  // A text field or a radio posted twice is a tampered or broken form; keep the first.
  return asStrings[0] ?? '';
}

const phonePattern = /^\+?[0-9\s().-]{6,}$/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function formatIsValid(field: Field, value: string): boolean {
  const trimmed = value.trim();
  switch (field.format) {
    case undefined:
      return true;
    case 'phone':
      return phonePattern.test(trimmed) && (trimmed.match(/[0-9]/g) ?? []).length >= 6;
    case 'email':
      return emailPattern.test(trimmed);
    case 'reference':
      return parseReference(trimmed) !== null;
  }
}

function fieldErrorKey(field: Field, value: AnswerValue): string | undefined {
  if (isBlank(value)) return field.required ? field.errors.required : undefined;
  if (typeof value === 'string') {
    if (field.maxLength !== undefined && characterCount(value) > field.maxLength) return field.errors.tooLong;
    if (field.options !== undefined && !field.options.some((option) => option.value === value)) {
      return field.errors.required;
    }
    if (!formatIsValid(field, value)) return field.errors.format;
    return undefined;
  }
  const allowed = new Set(field.options?.map((option) => option.value));
  if (!value.every((item) => allowed.has(item))) return field.errors.required;
  return undefined;
}

function checkStep(step: Step, values: Readonly<Record<string, AnswerValue | undefined>>): { field: string; messageKey: string; max?: number }[] {
  const problems: { field: string; messageKey: string; max?: number }[] = [];
  for (const field of step.fields) {
    const key = fieldErrorKey(field, values[field.name] ?? '');
    if (key !== undefined) {
      problems.push({ field: field.name, messageKey: key, ...(field.maxLength === undefined ? {} : { max: field.maxLength }) });
    }
  }
  const group = step.atLeastOneOf;
  if (group !== undefined && group.fields.every((name) => isBlank(values[name]))) {
    problems.unshift({ field: group.reportOn, messageKey: group.messageKey });
  }
  return problems;
}

/** Validates one page's post. Errors come in page order, ready for the GOV.UK error summary. */
export function validateStep(stepId: PageId, submittedFields: SubmittedFields, lang: LanguageCode): StepValidation {
  const step = stepById(stepId);
  const values: Record<string, AnswerValue> = {};
  for (const field of step.fields) values[field.name] = readSubmitted(field, submittedFields[field.name]);
  const t = translator(lang);
  const errors = checkStep(step, values).map((problem) => ({
    field: problem.field,
    messageKey: problem.messageKey,
    message: t(problem.messageKey, problem.max === undefined ? undefined : { max: problem.max }),
  }));
  return { values, errors };
}

function isAnswered(step: Step, answers: ReportAnswers): boolean {
  if (step.kind !== 'question') return true;
  return step.fields.every((field) => answers[field.name] !== undefined) && checkStep(step, answers).length === 0;
}

/** The step that follows `step` for these answers: the first matching fork, else `next`. */
export function followingStep(step: Step, answers: ReportAnswers): StepId | undefined {
  for (const fork of step.forks ?? []) {
    const answer = answers[fork.field];
    const chosen = typeof answer === 'string' ? [answer] : (answer ?? []);
    if (chosen.some((value) => fork.oneOf.includes(value))) return fork.to;
  }
  return step.next;
}

/** The steps this reporter's answers lead through, from the first to check-your-answers. */
export function stepsOnPath(answers: ReportAnswers): StepId[] {
  const path: StepId[] = [];
  let current: StepId | undefined = reportJourney.firstStep;
  while (current !== undefined && !path.includes(current)) {
    path.push(current);
    if (current === 'checkAnswers') break;
    current = followingStep(stepById(current), answers);
  }
  return path;
}

/**
 * Where to send the reporter. After posting a page, pass `after` to follow that page's forks
 * (so a "yes" to danger shows the call-999 page next). Without it, the first step on the path
 * that still needs an answer, or check-your-answers when none does: the place to resume.
 */
export function nextStep(answers: ReportAnswers, after?: StepId): StepId {
  if (after !== undefined) {
    return followingStep(stepById(after), answers) ?? 'confirmation';
  }
  return stepsOnPath(answers).find((id) => !isAnswered(stepById(id), answers)) ?? 'checkAnswers';
}

export function isComplete(answers: ReportAnswers): boolean {
  const path = stepsOnPath(answers);
  return path.includes('checkAnswers') && path.every((id) => isAnswered(stepById(id), answers));
}

/**
 * Only the answers of steps on the reporter's path. Someone who typed contact details and then
 * chose to stay anonymous has those details dropped here, before anything is stored.
 */
export function answersOnPath(answers: ReportAnswers): Record<string, AnswerValue> {
  const kept: Record<string, AnswerValue> = {};
  for (const id of stepsOnPath(answers)) {
    for (const field of stepById(id).fields) {
      const value = answers[field.name];
      if (value !== undefined) kept[field.name] = value;
    }
  }
  return kept;
}

export interface SummaryRow {
  readonly field: string;
  readonly label: string;
  /** What was typed, or the chosen options' labels; several choices are separate lines. */
  readonly value: readonly string[];
  readonly changeStep: StepId;
  readonly changePath: string;
}

export function checkAnswersSummary(answers: ReportAnswers, lang: LanguageCode): SummaryRow[] {
  const t = translator(lang);
  const rows: SummaryRow[] = [];
  for (const id of stepsOnPath(answers)) {
    const step = stepById(id);
    for (const field of step.fields) {
      const answer = answers[field.name];
      const chosen = answer === undefined ? [] : typeof answer === 'string' ? [answer] : [...answer];
      const shown = chosen
        .filter((value) => value.trim() !== '')
        .map((value) => {
          const option = field.options?.find((candidate) => candidate.value === value);
          return option === undefined ? value : t(option.labelKey);
        });
      rows.push({
        field: field.name,
        label: t(field.summaryKey),
        value: shown.length > 0 ? shown : [t('summary.notGiven')],
        changeStep: id,
        changePath: step.path,
      });
    }
  }
  return rows;
}
